/**
 * Typed Roblox errors. Every error carries `kind` (for switch statements), `userMessage`
 * (ONE plain sentence for a Discord user) and what is known of the answer: endpoint, status,
 * Roblox code. No error ever holds the cookie: messages are built from endpoint names, status
 * codes and Roblox's own (scrubbed) message only.
 */
import { type Said, said, say } from "../../errors.js";
import type { MessageKey } from "../../i18n/t.js";
import { scrub } from "../../logger.js";
import { fallbackSentence, lookupCode, type RobloxApi, rateLimitedSentence, SENTENCES } from "./codes.js";

export type RobloxErrorKind =
  | "unauthenticated"
  | "moderated"
  | "captcha"
  | "rate-limited"
  | "api"
  | "unavailable"
  | "bad-input";

export interface ErrorDetails {
  endpoint?: string | undefined;
  status?: number | undefined;
  code?: number | undefined;
  /** Roblox's own message from the error body (scrubbed). */
  robloxMessage?: string | undefined;
  cause?: unknown;
}

export abstract class RobloxError extends Error {
  abstract readonly kind: RobloxErrorKind;
  /** The sentence for a Discord user, as a message key and values (say it with `userMessageOf`). */
  readonly said: Said;
  readonly endpoint: string | undefined;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly robloxMessage: string | undefined;

  constructor(message: string, user: MessageKey | Said, d: ErrorDetails = {}) {
    super(scrub(message), d.cause === undefined ? undefined : { cause: d.cause });
    this.said = typeof user === "string" ? said(user) : user;
    this.endpoint = d.endpoint;
    this.status = d.status;
    this.code = d.code;
    this.robloxMessage = d.robloxMessage === undefined ? undefined : scrub(d.robloxMessage);
  }

  /** ONE plain sentence for a Discord user, in English (the boundary says it in the member's language). */
  get userMessage(): string {
    return say(this.said, "en-US");
  }

  override get name(): string {
    return this.constructor.name;
  }
}

function where(d: ErrorDetails): string {
  const parts = [d.endpoint ?? "roblox"];
  if (d.status !== undefined) parts.push(String(d.status));
  if (d.code !== undefined) parts.push(`code ${d.code}`);
  return parts.join(" ");
}

/** 401: the cookie is dead. Watchers pause the account; the user links again. */
export class UnauthenticatedError extends RobloxError {
  readonly kind = "unauthenticated" as const;
  constructor(d: ErrorDetails = {}) {
    super(`${where(d)}: cookie not accepted`, SENTENCES.unauthenticated, d);
  }
}

/** 403 "User is moderated": banned or locked by screen time — a state, not a failure. */
export class ModeratedError extends RobloxError {
  readonly kind = "moderated" as const;
  constructor(d: ErrorDetails = {}) {
    super(`${where(d)}: user is moderated`, SENTENCES.moderated, d);
  }
}

/** 403 code 14, an `rblx-challenge-id` header, or `isCaptchaRequired: true` in a 200 body. */
export class CaptchaError extends RobloxError {
  readonly kind = "captcha" as const;
  constructor(d: ErrorDetails = {}) {
    super(`${where(d)}: captcha required`, SENTENCES.captcha, d);
  }
}

/** 429 from Roblox, or the local limiter's wait would pass the caller's deadline. */
export class RateLimitedError extends RobloxError {
  readonly kind = "rate-limited" as const;
  /** How long Roblox (or the local bucket) asks to wait, when known. */
  readonly retryAfterMs: number | undefined;
  /** True when the request was never sent because the local limiter said no. */
  readonly local: boolean;
  constructor(d: ErrorDetails & { retryAfterMs?: number | undefined; local?: boolean } = {}) {
    const wait = d.retryAfterMs === undefined ? "" : ` (wait ${Math.ceil(d.retryAfterMs / 1000)} s)`;
    const user = d.code === 9 ? SENTENCES.flood : rateLimitedSentence(d.retryAfterMs);
    super(`${where(d)}: rate limited${d.local ? " locally" : ""}${wait}`, user, d);
    this.retryAfterMs = d.retryAfterMs;
    this.local = d.local ?? false;
  }
}

/** Any other Roblox error answer: status + code + the seed's sentence for it. */
export class RobloxApiError extends RobloxError {
  readonly kind = "api" as const;
  readonly api: RobloxApi;
  /** The seed's sentence for this (api, status, code), when the tables know it. */
  readonly documentedMessage: string | undefined;
  constructor(api: RobloxApi, d: ErrorDetails & { status: number }, userMessage?: MessageKey) {
    const known = lookupCode(api, d.status, d.code, d.robloxMessage);
    const documentedMessage = known?.robloxMessage;
    const text = documentedMessage ?? d.robloxMessage ?? "error";
    super(`${where(d)}: ${text}`, userMessage ?? known?.user ?? fallbackSentence(d.status), d);
    this.api = api;
    this.documentedMessage = documentedMessage;
  }
}

export type UnavailableReason =
  | "server-error"
  | "timeout"
  | "network"
  | "aborted"
  | "redirect"
  | "oversized"
  | "malformed"
  | "schema";

/** 5xx, a timeout, a dropped connection, a redirect, or a body we cannot read or trust. */
export class UnavailableError extends RobloxError {
  readonly kind = "unavailable" as const;
  readonly reason: UnavailableReason;
  /** A 503's Retry-After, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(
    reason: UnavailableReason,
    d: ErrorDetails & { detail?: string | undefined; retryAfterMs?: number | undefined } = {},
  ) {
    super(`${where(d)}: unavailable (${reason}${d.detail ? `: ${d.detail}` : ""})`, SENTENCES.unavailable, d);
    this.reason = reason;
    this.retryAfterMs = d.retryAfterMs;
  }
}

/** The caller handed something that must not reach a URL (bad id, bad cookie, no session). */
export class BadInputError extends RobloxError {
  readonly kind = "bad-input" as const;
  constructor(message: string, user: MessageKey | Said) {
    super(message, user);
  }
}

export function isRobloxError(e: unknown): e is RobloxError {
  return e instanceof RobloxError;
}
