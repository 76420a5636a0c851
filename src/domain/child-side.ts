/**
 * Which side of Roblox a call about a child takes: the child's own session (an account linked
 * with `/roblox link`) or the parent side (a parent link whose children include the child), and
 * the screen-time calls each side offers. README, "Parent account or child account";
 * docs/roblox-behaviour.md, "Parent accounts and consent requests" and "A child's own settings
 * change when a parent manages it".
 */
import type { Invocation, LinkedAccount } from "../context.js";
import { type Said, said, say, UserError } from "../errors.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import type { RobloxError, RobloxSession } from "../roblox/index.js";
import { isRobloxError } from "../roblox/index.js";
import type { StoredChild, StoredParent } from "../store/index.js";
import { escapeMarkdown } from "../ui/format.js";
import { linkedParent, parentName } from "./parents.js";

/** A child reached through a parent link. */
export interface ParentSide {
  parent: StoredParent;
  childId: string;
  /** Roblox's user name of the child (as children-info listed it), else `user <id>` (in the member's language) */
  childName: string;
  session: RobloxSession;
  /** why the child's own account was not used although it is linked (its cookie is dead) */
  childRefusal?: Refusal;
}

export type ChildSide =
  | {
      kind: "child";
      linked: LinkedAccount;
      /** a live parent link of this same child, the other side to try */
      parent?: StoredParent;
    }
  | { kind: "parent"; side: ParentSide };

/** The child's Roblox name, else "user <id>" in the member's language. */
const childName = (c: StoredChild, locale: Locale): string =>
  c.name ?? c.displayName ?? t(locale, "ui.user", { id: c.userId });

/**
 * Pure: the child of a parent link an `account` option names — by the child's id, user name or
 * display name, or by the parent link's label or name (its first child); with no option, the
 * first child of the first parent link that has one.
 */
export function matchParentChild(
  parents: readonly StoredParent[],
  option?: string | null,
): { parent: StoredParent; child: StoredChild } | undefined {
  const q = option?.trim().toLowerCase();
  const first = (p: StoredParent) => (p.children[0] ? { parent: p, child: p.children[0] } : undefined);
  if (!q) {
    for (const p of parents) {
      const hit = first(p);
      if (hit) return hit;
    }
    return undefined;
  }
  const childTests: ((c: StoredChild) => boolean)[] = [
    (c) => c.userId === q,
    (c) => c.name?.toLowerCase() === q,
    (c) => c.displayName?.toLowerCase() === q,
  ];
  for (const test of childTests) {
    for (const p of parents) {
      const child = p.children.find(test);
      if (child) return { parent: p, child };
    }
  }
  const parentTests: ((p: StoredParent) => boolean)[] = [
    (p) => p.label?.toLowerCase() === q,
    (p) => p.robloxName.toLowerCase() === q,
    (p) => p.displayName.toLowerCase() === q,
  ];
  for (const test of parentTests) {
    const p = parents.find((x) => test(x) && x.children.length > 0);
    if (p) return first(p);
  }
  return undefined;
}

/**
 * The side a screen-time call takes for the `account` option: the child's own account when one
 * is linked (with a live parent link of the same child beside it, if any), else a parent link's
 * child. Neither: the usual sentence of `ctx.account` (no account, or no match).
 */
export async function childSide(ctx: Invocation, option?: string | null): Promise<ChildSide> {
  const opt = option ?? undefined;
  const account = await ctx.store.accounts.resolve(ctx.guildId, opt);
  const parents = await ctx.store.parents.list(ctx.guildId);
  if (account) {
    const parent = parents.find(
      (p) => p.health.state === "ok" && p.children.some((c) => c.userId === account.robloxId),
    );
    if (parent && account.health.state === "dead") {
      // the child's cookie is no longer accepted: the parent side still works
      const side = await parentSideOf(ctx, parent, storedChild(parent, account.robloxId));
      return {
        kind: "parent",
        side: { ...side, childName: account.robloxName, childRefusal: DEAD_CHILD_COOKIE },
      };
    }
    const linked = await ctx.account(opt);
    return parent ? { kind: "child", linked, parent } : { kind: "child", linked };
  }
  const hit = matchParentChild(parents, opt);
  if (!hit) {
    await ctx.account(opt); // throws the plain sentence (no account, or none matches)
    throw new UserError("parent.noLinkedAccount");
  }
  return { kind: "parent", side: await parentSideOf(ctx, hit.parent, hit.child) };
}

async function parentSideOf(ctx: Invocation, parent: StoredParent, child: StoredChild): Promise<ParentSide> {
  const { session } = await linkedParent(ctx, parent.robloxId);
  return { parent, childId: child.userId, childName: childName(child, ctx.locale), session };
}

/** The stored child of a parent link (its name as children-info listed it). */
function storedChild(parent: StoredParent, childId: string): StoredChild {
  return parent.children.find((c) => c.userId === childId) ?? { userId: childId };
}

/** What Roblox told the child's own account: a sentence not yet rendered, or words as they are. */
export type Refusal = Said | string;

const DEAD_CHILD_COOKIE: Said = said("parent.deadChildCookie");

/**
 * A refusal from Roblox that the other side may not get: a 4xx other than a rate limit, or the
 * child's cookie refused (401).
 */
const isRefusal = (err: unknown): err is RobloxError =>
  isRobloxError(err) &&
  (err.kind === "unauthenticated" ||
    (err.kind === "api" && err.status !== undefined && err.status >= 400 && err.status < 500));

/** The refusal to tell, in words (a dead cookie in the same words as a cookie found dead). */
const refusalWords = (err: RobloxError): Refusal =>
  err.kind === "unauthenticated" ? DEAD_CHILD_COOKIE : err.said;

export interface ScreenTimeRead {
  robloxId: string;
  name: string;
  days: readonly number[];
  localDayOfWeek: number;
  limit: number | null;
  /** set when it was read through a parent link */
  via?: StoredParent;
  /** what Roblox answered the child's own account, when it refused and the parent side read it */
  childRefusal?: Refusal;
}

async function readThroughParent(ctx: Invocation, side: ParentSide): Promise<ScreenTimeRead> {
  try {
    const [settings, weekly] = await Promise.all([
      ctx.roblox.parent.childSettings(side.session, side.childId, ctx.call),
      ctx.roblox.parent.childWeekly(side.session, side.childId, ctx.call),
    ]);
    return {
      robloxId: side.childId,
      name: side.childName,
      days: weekly.days,
      localDayOfWeek: weekly.localDayOfWeek,
      limit: settings.dailyScreenTimeLimit?.currentValue ?? null,
      via: side.parent,
      ...(side.childRefusal ? { childRefusal: side.childRefusal } : {}),
    };
  } catch (err) {
    throw notLinkedAnyMore(err, side);
  }
}

/** 403 on the parent side: Roblox no longer links this parent to the child (simulator: "Forbidden"). */
function notLinkedAnyMore(err: unknown, side: ParentSide): unknown {
  if (isRobloxError(err) && err.kind === "api" && err.status === 403)
    return new UserError("parent.notLinkedAnyMore", {
      parent: md(parentName(side.parent)),
      child: side.childName,
    });
  return err;
}

/** The week, today's minutes and the daily limit; the child's side first, then the parent's. */
export async function readScreenTime(ctx: Invocation, target: ChildSide): Promise<ScreenTimeRead> {
  if (target.kind === "parent") return readThroughParent(ctx, target.side);
  const { linked, parent } = target;
  try {
    const [limit, weekly] = await Promise.all([
      ctx.roblox.settings.dailyLimit(linked.session, ctx.call),
      ctx.roblox.parental.weekly(linked.session, linked.account.robloxId, ctx.call),
    ]);
    return {
      robloxId: linked.account.robloxId,
      name: linked.account.robloxName,
      days: weekly.days,
      localDayOfWeek: weekly.localDayOfWeek,
      limit,
    };
  } catch (err) {
    if (!parent || !isRefusal(err)) throw err;
    const side = await parentSideOf(ctx, parent, storedChild(parent, linked.account.robloxId));
    return {
      ...(await readThroughParent(ctx, { ...side, childName: linked.account.robloxName })),
      childRefusal: refusalWords(err),
    };
  }
}

export interface LimitChange {
  robloxId: string;
  name: string;
  /** set when the change went through a parent link (grant-consent) */
  via?: StoredParent;
  /** what Roblox answered the child's own account, when it refused and the parent side made it */
  childRefusal?: Refusal;
}

/** The parent grants the change itself: grant-consent, UpdateUserSetting (no request needed). */
async function limitThroughParent(ctx: Invocation, side: ParentSide, minutes: number): Promise<LimitChange> {
  try {
    await ctx.roblox.parent.grantConsent(
      side.session,
      side.childId,
      "UpdateUserSetting",
      { dailyScreenTimeLimit: minutes },
      ctx.call,
    );
  } catch (err) {
    throw notLinkedAnyMore(err, side);
  }
  return {
    robloxId: side.childId,
    name: side.childName,
    via: side.parent,
    ...(side.childRefusal ? { childRefusal: side.childRefusal } : {}),
  };
}

/**
 * Sets the daily limit. The child's own account first; when Roblox refuses it there (a parent
 * manages the child's settings, or the tracker cookie is missing) and a parent link of the same
 * child is live, the parent side makes the change and the refusal is kept to be told.
 */
export async function setDailyLimit(
  ctx: Invocation,
  target: ChildSide,
  minutes: number,
): Promise<LimitChange> {
  if (target.kind === "parent") return limitThroughParent(ctx, target.side, minutes);
  const { linked, parent } = target;
  try {
    await ctx.roblox.settings.setDailyLimit(linked.session, minutes, ctx.call);
    return { robloxId: linked.account.robloxId, name: linked.account.robloxName };
  } catch (err) {
    if (!parent || !isRefusal(err)) throw err;
    const side = await parentSideOf(ctx, parent, storedChild(parent, linked.account.robloxId));
    return {
      ...(await limitThroughParent(ctx, { ...side, childName: linked.account.robloxName }, minutes)),
      childRefusal: refusalWords(err),
    };
  }
}

/** Pure: the line telling which side answered, or undefined for the child's own account. */
export function sideNote(
  r: { via?: StoredParent; childRefusal?: Refusal },
  verb: "read" | "changed",
  locale: Locale,
): string | undefined {
  if (!r.via) return undefined;
  const parent = md(parentName(r.via));
  if (!r.childRefusal)
    return t(locale, verb === "read" ? "parent.side.read" : "parent.side.changed", { parent });
  const words = typeof r.childRefusal === "string" ? r.childRefusal : say(r.childRefusal, locale);
  const refused = words.trim().replace(/([^.!?])$/, "$1.");
  return t(locale, verb === "read" ? "parent.side.readInstead" : "parent.side.changedInstead", {
    said: md(refused),
    parent,
  });
}

/**
 * The child of a parent link (the `account` option names the link, `child` the child by id or
 * name; its first child when empty), for what only the parent side does.
 */
export async function parentChild(
  ctx: Invocation,
  parentOption?: string | null,
  childOption?: string | null,
): Promise<ParentSide> {
  const { parent, session } = await linkedParent(ctx, parentOption);
  const hit = matchParentChild([parent], childOption);
  if (!hit)
    throw new UserError(
      childOption
        ? said("parent.noSuchChild", {
            parent: md(parentName(parent)),
            child: md(escapeMarkdown(childOption, { max: 100 })),
          })
        : said("parent.noChild", { parent: md(parentName(parent)) }),
    );
  return { parent, childId: hit.child.userId, childName: childName(hit.child, ctx.locale), session };
}

/**
 * Blocks or unblocks a user for the child, as the parent (grant-consent, ManageFriend:
 * docs/roblox-behaviour.md, "Parent accounts and consent requests").
 */
export async function manageFriend(
  ctx: Invocation,
  side: ParentSide,
  friendId: string,
  action: "Block" | "Unblock",
): Promise<void> {
  try {
    await ctx.roblox.parent.grantConsent(
      side.session,
      side.childId,
      "ManageFriend",
      { friendUserId: Number(friendId), friendManagementAction: action },
      ctx.call,
    );
  } catch (err) {
    throw notLinkedAnyMore(err, side);
  }
}
