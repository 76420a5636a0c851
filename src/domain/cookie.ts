/**
 * What a person pastes into the link form, made into cookie values. Pure: no I/O, and no
 * message here ever repeats the value (not even in part: a cookie is the account).
 */

import type { Locale } from "../i18n/locales.js";
import { type MessageKey, t } from "../i18n/t.js";

/** Every .ROBLOSECURITY value starts with Roblox's warning. */
export const COOKIE_PREFIX = "_|WARNING:";

export const LABEL_MAX = 32;

export type CookieProblem = "empty" | "not-a-cookie";

export interface LinkForm {
  cookie: string;
  tracker: string | undefined;
  label: string | undefined;
}

function strip(raw: string, name: string): string {
  let v = raw.replace(/\s+/g, "");
  v = v.replace(new RegExp(`^${name.replace(".", "\\.")}=`, "i"), "");
  v = v.replace(/;+$/, "");
  if (v.length >= 2 && (v.startsWith('"') || v.startsWith("'")) && v.endsWith(v[0] ?? "")) {
    v = v.slice(1, -1);
  }
  return v;
}

/**
 * The cookie as Roblox wants it: whitespace removed (a paste may wrap), an optional
 * `.ROBLOSECURITY=` prefix, quotes and a trailing `;` dropped.
 */
export function normalizeCookie(raw: string): string {
  return strip(raw, ".ROBLOSECURITY");
}

/** RBXEventTrackerV2, same cleaning; empty → undefined. */
export function normalizeTracker(raw: string | null | undefined): string | undefined {
  const v = strip(raw ?? "", "RBXEventTrackerV2");
  return v === "" ? undefined : v;
}

/** Label: trimmed, inner whitespace collapsed, at most 32 characters; empty → undefined. */
export function normalizeLabel(raw: string | null | undefined): string | undefined {
  const v = (raw ?? "").trim().replace(/\s+/g, " ");
  return v === "" ? undefined : [...v].slice(0, LABEL_MAX).join("");
}

/** Why a pasted value cannot be a cookie, or null when it may be one. */
export function cookieProblem(cookie: string): CookieProblem | null {
  if (cookie === "") return "empty";
  if (!cookie.startsWith(COOKIE_PREFIX)) return "not-a-cookie";
  return null;
}

/** The message key for a value we refuse before asking Roblox (never echoes the value). */
export function cookieProblemKey(p: CookieProblem): MessageKey {
  return p === "empty" ? "roblox.cookie.empty" : "roblox.cookie.notACookie";
}

/** The sentence for a value we refuse before asking Roblox (never echoes the value). */
export function cookieProblemSentence(p: CookieProblem, locale: Locale): string {
  return t(locale, cookieProblemKey(p));
}

/** What a person reads when Roblox refuses the cookie (401): its message key. */
export const COOKIE_REFUSED_KEY: MessageKey = "roblox.cookie.refused";

/** That sentence in English (logs, tests). */
export const COOKIE_REFUSED = t("en-US", COOKIE_REFUSED_KEY);

/**
 * The cookie a session holds now: Roblox may rotate it (Set-Cookie) during the very call that
 * checks it, and the session adopts the new one. Read from its Cookie header, never logged.
 */
export function currentCookie(session: { cookieHeader(): string }): string | undefined {
  const m = /(?:^|;\s*)\.ROBLOSECURITY=([^;]+)/.exec(session.cookieHeader());
  return m?.[1];
}
