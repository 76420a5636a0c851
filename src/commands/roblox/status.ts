/** /roblox status: does the cookie work (users authenticated), is the account restricted (v2)? */
import type { Invocation } from "../../context.js";
import { userMessageOf } from "../../errors.js";
import { md } from "../../i18n/t.js";
import {
  ModeratedError,
  RestrictionSource,
  type RestrictionT,
  UnauthenticatedError,
} from "../../roblox/index.js";
import type { AccountRecord } from "../../store/index.js";
import { type AccountHealth, accountEmbed } from "../../ui/embeds.js";
import { discordTimestamp } from "../../ui/format.js";
import type { Cmd, Reply } from "../types.js";

type CookieCheck =
  | { kind: "ok"; id: string; name: string }
  | { kind: "dead" }
  | { kind: "moderated" }
  | { kind: "unknown"; why: string };

const failed = (ctx: Invocation, err: unknown) =>
  userMessageOf(err, ctx.locale) ?? ctx.t("roblox.status.noAnswer");

async function checkCookie(ctx: Invocation, account: AccountRecord): Promise<CookieCheck> {
  if (account.health.state === "dead") return { kind: "dead" };
  const session = await ctx.sessions.get(account);
  try {
    const me = await ctx.roblox.users.authenticated(session, ctx.call);
    return { kind: "ok", id: String(me.id), name: me.name };
  } catch (err) {
    if (err instanceof UnauthenticatedError) return { kind: "dead" };
    if (err instanceof ModeratedError) return { kind: "moderated" };
    return { kind: "unknown", why: failed(ctx, err) };
  }
}

async function checkRestriction(
  ctx: Invocation,
  account: AccountRecord,
): Promise<{ r: RestrictionT | null } | { why: string }> {
  try {
    return { r: await ctx.roblox.moderation.restriction(await ctx.sessions.get(account), ctx.call) };
  } catch (err) {
    return { why: failed(ctx, err) };
  }
}

function cookieLine(ctx: Invocation, c: CookieCheck, account: AccountRecord): string {
  switch (c.kind) {
    case "ok":
      return c.id === account.robloxId
        ? ctx.t("roblox.status.works")
        : ctx.t("roblox.status.otherAccount", { name: c.name, id: c.id });
    case "dead":
      return account.health.since
        ? ctx.t("roblox.status.deadSince", {
            since: md(discordTimestamp(new Date(account.health.since), "R")),
          })
        : ctx.t("roblox.status.dead");
    case "moderated":
      return ctx.t("roblox.status.moderated");
    case "unknown":
      return ctx.t("roblox.status.couldNotCheck", { why: md(c.why) });
  }
}

/** One line for a restriction: kind and end, in the member's language. */
function restrictionLine(ctx: Invocation, r: RestrictionT | null): string {
  if (!r) return ctx.t("roblox.status.restrictionNone");
  const kind =
    r.source === RestrictionSource.ScreenTime
      ? "screenTime"
      : r.source === RestrictionSource.Ban
        ? "ban"
        : "other";
  const end = r.endTime ? new Date(r.endTime) : undefined;
  return end && !Number.isNaN(end.getTime())
    ? ctx.t("roblox.status.restrictionUntil", {
        kind,
        end: md(discordTimestamp(end, "f")),
        relative: md(discordTimestamp(end, "R")),
      })
    : ctx.t("roblox.status.restrictionNoEnd", { kind });
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

  const embed = accountEmbed(
    {
      robloxId: account.robloxId,
      name: account.robloxName,
      displayName: account.displayName,
      avatarUrl,
      label: account.label ?? null,
      isDefault: account.isDefault,
      linkedAt: new Date(account.linkedAt),
      health,
    },
    ctx.locale,
  );
  embed.addFields(
    { name: ctx.t("roblox.status.cookie"), value: cookieLine(ctx, dead ? { kind: "dead" } : cookie, fresh) },
    {
      name: ctx.t("roblox.status.restriction"),
      value:
        restriction === undefined
          ? ctx.t("roblox.status.notChecked")
          : "r" in restriction
            ? restrictionLine(ctx, restriction.r)
            : ctx.t("roblox.status.couldNotCheck", { why: md(restriction.why) }),
    },
    {
      name: ctx.t("roblox.status.tracker"),
      value: ctx.t(
        account.tracker !== undefined ? "roblox.status.trackerGiven" : "roblox.status.trackerMissing",
      ),
      inline: true,
    },
  );
  return { embeds: [embed] };
}
