/**
 * Parent accounts, shared by /parent, its buttons, the link modal and the consent watcher:
 * which parent link a command means, its Roblox session, naming a child's request, and answering
 * one request at most once from Discord (README, "Parent account or child account").
 */
import { z } from "zod";
import type { Context, Invocation } from "../context.js";
import { said, UserError } from "../errors.js";
import type { Locale } from "../i18n/locales.js";
import { type MessageKey, md, t } from "../i18n/t.js";
import type { CallOptions, PendingConsent, RobloxSession } from "../roblox/index.js";
import { isRobloxError } from "../roblox/index.js";
import type { StoredParent } from "../store/index.js";
import { escapeMarkdown, truncate } from "../ui/format.js";
import type { ConsentCard } from "../ui/parent.js";
import { namePeople, type Person, personMd, unknownPerson } from "./people.js";

/** No parent link in the guild (a message key). */
export const NO_PARENT = "parent.none" satisfies MessageKey;

/** `Mum (@ParentAccount)` with markdown neutralised. */
export function parentName(p: Pick<StoredParent, "displayName" | "robloxName" | "label">): string {
  const who =
    p.displayName === p.robloxName
      ? `@${escapeMarkdown(truncate(p.robloxName, 60))}`
      : `${escapeMarkdown(truncate(p.displayName, 60))} (@${escapeMarkdown(truncate(p.robloxName, 60))})`;
  return p.label ? `${escapeMarkdown(p.label)} — ${who}` : who;
}

/** The parent link an `account` option names (or the first one); a UserError when none. */
export async function findParent(
  ctx: Context & { guildId: string },
  option?: string | null,
): Promise<StoredParent> {
  const p = await ctx.store.parents.resolve(ctx.guildId, option ?? undefined);
  if (p) return p;
  const any = (await ctx.store.parents.list(ctx.guildId)).length > 0;
  throw new UserError(
    any && option ? said("parent.noMatch", { option: option.slice(0, 100) }) : said(NO_PARENT),
  );
}

/** Sessions of parent links, cached per store so the CSRF token survives between calls. */
const cache = new WeakMap<object, Map<string, { session: RobloxSession; envelope: string }>>();

/**
 * The Roblox session of a parent link. A rotated cookie is sealed back into the parent's row; a
 * 401 marks the link dead (the watcher then skips it until it is linked again).
 */
export async function parentSession(ctx: Context, p: StoredParent): Promise<RobloxSession> {
  let sessions = cache.get(ctx.store);
  if (!sessions) {
    sessions = new Map();
    cache.set(ctx.store, sessions);
  }
  const key = `${p.guildId}:${p.robloxId}`;
  const hit = sessions.get(key);
  if (hit && hit.envelope === p.cookie) return hit.session;
  const { guildId, robloxId } = p;
  const session = ctx.roblox.session({
    id: `parent:${key}`,
    cookie: await ctx.store.parents.cookie(guildId, robloxId),
    onCookieRotated: async (cookie) => {
      await ctx.store.parents.setCookie(guildId, robloxId, cookie);
      const fresh = await ctx.store.parents.get(guildId, robloxId);
      const entry = sessions.get(key);
      if (entry && fresh) entry.envelope = fresh.cookie;
    },
    onUnauthenticated: async () => {
      sessions.delete(key);
      await ctx.store.parents.setHealth(guildId, robloxId, "dead");
      ctx.logger.warn({ guildId, robloxId }, "Roblox refused a parent cookie (401); parent link paused");
    },
  });
  sessions.set(key, { session, envelope: p.cookie });
  return session;
}

export function forgetParentSession(ctx: Context, guildId: string, robloxId: string): void {
  cache.get(ctx.store)?.delete(`${guildId}:${robloxId}`);
}

/** A live parent link and its session; a dead cookie is said plainly. */
export async function linkedParent(ctx: Invocation, option?: string | null) {
  const parent = await findParent(ctx, option);
  if (parent.health.state === "dead") {
    throw new UserError("parent.deadCookie", { parent: md(parentName(parent)) });
  }
  return { parent, session: await parentSession(ctx, parent) };
}

/** Pure: setting names of UpdateUserSetting requests as people read them (keys of the locale files). */
const SETTING_WORDS: Record<string, MessageKey> = {
  dailyScreenTimeLimit: "consent.setting.dailyScreenTimeLimit",
  whoCanChatWithMeInApp: "consent.setting.whoCanChatWithMeInApp",
  contentAgeRestriction: "consent.setting.contentAgeRestriction",
  enablePurchases: "consent.setting.enablePurchases",
  monthlySpendLimit: "consent.setting.monthlySpendLimit",
};

function settingValue(name: string, v: string | number | boolean, locale: Locale): string {
  if (name === "dailyScreenTimeLimit" && typeof v === "number")
    return v === 0 ? t(locale, "duration.noLimit") : t(locale, "consent.minutes", { count: String(v) });
  return escapeMarkdown(truncate(String(v), 60));
}

/**
 * Pure: what the child asks, after "wants to …" — e.g. "add trusted connection **Zed** (@zed)", in
 * `locale`. `person` names the user the request is about (trusted connection, block, unblock), if any.
 * Every value is already escaped markdown (personMd, escapeMarkdown), so it is passed as it is.
 */
export function consentAsk(c: PendingConsent, person?: Person, locale: Locale = "en-US"): string {
  const say = (key: MessageKey, values: Record<string, string> = {}) =>
    t(locale, key, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, md(v)])));
  const who = (fallback: MessageKey) => (person ? personMd(person, locale) : say(fallback));
  switch (c.consentType) {
    case "AddTrustedConnection":
      return say("consent.ask.trusted", { who: who("consent.ask.someone") });
    case "ManageFriend":
      if (c.friendAction === "Block")
        return say("consent.ask.block", { who: who("consent.ask.aConnection") });
      if (c.friendAction === "Unblock")
        return say("consent.ask.unblock", { who: who("consent.ask.someone") });
      return say("consent.ask.friend", { who: who("consent.ask.someone") });
    case "ManageExperience":
      return say(
        c.experienceAction === "Block" ? "consent.ask.blockExperience" : "consent.ask.playExperience",
        {
          id: String(c.universeId ?? "?"),
        },
      );
    case "LiftRestriction":
      return c.restrictionType
        ? say("consent.ask.liftType", { type: escapeMarkdown(c.restrictionType) })
        : say("consent.ask.lift");
    case "UpdateUserSetting": {
      const parts = Object.entries(c.settings).map(([k, v]) => {
        const key = SETTING_WORDS[k];
        return say("consent.ask.settingTo", {
          name: key ? say(key) : escapeMarkdown(k),
          value: settingValue(k, v, locale),
        });
      });
      return parts.length > 0
        ? say("consent.ask.setting", { changes: parts.join(", ") })
        : say("consent.ask.settingNone");
    }
    default:
      return say("consent.ask.other", { type: escapeMarkdown(truncate(c.consentType, 40)) });
  }
}

/** The user a request is about (to name them), if any. */
export function consentSubject(c: PendingConsent): string | undefined {
  const id = c.targetUserId ?? c.friendUserId;
  return id === undefined ? undefined : String(id);
}

// ---- answering a request at most once from Discord ------------------------------------------

export const HANDLED_CONSENTS_KEY = "handledConsents";
const HANDLED_MAX = 200;

export interface HandledConsent {
  answer: "approved" | "denied" | "gone";
  by: string;
  at: number;
}

const handledSchema = z.object({
  answer: z.enum(["approved", "denied", "gone"]),
  by: z.string().regex(/^\d{1,20}$/),
  at: z.number().int().nonnegative(),
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Pure: the handled map with `id` set, cut to the newest entries. */
export function withHandledConsent(
  current: unknown,
  id: string,
  entry: HandledConsent,
  max = HANDLED_MAX,
): Record<string, HandledConsent> {
  const rows: [string, HandledConsent][] = [];
  if (isObject(current)) {
    for (const [k, v] of Object.entries(current)) {
      const r = handledSchema.safeParse(v);
      if (r.success && k !== id) rows.push([k, r.data]);
    }
  }
  rows.push([id, entry]);
  rows.sort((a, b) => a[1].at - b[1].at);
  return Object.fromEntries(rows.slice(-max));
}

async function getHandledConsent(ctx: Context, guildId: string, parentId: string, id: string) {
  const map = (await ctx.store.parents.state(guildId, parentId))[HANDLED_CONSENTS_KEY];
  const r = handledSchema.safeParse(isObject(map) ? map[id] : undefined);
  return r.success ? r.data : undefined;
}

async function recordHandledConsent(ctx: Invocation, parentId: string, id: string, entry: HandledConsent) {
  await ctx.store.parents.updateState(ctx.guildId, parentId, (raw) => ({
    ...raw,
    [HANDLED_CONSENTS_KEY]: withHandledConsent(raw[HANDLED_CONSENTS_KEY], id, entry),
  }));
}

export type AnswerResult =
  | { kind: "done"; entry: HandledConsent }
  | { kind: "already"; entry: HandledConsent };

/**
 * Approves or denies a child's request once. A request already answered from Discord is told
 * from the store with no Roblox call; one Roblox refuses as no longer pending (answered in the
 * app, or withdrawn) is recorded as `gone`. Serialised per request, so two clicks at once make
 * one call.
 */
export async function answerOnce(
  ctx: Invocation,
  parent: StoredParent,
  childId: string,
  consentId: string,
  answer: "Approve" | "Deny",
): Promise<AnswerResult> {
  const key = `${ctx.guildId}:${parent.robloxId}:${consentId}`;
  const prev = inFlight.get(key) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((r) => {
    release = r;
  });
  const chain = prev.then(() => mine);
  inFlight.set(key, chain);
  await prev;
  try {
    const prior = await getHandledConsent(ctx, ctx.guildId, parent.robloxId, consentId);
    if (prior) return { kind: "already", entry: prior };
    const session = await parentSession(ctx, parent);
    let entry: HandledConsent;
    try {
      await ctx.roblox.parent.answerConsent(session, consentId, childId, answer, ctx.call);
      entry = { answer: answer === "Approve" ? "approved" : "denied", by: ctx.userId, at: ctx.now() };
    } catch (err) {
      // 400/404: Roblox no longer has this request pending (docs/roblox-behaviour.md, "Parent
      // accounts and consent requests": the exact code is not documented publicly)
      if (!(isRobloxError(err) && err.kind === "api" && (err.status === 400 || err.status === 404)))
        throw err;
      entry = { answer: "gone", by: ctx.userId, at: ctx.now() };
      await recordHandledConsent(ctx, parent.robloxId, consentId, entry);
      return { kind: "already", entry };
    }
    await recordHandledConsent(ctx, parent.robloxId, consentId, entry);
    return { kind: "done", entry };
  } finally {
    release();
    if (inFlight.get(key) === chain) inFlight.delete(key);
  }
}

const inFlight = new Map<string, Promise<void>>();

// ---- a parent's children and their requests, as embeds --------------------------------------

/** A child of the parent link, named from what Roblox listed at link time, else looked up. */
export async function childPeople(
  ctx: Context & { call?: CallOptions },
  parent: StoredParent,
  ids: string[],
) {
  const hints = new Map(parent.children.map((c) => [c.userId, { name: c.name, displayName: c.displayName }]));
  return namePeople({ lookups: ctx.lookups, call: ctx.call, log: ctx.logger }, ids, hints);
}

/**
 * Pending requests of every child of the parent link, each with the child and the user it is
 * about named, as consent cards (src/ui/parent.ts). Children Roblox refuses to show (unlinked
 * since) are skipped and logged.
 */
export async function pendingCards(
  ctx: Context & { call?: CallOptions; guildId: string },
  parent: StoredParent,
  session: RobloxSession,
  /** The language of the request's wording (the guild's, for an alert). */
  locale: Locale = "en-US",
): Promise<{ consent: PendingConsent; card: ConsentCard }[]> {
  const all: PendingConsent[] = [];
  for (const child of parent.children) {
    try {
      all.push(...(await ctx.roblox.parent.pendingConsents(session, child.userId, ctx.call)));
    } catch (err) {
      if (isRobloxError(err) && err.kind === "api" && err.status === 403) {
        ctx.logger.warn(
          { guildId: ctx.guildId, childId: child.userId },
          "parent no longer linked to a child",
        );
        continue;
      }
      throw err;
    }
  }
  const ids = new Set<string>();
  for (const c of all) {
    ids.add(String(c.childUserId));
    const s = consentSubject(c);
    if (s) ids.add(s);
  }
  const people = await childPeople(ctx, parent, [...ids]);
  const parentText = parent.label ?? parent.robloxName;
  return all.map((c) => {
    const child = people.get(String(c.childUserId)) ?? unknownPerson(String(c.childUserId));
    const subject = consentSubject(c);
    const created = c.createdTime ? Date.parse(c.createdTime) : Number.NaN;
    return {
      consent: c,
      card: {
        parentId: parent.robloxId,
        childId: String(c.childUserId),
        consentId: c.id,
        childMd: personMd(child, locale),
        askMd: consentAsk(c, subject ? people.get(subject) : undefined, locale),
        parentText,
        ...(Number.isNaN(created) ? {} : { createdAt: created }),
      },
    };
  });
}
