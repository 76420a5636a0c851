/** /friends add, add-contact and remove (behind Confirm/Cancel), each audited. */

import type { Invocation, LinkedAccount } from "../../context.js";
import { removeFriend, removePrompt } from "../../domain/friendship.js";
import { recordHandled } from "../../domain/handled-requests.js";
import { auditName, type Person, personMd, personText, resolveUser } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import type { Locale } from "../../i18n/locales.js";
import { md } from "../../i18n/t.js";
import { successEmbed } from "../../ui/embeds.js";
import { truncate } from "../../ui/format.js";
import type { Cmd, ConfirmOperation, Pager } from "../types.js";

type Reply = Awaited<ReturnType<Pager>>;

const bold = (p: Person, locale: Locale) => personMd(p, locale);

export async function add(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await resolveUser(ctx, interaction.options.getString("user", true));
  if (target.id === linked.account.robloxId) throw new UserError("friends.selfFriend");
  const nickname = interaction.options.getString("nickname")?.trim() ?? "";
  const me = linked.account.robloxId;
  const [before] = await ctx.roblox.friends.statuses(linked.session, me, [target.id], ctx.call);
  if (before?.status === "RequestSent") {
    throw new UserError("friends.add.alreadyAsked", {
      account: linked.account.robloxName,
      person: personText(target, ctx.locale),
    });
  }
  await ctx.roblox.requests.send(
    linked.session,
    target.id,
    nickname ? { senderNickname: nickname } : {},
    ctx.call,
  );
  if (before?.status === "RequestReceived") {
    // Their pending request was accepted by this: the bot made the connection (no connection alert).
    await recordHandled(ctx, linked.account.robloxId, target.id, {
      action: "accepted",
      by: ctx.userId,
      at: ctx.now(),
    });
  }
  await ctx.audit(
    "friends.add",
    linked.account.robloxId,
    `to ${auditName(target)}${nickname ? ` as “${truncate(nickname, 50)}”` : ""}`,
  );
  const accepted = before?.status === "RequestReceived";
  const said = ctx.t(accepted ? "friends.add.accepted" : "friends.add.sent", {
    person: md(bold(target, ctx.locale)),
    account: linked.account.robloxName,
  });
  return {
    content: "",
    embeds: [
      successEmbed(
        ctx.t(accepted ? "friends.add.acceptedTitle" : "friends.add.sentTitle"),
        said + (nickname ? ` ${ctx.t("friends.add.nickname", { nickname })}` : ""),
      ),
    ],
    components: [],
  };
}

export async function addContact(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const contact = interaction.options.getString("contact", true).trim();
  await ctx.roblox.requests.sendToContact(linked.session, contact, ctx.call);
  await ctx.audit("friends.add-contact", linked.account.robloxId, `to contact ${truncate(contact, 64)}`);
  return {
    content: "",
    embeds: [
      successEmbed(
        ctx.t("friends.add.sentTitle"),
        ctx.t("friends.addContact.sent", {
          account: linked.account.robloxName,
          contact: md(truncate(contact, 64).replace(/`/g, "")),
        }),
      ),
    ],
    components: [],
  };
}

/** The prompt: names the friend, Confirm/Cancel carry the account and the friend's id. */
export async function remove(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await resolveUser(ctx, interaction.options.getString("user", true));
  return removePrompt(ctx, linked, target);
}

export const confirmOperations: ConfirmOperation[] = [
  {
    op: "remove",
    async run(ctx, linked, target) {
      if (target === undefined) throw new UserError("friends.remove.noTarget");
      return removeFriend(ctx, linked, target);
    },
  },
];
