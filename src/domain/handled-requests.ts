/**
 * Friend requests already handled from Discord (buttons or commands), remembered in the
 * account's alert state under `handledRequests`, so a second click on a stale message makes
 * no second Roblox call. The rest of the alert state belongs to the watchers: it is
 * read as an opaque object and written back untouched beside our key.
 *
 * Answers to one request run one at a time, across processes too, whether they come from a
 * button or from `/requests accept|decline`: `withRequestClaim` holds a claim in the store
 * (store/claim.ts) from the "already handled?" check to the record of the answer.
 */
import { z } from "zod";
import { INTERACTION_DEADLINE_MS, type Invocation } from "../context.js";
import { md } from "../i18n/t.js";

/**
 * How long an answer holds its request's claim at most: the interaction's Roblox deadline plus
 * the store writes after it. A holder that crashed frees the request after this.
 */
export const CLAIM_TTL_MS = INTERACTION_DEADLINE_MS + 10_000;
/** How long a second answer waits for the first to finish before saying someone is on it. */
export const CLAIM_WAIT_MS = 5_000;

export const HANDLED_KEY = "handledRequests";
/** Most entries kept per account (the oldest go first). */
export const HANDLED_MAX = 200;

export type HandledAction = "accepted" | "declined";

export interface Handled {
  action: HandledAction;
  /** Discord user id of who did it. */
  by: string;
  /** When, in ms. */
  at: number;
}

const entrySchema = z.object({
  action: z.enum(["accepted", "declined"]),
  by: z.string().regex(/^\d{1,20}$/),
  at: z.number().int().nonnegative(),
});
const handledSchema = z.looseObject({
  [HANDLED_KEY]: z.record(z.string(), z.unknown()).optional(),
});

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Pure: the map with `id` set, cut to the newest `max` entries. */
export function withHandled(
  current: Record<string, unknown> | undefined,
  id: string,
  entry: Handled,
  max = HANDLED_MAX,
): Record<string, Handled> {
  const valid: [string, Handled][] = [];
  for (const [k, v] of Object.entries(current ?? {})) {
    const r = entrySchema.safeParse(v);
    if (r.success && k !== id) valid.push([k, r.data]);
  }
  valid.push([id, entry]);
  valid.sort((a, b) => a[1].at - b[1].at);
  return Object.fromEntries(valid.slice(-max));
}

/**
 * True when `h` answers a click on a message created at `messageAt`: the request was handled
 * after the message was posted. A record older than the message is about an earlier request
 * of the same user (who may have asked again), so it does not count.
 */
export function handledSince(h: Handled | undefined, messageAt: number): h is Handled {
  return h !== undefined && h.at >= messageAt;
}

/**
 * Runs `fn` holding the claim on `requesterId`'s request to the account; `{ busy: true }` without
 * running it when another answer kept the claim past CLAIM_WAIT_MS.
 */
export async function withRequestClaim<T>(
  ctx: Invocation,
  accountId: string,
  requesterId: string,
  fn: () => Promise<T>,
): Promise<{ busy: false; value: T } | { busy: true }> {
  const claim = await ctx.store.claims.acquire(
    `req:${ctx.guildId}:${accountId}:${requesterId}`,
    CLAIM_TTL_MS,
    CLAIM_WAIT_MS,
  );
  if (!claim) return { busy: true };
  try {
    return { busy: false, value: await fn() };
  } finally {
    await claim.release().catch((err: unknown) => {
      ctx.log.warn({ err, requesterId }, "could not release a friend-request claim; it expires on its own");
    });
  }
}

/** "{person}'s request was already accepted by @x <when>", in the reader's language. */
export function alreadySentence(ctx: Invocation, h: Handled, person: string): string {
  return ctx.t(
    h.action === "accepted" ? "requests.button.alreadyAccepted" : "requests.button.alreadyDeclined",
    {
      person: md(person),
      by: md(`<@${h.by}>`),
      when: md(`<t:${Math.floor(h.at / 1000)}:R>`),
    },
  );
}

export async function getHandled(
  ctx: Invocation,
  accountId: string,
  requesterId: string,
): Promise<Handled | undefined> {
  const state = await ctx.store.alertState.get(ctx.guildId, accountId, handledSchema);
  const r = entrySchema.safeParse(state?.[HANDLED_KEY]?.[requesterId]);
  return r.success ? r.data : undefined;
}

/**
 * Remembers that `requesterId`'s request was handled. Never fails the action it follows: a
 * store problem is logged and the next click falls back to asking Roblox.
 */
export async function recordHandled(
  ctx: Invocation,
  accountId: string,
  requesterId: string,
  entry: Handled,
): Promise<void> {
  try {
    // Only while the account is still linked: a click after an unlink brings no state back.
    await ctx.store.alertState.updateIfLinked(ctx.guildId, accountId, (raw) => {
      if (raw !== undefined && !isPlainObject(raw)) {
        ctx.log.warn({ accountId }, "alert state is not an object; handled request not remembered");
        return undefined;
      }
      const current = raw?.[HANDLED_KEY];
      const map = withHandled(isPlainObject(current) ? current : undefined, requesterId, entry);
      return { ...(raw ?? {}), [HANDLED_KEY]: map };
    });
  } catch (err) {
    ctx.log.warn({ err, accountId }, "could not remember a handled friend request");
  }
}

/**
 * Pure: ids whose request was accepted from Discord (button or command) at or after `since`,
 * read from an account state's `handledRequests` as stored. The connections watcher leaves
 * those out: the bot made the connection itself and already said so.
 */
export function acceptedSince(raw: unknown, since: number): Set<string> {
  const out = new Set<string>();
  if (!isPlainObject(raw)) return out;
  for (const [id, v] of Object.entries(raw)) {
    const r = entrySchema.safeParse(v);
    if (r.success && r.data.action === "accepted" && r.data.at >= since) out.add(id);
  }
  return out;
}
