/**
 * Pure URL helpers: the ROBLOX_API_ORIGIN mapping (README, Configuration), id validation and
 * path/query building. Nothing here does I/O.
 */
import { BadInputError } from "./errors.js";

/** Roblox ids as they may appear in a URL (1 to 20 digits, nothing else). */
export const ID_RE = /^\d{1,20}$/;

/** A Roblox id as callers hold it: a number (safe integer) or its decimal string. */
export type RobloxId = number | string;

/** Returns the id as a decimal string, or throws BadInputError (the value is not echoed). */
export function checkId(value: unknown, name = "id"): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && ID_RE.test(value)) return value;
  throw new BadInputError(`${name} must be a numeric Roblox id`, "error.roblox.badId");
}

/** Off-network contact ids are opaque; allow a conservative token alphabet only. */
const CONTACT_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function checkContactId(value: unknown): string {
  if (typeof value === "string" && CONTACT_RE.test(value)) return value;
  if (typeof value === "number") return checkId(value, "targetContactId");
  throw new BadInputError("targetContactId has unexpected characters", "error.roblox.badContactId");
}

const SUB_RE = /^[a-z][a-z0-9-]{0,30}$/;

/**
 * `https://{sub}.roblox.com{path}`, or `{origin}/{sub}{path}` when an origin is configured
 * (README, Configuration: e.g. `https://friends.roblox.com/v1/my/friends/count` →
 * `http://127.0.0.1:4100/friends/v1/my/friends/count`).
 */
export function robloxUrl(sub: string, pathAndQuery: string, origin?: string): string {
  if (!SUB_RE.test(sub)) throw new Error(`bad Roblox host label: ${sub}`);
  if (!pathAndQuery.startsWith("/")) throw new Error("path must start with /");
  if (origin === undefined || origin === "") return `https://${sub}.roblox.com${pathAndQuery}`;
  return `${origin.replace(/\/+$/, "")}/${sub}${pathAndQuery}`;
}

/** The host a request goes to (for rate-limit keys and logs): `friends.roblox.com` style. */
export function hostLabel(sub: string): string {
  return `${sub}.roblox.com`;
}

export type PathParams = Record<string, string>;

/**
 * Fills `{name}` placeholders from already-checked params. Every placeholder must be given;
 * values are URI-encoded as a second line of defence.
 */
export function fillPath(template: string, params: PathParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/** `?a=1&ids=1&ids=2` (arrays repeat the key, as friends/statuses wants); empty → "". */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) sp.append(k, String(item));
    else sp.append(k, String(v));
  }
  const s = sp.toString();
  return s === "" ? "" : `?${s}`;
}
