/** /roblox status: does the cookie work (users authenticated), is the account restricted (v2)? */
import type { Invocation } from "../../context.js";
import { restrictionLine } from "../../domain/restriction.js";
import { userMessageOf } from "../../errors.js";
import { ModeratedError, type RestrictionT, UnauthenticatedError } from "../../roblox/index.js";
import type { AccountRecord } from "../../store/index.js";
import { type AccountHealth, accountEmbed } from "../../ui/embeds.js";
import { discordTimestamp, escapeMarkdown } from "../../ui/format.js";
import type { Cmd, Reply } from "../types.js";

type CookieCheck =
  | { kind: "ok"; id: string; name: string }
  | { kind: "dead" }
  | { kind: "moderated" }
  | { kind: "unknown"; why: string };

const failed = (err: unknown) => userMessageOf(err) ?? "Roblox did not answer properly.";

async function checkCookie(ctx: Invocation, account: AccountRecord): Promise<CookieCheck> {
  if (account.health.state === "dead") return { kind: "dead" };
  const session = await ctx.sessions.get(account);
  try {
    const me = await ctx.roblox.users.authenticated(session, ctx.call);
    return { kind: "ok", id: String(me.id), name: me.name };
  } catch (err) {
    if (err instanceof UnauthenticatedError) return { kind: "dead" };
    if (err instanceof ModeratedError) return { kind: "moderated" };
    return { kind: "unknown", why: failed(err) };
  }
}

async function checkRestriction(
  ctx: Invocation,
  account: AccountRecord,
): Promise<{ r: RestrictionT | null } | { why: string }> {
  try {
    return { r: await ctx.roblox.moderation.restriction(await ctx.sessions.get(account), ctx.call) };
  } catch (err) {
    return { why: failed(err) };
  }
}

function cookieLine(c: CookieCheck, account: AccountRecord): string {
  switch (c.kind) {
    case "ok":
      return c.id === account.robloxId
        ? "Works"
        : `⚠️ Works, but signs in as @${escapeMarkdown(c.name)} (id ${c.id}), not this account: link the right cookie again`;
    case "dead": {
      const since = account.health.since
        ? ` (since ${discordTimestamp(new Date(account.health.since), "R")})`
        : "";
      return `Not accepted by Roblox any more${since}: run \`/roblox link\` again with a fresh cookie`;
    }
    case "moderated":
      return "Works, but Roblox blocks the account while it is restricted";
    case "unknown":
      return `Could not check: ${c.why}`;
  }
}

export async function status(_interaction: Cmd, ctx: Invocation, account: AccountRecord): Promise<Reply> {
  const cookie = await checkCookie(ctx, account);
  const restriction = cookie.kind === "dead" ? undefined : await checkRestriction(ctx, account);
  const fresh = (await ctx.store.accounts.get(ctx.guildId, account.robloxId)) ?? account;
  const dead = cookie.kind === "dead" || fresh.health.state === "dead";
  const restricted = restriction !== undefined && "r" in restriction && restriction.r !== null;
  const health: AccountHealth = dead
    ? "expired"
    : restricted || cookie.kind === "moderated"
      ? "locked"
      : "ok";
  const avatarUrl = await ctx.lookups.avatar(account.robloxId, ctx.call);

  const embed = accountEmbed({
    robloxId: account.robloxId,
    name: account.robloxName,
    displayName: account.displayName,
    avatarUrl,
    label: account.label ?? null,
    isDefault: account.isDefault,
    linkedAt: new Date(account.linkedAt),
    health,
  });
  embed.addFields(
    { name: "Cookie", value: cookieLine(dead ? { kind: "dead" } : cookie, fresh) },
    {
      name: "Restriction",
      value:
        restriction === undefined
          ? "Not checked (the cookie does not work)"
          : "r" in restriction
            ? restrictionLine(restriction.r)
            : `Could not check: ${restriction.why}`,
    },
    {
      name: "Tracker cookie",
      value:
        account.tracker !== undefined
          ? "Given (RBXEventTrackerV2)"
          : "Not given: changing the screen-time limit may need it",
      inline: true,
    },
  );
  return { embeds: [embed] };
}
