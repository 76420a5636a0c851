/**
 * The alert events, defined once: the `/alerts toggle` choices, the settings schema, `/alerts
 * show` and the defaults of a new guild (every event on except the daily summary).
 */
import type { Locale } from "../i18n/locales.js";
import { type MessageKey, t } from "../i18n/t.js";

export const ALERT_EVENTS = [
  "presence",
  "friend-requests",
  "connections",
  "restrictions",
  "screentime",
  "cookie-health",
  "daily-summary",
  "parent-requests",
] as const;
export type AlertEventName = (typeof ALERT_EVENTS)[number];

/** What each event posts (its message key), for the toggle's confirmation and `/alerts show`. */
export const EVENT_KEYS = {
  presence: "alerts.event.presence",
  "friend-requests": "alerts.event.friendRequests",
  connections: "alerts.event.connections",
  restrictions: "alerts.event.restrictions",
  screentime: "alerts.event.screentime",
  "cookie-health": "alerts.event.cookieHealth",
  "daily-summary": "alerts.event.dailySummary",
  "parent-requests": "alerts.event.parentRequests",
} as const satisfies Record<AlertEventName, MessageKey>;

/** Pure: what an event posts, in `locale` ("Presence alerts (watched users)", …) — the member's for a reply. */
export function eventWords(event: AlertEventName, locale: Locale): string {
  return t(locale, EVENT_KEYS[event]);
}

/** What each event posts, in English (the source words); a reply says `eventWords(event, ctx.locale)`. */
export const EVENT_WORDS: Record<AlertEventName, string> = Object.fromEntries(
  ALERT_EVENTS.map((e) => [e, eventWords(e, "en-US")]),
) as Record<AlertEventName, string>;

export function defaultEvents(): Record<AlertEventName, boolean> {
  return Object.fromEntries(ALERT_EVENTS.map((e) => [e, e !== "daily-summary"])) as Record<
    AlertEventName,
    boolean
  >;
}
