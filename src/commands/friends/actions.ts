/** /friends add, add-contact and remove (behind Confirm/Cancel), each audited. */
import type { ChatInputCommandInteraction } from "discord.js";
import type { InteractionContext, LinkedAccount } from "../../context.js";
import { UserError } from "../../errors.js";
import { confirmRow } from "../../ui/buttons.js";
import { noticeEmbed, successEmbed } from "../../ui/embeds.js";
import { escapeMarkdown, truncate } from "../../ui/format.js";
import type { ConfirmOperation, Pager } from "../types.js";
import { type Person, personText, resolveUser } from "./users.js";

type Reply = Awaited<ReturnType<Pager>>;

const bold = (p: Person) => `**${escapeMarkdown(personText(p))}**`;
const auditName = (p: Person) => `${p.id} (${p.name})`;

export async function add(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: InteractionContext,
  linked: LinkedAccount,
): Promise<Reply> {
  const target = await resolveUser(ctx, interaction.options.getString("user", true));
  if (target.id === linked.account.robloxId) throw new UserError("An account cannot be friends with itself.");
  const nickname = interaction.options.getString("nickname")?.trim() ?? "";
  const me = linked.account.robloxId;
  const [before] = await ctx.roblox.friends.statuses(linked.session, me, [target.id], ctx.call);
  if (before?.status === "RequestSent") {
    throw new UserError(
      `A friend request from ${escapeMarkdown(linked.account.robloxName)} to ${escapeMarkdown(personText(target))} is already waiting for their answer.`,
    );
  }
  await ctx.roblox.requests.send(
    linked.session,
    target.id,
    nickname ? { senderNickname: nickname } : {},
    ctx.call,
  );
  await ctx.audit(
    "friends.add",
    linked.account.robloxId,
    `to ${auditName(target)}${nickname ? ` as “${truncate(nickname, 50)}”` : ""}`,
  );
  return {
    content: "",
    embeds: [
      successEmbed(
        before?.status === "RequestReceived" ? "Friend request accepted" : "Friend request sent",
        (before?.status === "RequestReceived"
          ? `${bold(target)} had already asked **${escapeMarkdown(linked.account.robloxName)}**, so they are friends now.`
          : `**${escapeMarkdown(linked.account.robloxName)}** asked ${bold(target)} to be friends.`) +
          (nickname ? ` Nickname: “${escapeMarkdown(nickname)}”.` : ""),
      ),
    ],
    components: [],
  };
}

export async function addContact(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: InteractionContext,
  linked: LinkedAccount,
): Promise<Reply> {
  const contact = interaction.options.getString("contact", true).trim();
  await ctx.roblox.requests.sendToContact(linked.session, contact, ctx.call);
  await ctx.audit("friends.add-contact", linked.account.robloxId, `to contact ${truncate(contact, 64)}`);
  return {
    content: "",
    embeds: [
      successEmbed(
        "Friend request sent",
        `**${escapeMarkdown(linked.account.robloxName)}** sent a friend request to contact \`${truncate(contact, 64).replace(/`/g, "")}\`.`,
      ),
    ],
    components: [],
  };
}

async function isFriend(ctx: InteractionContext, linked: LinkedAccount, id: string): Promise<boolean> {
  const ids = await ctx.roblox.friends.multigetAreFriends(
    linked.session,
    linked.account.robloxId,
    [id],
    ctx.call,
  );
  return ids.some((x) => String(x) === id);
}

/** The prompt: names the friend, Confirm/Cancel carry the account and the friend's id. */
export async function remove(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: InteractionContext,
  linked: LinkedAccount,
): Promise<Reply> {
  const target = await resolveUser(ctx, interaction.options.getString("user", true));
  const account = escapeMarkdown(linked.account.robloxName);
  if (target.id === linked.account.robloxId) throw new UserError("An account cannot unfriend itself.");
  if (!(await isFriend(ctx, linked, target.id))) {
    throw new UserError(
      `${escapeMarkdown(personText(target))} is not a friend of ${escapeMarkdown(linked.account.robloxName)}; nothing to remove.`,
    );
  }
  return {
    content: "",
    embeds: [
      noticeEmbed(
        "warn",
        "Remove this friend?",
        `Remove ${bold(target)} from **${account}**'s Roblox friends? Roblox does not tell them, but they will have to send a new request to be friends again.`,
      ),
    ],
    components: [confirmRow("remove", linked.account.robloxId, target.id, { now: ctx.now() })],
  };
}

async function nameOf(ctx: InteractionContext, id: string): Promise<Person> {
  const n = (await ctx.lookups.names([id], ctx.call)).get(id);
  return n ? { id, name: n.name, displayName: n.displayName } : { id, name: id, displayName: id };
}

export const confirmOperations: ConfirmOperation[] = [
  {
    op: "remove",
    async run(ctx, linked, target) {
      if (target === undefined)
        throw new UserError("This button names nobody to remove; run the command again.");
      const who = await nameOf(ctx, target);
      const account = escapeMarkdown(linked.account.robloxName);
      if (!(await isFriend(ctx, linked, target))) {
        return `${bold(who)} is already not a friend of **${account}**; nothing changed.`;
      }
      await ctx.roblox.friends.unfriend(linked.session, target, ctx.call);
      await ctx.audit("friends.remove", linked.account.robloxId, auditName(who));
      return `Removed ${bold(who)} from **${account}**'s Roblox friends.`;
    },
  },
];
