/**
 * /requests count, accept, decline, accept-token, decline-all (behind Confirm/Cancel) and
 * mark-seen. Every change is audited; accept/decline are also remembered so the buttons of an
 * older alert about the same request answer "already" without asking Roblox again.
 */

import type { Invocation, LinkedAccount } from "../../context.js";
import {
  alreadySentence,
  getHandled,
  handledSince,
  recordHandled,
  withRequestClaim,
} from "../../domain/handled-requests.js";
import { auditName, type Person, personMd, resolveUser } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import type { Locale } from "../../i18n/locales.js";
import { md } from "../../i18n/t.js";
import { confirmRow } from "../../ui/buttons.js";
import { keyValueEmbed, noticeEmbed, successEmbed } from "../../ui/embeds.js";
import { escapeMarkdown } from "../../ui/format.js";
import type { Cmd, ConfirmOperation, Pager } from "../types.js";

type Reply = Awaited<ReturnType<Pager>>;

const bold = (p: Person, locale: Locale) => md(personMd(p, locale));
/** The account's name as a message value (the message makes it bold; t escapes it). */
const accountName = (linked: LinkedAccount) => linked.account.robloxName;

export async function count(_i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const [pending, fresh] = await Promise.all([
    ctx.roblox.requests.pendingCount(linked.session, ctx.call),
    ctx.roblox.requests.newCount(linked.session, ctx.call),
  ]);
  return {
    content: "",
    embeds: [
      keyValueEmbed(
        ctx.t("requests.count.title", {
          account: md(escapeMarkdown(linked.account.robloxName, { max: 100 })),
        }),
        [
          { name: ctx.t("requests.count.pending"), value: String(pending), inline: true },
          { name: ctx.t("requests.count.new"), value: String(fresh), inline: true },
        ],
        { footer: ctx.t("requests.count.footer") },
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
  const accountId = linked.account.robloxId;
  const asked = ctx.now();
  // One answer per request at a time, with the alert's buttons too (domain/handled-requests.ts).
  const claimed = await withRequestClaim(ctx, accountId, who.id, async () => {
    const prior = await getHandled(ctx, accountId, who.id);
    // Answered (by a click) while this command waited for the claim: no second Roblox call.
    if (handledSince(prior, asked)) return prior;
    if (kind === "accept") await ctx.roblox.requests.accept(linked.session, who.id, ctx.call);
    else await ctx.roblox.requests.decline(linked.session, who.id, ctx.call);
    const action = kind === "accept" ? "accepted" : "declined";
    await recordHandled(ctx, accountId, who.id, { action, by: ctx.userId, at: ctx.now() });
    return undefined;
  });
  if (claimed.busy) throw new UserError("requests.button.busy");
  if (claimed.value) {
    return {
      content: alreadySentence(ctx, claimed.value, personMd(who, ctx.locale)),
      embeds: [],
      components: [],
    };
  }
  await ctx.audit(`requests.${kind}`, linked.account.robloxId, auditName(who));
  const values = { account: accountName(linked), person: bold(who, ctx.locale) };
  const text = ctx.t(kind === "accept" ? "requests.accepted.text" : "requests.declined.text", values);
  return {
    content: "",
    embeds: [
      successEmbed(ctx.t(kind === "accept" ? "requests.accepted.title" : "requests.declined.title"), text),
    ],
    components: [],
  };
}

export const accept = (i: Cmd, ctx: Invocation, linked: LinkedAccount) => answer(i, ctx, linked, "accept");
export const decline = (i: Cmd, ctx: Invocation, linked: LinkedAccount) => answer(i, ctx, linked, "decline");

export async function acceptToken(i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const who = await resolveUser(ctx, i.options.getString("user", true));
  const token = i.options.getString("token", true).trim();
  if (token === "" || /\s/.test(token)) {
    throw new UserError("requests.token.invalid");
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
        ctx.t("requests.accepted.title"),
        ctx.t("requests.token.text", { account: accountName(linked), person: bold(who, ctx.locale) }),
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
        noticeEmbed(
          "ok",
          ctx.t("requests.declineAll.noneTitle"),
          ctx.t("requests.declineAll.noneText", { account: accountName(linked) }),
        ),
      ],
      components: [],
    };
  }
  return {
    content: "",
    embeds: [
      noticeEmbed(
        "warn",
        ctx.t("requests.declineAll.title"),
        ctx.t("requests.declineAll.prompt", {
          n: pending,
          count: String(pending),
          account: accountName(linked),
        }),
      ),
    ],
    components: [
      confirmRow("decline-all", linked.account.robloxId, undefined, { now: ctx.now(), locale: ctx.locale }),
    ],
  };
}

export async function markSeen(_i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  await ctx.roblox.requests.markSeen(linked.session, ctx.call);
  await ctx.audit("requests.mark-seen", linked.account.robloxId);
  return {
    content: "",
    embeds: [
      successEmbed(
        ctx.t("requests.markSeen.title"),
        ctx.t("requests.markSeen.text", { account: accountName(linked) }),
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
      const account = accountName(linked);
      return before === undefined
        ? ctx.t("requests.declineAll.doneEvery", { account })
        : ctx.t("requests.declineAll.done", { n: before, count: String(before), account });
    },
  },
];
