/**
 * One linked Roblox account: its cookies, its cached CSRF token, and the callbacks the store
 * and the watchers hang on it. The cookie lives in a private field: it is not enumerable, so
 * JSON.stringify, pino and util.inspect never see it (toJSON / inspect show the id only).
 */
import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { BadInputError } from "./errors.js";

export interface SessionOptions {
  /** A stable key for rate limits and logs (e.g. `${guildId}:${accountId}`); random by default. */
  id?: string;
  /** The .ROBLOSECURITY value. */
  cookie: string;
  /** The RBXEventTrackerV2 value, sent when present (user-settings POST wants it). */
  tracker?: string | undefined;
  /** Roblox sent a new .ROBLOSECURITY in Set-Cookie: store it (encrypted) in place of the old. */
  onCookieRotated?: (newCookie: string) => void | Promise<void>;
  /**
   * Asked after a 401, before giving up: the owner's stored cookie, which another session or
   * process may have replaced with a newer one. When it differs from the refused one, the
   * request is sent once more with it.
   */
  storedCookie?: () => Promise<string | undefined>;
  /** Roblox answered 401 (and the stored cookie was no newer): the cookie is dead. */
  onUnauthenticated?: () => void | Promise<void>;
}

/** Cookie values travel in a header: printable ASCII, no separators that would end the value. */
const COOKIE_VALUE_RE = /^[\x21-\x7e]{1,8192}$/;

const usableCookie = (v: string): boolean => COOKIE_VALUE_RE.test(v) && !v.includes(";") && !v.includes(",");

function checkCookieValue(v: string, what: "cookie" | "tracker"): string {
  if (!usableCookie(v)) {
    throw new BadInputError(
      `${what} has characters a cookie cannot carry`,
      what === "cookie" ? "error.roblox.badCookie" : "error.roblox.badTracker",
    );
  }
  return v;
}

export class RobloxSession {
  readonly id: string;
  #cookie: string;
  readonly #tracker: string | undefined;
  #csrf: string | undefined;
  readonly #onRotated: SessionOptions["onCookieRotated"];
  readonly #onUnauth: SessionOptions["onUnauthenticated"];
  readonly #stored: SessionOptions["storedCookie"];

  constructor(opts: SessionOptions) {
    this.id = opts.id ?? randomUUID();
    this.#cookie = checkCookieValue(opts.cookie, "cookie");
    this.#tracker =
      opts.tracker === undefined || opts.tracker === ""
        ? undefined
        : checkCookieValue(opts.tracker, "tracker");
    this.#onRotated = opts.onCookieRotated;
    this.#onUnauth = opts.onUnauthenticated;
    this.#stored = opts.storedCookie;
  }

  /** `.ROBLOSECURITY=…; RBXEventTrackerV2=…` for the Cookie header. */
  cookieHeader(): string {
    const parts = [`.ROBLOSECURITY=${this.#cookie}`];
    if (this.#tracker !== undefined) parts.push(`RBXEventTrackerV2=${this.#tracker}`);
    return parts.join("; ");
  }

  get hasTracker(): boolean {
    return this.#tracker !== undefined;
  }

  get csrfToken(): string | undefined {
    return this.#csrf;
  }

  set csrfToken(token: string | undefined) {
    this.#csrf = token;
  }

  /**
   * Adopts a rotated cookie (ignores empty values and the current one) and tells the owner.
   * Returns true when the cookie changed. A failing callback is reported, not thrown.
   */
  async adoptCookie(value: string, onCallbackError: (e: unknown) => void): Promise<boolean> {
    if (value === "" || value === this.#cookie || !COOKIE_VALUE_RE.test(value) || value.includes(";")) {
      return false;
    }
    this.#cookie = value;
    this.#csrf = undefined; // a new session gets a new token
    try {
      await this.#onRotated?.(value);
    } catch (e) {
      onCallbackError(e);
    }
    return true;
  }

  /**
   * After a 401 on a request that carried `sentHeader`: true when a newer cookie is at hand —
   * one this session adopted meanwhile, or the owner's stored one (adopted here) — so the
   * request is worth one more try. A failing callback is reported and counts as "no newer".
   */
  async refreshAfterRefusal(sentHeader: string, onCallbackError: (e: unknown) => void): Promise<boolean> {
    if (this.cookieHeader() !== sentHeader) return true;
    let stored: string | undefined;
    try {
      stored = await this.#stored?.();
    } catch (e) {
      onCallbackError(e);
    }
    if (this.cookieHeader() !== sentHeader) return true;
    if (stored === undefined || stored === this.#cookie || !usableCookie(stored)) return false;
    this.#cookie = stored;
    this.#csrf = undefined;
    return true;
  }

  async markUnauthenticated(onCallbackError: (e: unknown) => void): Promise<void> {
    try {
      await this.#onUnauth?.();
    } catch (e) {
      onCallbackError(e);
    }
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }

  [inspect.custom](): string {
    return `RobloxSession { id: ${JSON.stringify(this.id)} }`;
  }
}

/** `.ROBLOSECURITY=<value>` from Set-Cookie header(s), if any (empty values are deletions). */
export function rotatedCookie(setCookie: string | string[] | undefined): string | undefined {
  if (setCookie === undefined) return undefined;
  const list = Array.isArray(setCookie) ? setCookie : [setCookie];
  let found: string | undefined;
  for (const line of list) {
    const m = /(?:^|[;,]\s*)\.ROBLOSECURITY=([^;\s]*)/i.exec(line);
    if (m?.[1]) found = m[1];
  }
  return found;
}
