/**
 * Pure classification of one Roblox answer into success, a CSRF challenge, or a typed error.
 * No I/O; the transport hands in status, headers and the parsed body.
 */
import type { RobloxApi } from "./codes.js";
import {
  CaptchaError,
  ModeratedError,
  RateLimitedError,
  RobloxApiError,
  type RobloxError,
  UnauthenticatedError,
  UnavailableError,
} from "./errors.js";
import { retryAfterMs } from "./retry.js";

export type HeaderBag = Record<string, string | string[] | undefined>;

/** First value of a (lower-case) header. */
export function header(h: HeaderBag, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The first `{code, message}` of Roblox's `{"errors":[…]}` body (or its lone `{"code","message"}`). */
export function firstError(body: unknown): { code?: number; message?: string } {
  if (body === null || typeof body !== "object") return {};
  const b = body as { errors?: unknown; code?: unknown; message?: unknown };
  const e = Array.isArray(b.errors) ? (b.errors[0] as { code?: unknown; message?: unknown } | undefined) : b;
  if (e === undefined || e === null || typeof e !== "object") return {};
  const out: { code?: number; message?: string } = {};
  if (typeof e.code === "number" && Number.isInteger(e.code)) out.code = e.code;
  if (typeof e.message === "string") out.message = e.message.slice(0, 300);
  return out;
}

export interface Answer {
  endpoint: string;
  api: RobloxApi;
  status: number;
  headers: HeaderBag;
  /** Parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  now: number;
}

export type Classified =
  | { type: "ok" }
  | { type: "csrf"; token: string }
  | { type: "error"; error: RobloxError };

const MODERATED_RE = /moderated/i;
const TOKEN_RE = /token validation/i;

export function classify(a: Answer): Classified {
  const { code, message } = firstError(a.body);
  const d = { endpoint: a.endpoint, status: a.status, code, robloxMessage: message };
  const err = (error: RobloxError): Classified => ({ type: "error", error });

  if (a.status >= 200 && a.status < 300) {
    const b = a.body as { isCaptchaRequired?: unknown } | undefined;
    if (b !== null && typeof b === "object" && b.isCaptchaRequired === true) return err(new CaptchaError(d));
    return { type: "ok" };
  }
  if (a.status >= 300 && a.status < 400) {
    return err(new UnavailableError("redirect", { ...d, detail: "redirects are not followed" }));
  }
  if (a.status === 401) return err(new UnauthenticatedError(d));
  if (a.status === 403) {
    // 403 code 0 is both "User is moderated" and "Token Validation Failed": the message and the
    // x-csrf-token header tell them apart.
    if (message !== undefined && MODERATED_RE.test(message)) return err(new ModeratedError(d));
    if (code === 14 || header(a.headers, "rblx-challenge-id") !== undefined) return err(new CaptchaError(d));
    const token = header(a.headers, "x-csrf-token");
    if (
      token !== undefined &&
      token !== "" &&
      (code === undefined || code === 0 || TOKEN_RE.test(message ?? ""))
    ) {
      return { type: "csrf", token };
    }
    return err(new RobloxApiError(a.api, d));
  }
  if (header(a.headers, "rblx-challenge-id") !== undefined) return err(new CaptchaError(d));
  if (a.status === 429) {
    return err(new RateLimitedError({ ...d, retryAfterMs: retryAfterMs(a.headers, a.now) }));
  }
  if (a.status >= 500) {
    return err(new UnavailableError("server-error", { ...d, retryAfterMs: retryAfterMs(a.headers, a.now) }));
  }
  return err(new RobloxApiError(a.api, d));
}
