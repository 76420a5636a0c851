/**
 * Errors that carry a sentence meant for the Discord user, as a message key and its values (`said`),
 * so the error boundary can say it in the member's language (`userMessageOf(err, locale)`). The
 * English rendering is the error's `message` and `userMessage` (logs, tests). Anything without a
 * sentence becomes a generic message with a correlation id.
 */
import type { Locale } from "./i18n/locales.js";
import { type MessageKey, type MessageValue, t } from "./i18n/t.js";

/** A sentence not yet rendered: a message key and its values. */
export interface Said {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, MessageValue>> | undefined;
}

export const said = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): Said => ({
  key,
  values,
});

/** A sentence in a locale. */
export const say = (s: Said, locale: Locale): string => t(locale, s.key, s.values);

export class UserError extends Error {
  readonly said: Said;
  constructor(key: MessageKey | Said, values?: Readonly<Record<string, MessageValue>>) {
    const s = typeof key === "string" ? said(key, values) : key;
    super(say(s, "en-US"));
    this.name = "UserError";
    this.said = s;
  }
  /** The sentence in English (the source locale). */
  get userMessage(): string {
    return this.message;
  }
}

function saidOf(err: unknown): Said | undefined {
  if (err && typeof err === "object" && "said" in err) {
    const s = (err as { said: unknown }).said;
    if (s && typeof s === "object" && typeof (s as Said).key === "string") return s as Said;
  }
  return undefined;
}

/** The user-facing sentence of an error in `locale`, when it has one (UserError, RobloxError…). */
export function userMessageOf(err: unknown, locale: Locale = "en-US"): string | undefined {
  const s = saidOf(err);
  if (s) return say(s, locale);
  if (err && typeof err === "object" && "userMessage" in err) {
    const m = (err as { userMessage: unknown }).userMessage;
    if (typeof m === "string" && m.length > 0) return m;
  }
  return undefined;
}
