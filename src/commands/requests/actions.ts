/**
 * /requests count, accept, decline, accept-token, decline-all (behind Confirm/Cancel) and
 * mark-seen. Every change is audited; accept/decline are also remembered so the buttons of an
 * older alert about the same request answer "already" without asking Roblox again.
 */
import type { Invocation, LinkedAccount } from "../../context.js";
import { recordHandled } from "../../domain/handled-requests.js";
import { auditName, type Person, personMd, resolveUser } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import { confirmRow } from "../../ui/buttons.js";
import { keyValueEmbed, noticeEmbed, successEmbed } from "../../ui/embeds.js";
import { escapeMarkdown } from "../../ui/format.js";
import type { Cmd, ConfirmOperation, Pager } from "../types.js";

type Reply = Awaited<ReturnType<Pager>>;

const bold = (p: Person) => personMd(p);
const accountName = (linked: LinkedAccount) => `**${escapeMarkdown(linked.account.robloxName)}**`;

export async function count(_i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const [pending, fresh] = await Promise.all([
    ctx.roblox.requests.pendingCount(linked.session, ctx.call),
    ctx.roblox.requests.newCount(linked.session, ctx.call),
  ]);
  return {
    content: "",
    embeds: [
      keyValueEmbed(
        `Friend requests of ${escapeMarkdown(linked.account.robloxName, { max: 100 })}`,
        [
          { name: "Pending", value: String(pending), inline: true },
          { name: "New (not seen yet)", value: String(fresh), inline: true },
        ],
        { footer: "See them with /requests list" },
      ),
    ],
    components: [],
  };
}

async function answer(
  i: Cmd,
  ctx: Invocation,
  linked: LinkedAccount,
  kind: "accept" | "decline",
): Promise<Reply> {
  const who = await resolveUser(ctx, i.options.getString("user", true));
  if (kind === "accept") await ctx.roblox.requests.accept(linked.session, who.id, ctx.call);
  else await ctx.roblox.requests.decline(linked.session, who.id, ctx.call);
  const action = kind === "accept" ? "accepted" : "declined";
  await recordHandled(ctx, linked.account.robloxId, who.id, { action, by: ctx.userId, at: ctx.now() });
  await ctx.audit(`requests.${kind}`, linked.account.robloxId, auditName(who));
  const text =
    kind === "accept"
      ? `${accountName(linked)} and ${bold(who)} are now friends on Roblox.`
      : `Declined the friend request from ${bold(who)} to ${accountName(linked)}.`;
  return {
    content: "",
    embeds: [successEmbed(kind === "accept" ? "Request accepted" : "Request declined", text)],
    components: [],
  };
}

export const accept = (i: Cmd, ctx: Invocation, linked: LinkedAccount) => answer(i, ctx, linked, "accept");
export const decline = (i: Cmd, ctx: Invocation, linked: LinkedAccount) => answer(i, ctx, linked, "decline");

export async function acceptToken(i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const who = await resolveUser(ctx, i.options.getString("user", true));
  const token = i.options.getString("token", true).trim();
  if (token === "" || /\s/.test(token)) {
    throw new UserError("That friending token is not valid: copy it again from the QR link.");
  }
  await ctx.roblox.requests.acceptWithToken(linked.session, who.id, token, ctx.call);
  await recordHandled(ctx, linked.account.robloxId, who.id, {
    action: "accepted",
    by: ctx.userId,
    at: ctx.now(),
  });
  await ctx.audit("requests.accept-token", linked.account.robloxId, auditName(who));
  return {
    content: "",
    embeds: [
      successEmbed(
        "Request accepted",
        `${accountName(linked)} and ${bold(who)} are now friends on Roblox (friending token).`,
      ),
    ],
    components: [],
  };
}

/** The prompt; Confirm runs the "decline-all" operation below. */
export async function declineAll(_i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const pending = await ctx.roblox.requests.pendingCount(linked.session, ctx.call);
  if (pending === 0) {
    return {
      content: "",
      embeds: [
        noticeEmbed("ok", "Nothing to decline", `${accountName(linked)} has no pending friend requests.`),
      ],
      components: [],
    };
  }
  return {
    content: "",
    embeds: [
      noticeEmbed(
        "warn",
        "Decline every request?",
        `Decline all ${pending} pending friend request${pending === 1 ? "" : "s"} of ${accountName(linked)}? Roblox does not tell the senders, and this cannot be undone.`,
      ),
    ],
    components: [confirmRow("decline-all", linked.account.robloxId, undefined, { now: ctx.now() })],
  };
}

export async function markSeen(_i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  await ctx.roblox.requests.markSeen(linked.session, ctx.call);
  await ctx.audit("requests.mark-seen", linked.account.robloxId);
  return {
    content: "",
    embeds: [
      successEmbed(
        "Marked as seen",
        `New friend requests of ${accountName(linked)} are marked as seen; they are still pending.`,
      ),
    ],
    components: [],
  };
}

export const confirmOperations: ConfirmOperation[] = [
  {
    op: "decline-all",
    async run(ctx, linked) {
      const before = await ctx.roblox.requests.pendingCount(linked.session, ctx.call).catch(() => undefined);
      await ctx.roblox.requests.declineAll(linked.session, ctx.call);
      await ctx.audit(
        "requests.decline-all",
        linked.account.robloxId,
        before === undefined ? undefined : `${before} pending`,
      );
      const n = before === undefined ? "every" : `all ${before}`;
      return `Declined ${n} pending friend request${before === 1 ? "" : "s"} of ${accountName(linked)}.`;
    },
  },
];
