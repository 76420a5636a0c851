import { err, MSG, type Reply } from "../errors.js";
import { rateHeaders } from "../ratelimit.js";
import type { Ctx } from "../router.js";
import type { PayloadModes, SimUser } from "../state.js";

const ID_RE = /^\d{1,20}$/;

/** A positive safe integer from a string or number, else undefined. */
export function toId(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) && v > 0 ? v : undefined;
  if (typeof v !== "string" || !ID_RE.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function param(ctx: Ctx, name: string): number | undefined {
  return toId(ctx.params[name]);
}

/** Integer query value: `fallback` when absent, undefined when present but not an integer. */
export function intQuery(ctx: Ctx, name: string, fallback: number): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === "") return fallback;
  if (!/^-?\d{1,9}$/.test(v)) return undefined;
  return Number(v);
}

export function bodyObject(ctx: Ctx): Record<string, unknown> {
  return ctx.body !== null && typeof ctx.body === "object" && !Array.isArray(ctx.body)
    ? (ctx.body as Record<string, unknown>)
    : {};
}

/** An array of ids from a JSON body field; undefined if it is not one. */
export function idArray(v: unknown): number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: number[] = [];
  for (const x of v) {
    const id = toId(x);
    if (id === undefined) return undefined;
    out.push(id);
  }
  return out;
}

/**
 * name/displayName of a friend-request or friends-list item, as the `names` switch wants them:
 * absent, empty strings, or the user's names (docs/roblox-behaviour.md, "Names in friends
 * listings").
 */
export function namesOf(modes: PayloadModes, u: SimUser): { name?: string; displayName?: string } {
  if (modes.names === "absent") return {};
  if (modes.names === "empty") return { name: "", displayName: "" };
  return { name: u.name, displayName: u.displayName };
}

/**
 * The user fields Roblox's friends API models name besides id and names (hasVerifiedBadge,
 * description, created, isBanned, externalAppDisplayName); `userDetails: "absent"` leaves them out
 * (docs/roblox-behaviour.md, "Names in friends listings").
 */
export function detailsOf(modes: PayloadModes, u: SimUser) {
  if (modes.userDetails === "absent") return {};
  return {
    hasVerifiedBadge: u.hasVerifiedBadge,
    description: u.description,
    created: u.created,
    isBanned: u.isBanned,
    externalAppDisplayName: null,
  };
}

export function byName(a: SimUser, b: SimUser): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A per-user write budget (`limit` per `windowMs`): the x-ratelimit-* headers every answer of
 * the endpoint carries, and once the budget is spent the 429 code 9 flood answer to send instead.
 */
export function userRate(
  ctx: Ctx,
  bucket: string,
  rate: { limit: number; windowMs: number },
): { headers: Record<string, string>; flooded?: Reply } {
  const r = ctx.limiter.hit(`${bucket}:${ctx.userId}`, rate.limit, rate.windowMs, ctx.now);
  const headers = rateHeaders(r);
  return r.allowed ? { headers } : { headers, flooded: err(429, 9, MSG.flood, headers) };
}
