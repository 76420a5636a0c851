/**
 * The alert events, defined once: the `/alerts toggle` choices, the settings schema, `/alerts
 * show` and the defaults of a new guild (every event on except the daily summary).
 */
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

/** What each event posts, for the toggle's confirmation. */
export const EVENT_WORDS: Record<AlertEventName, string> = {
  presence: "Presence alerts (watched users)",
  "friend-requests": "Friend-request alerts (trusted-connection requests too)",
  connections: "New-connection alerts",
  restrictions: "Restriction alerts",
  screentime: "Screen-time alerts (80 % and 100 %)",
  "cookie-health": "Cookie-health alerts",
  "daily-summary": "The daily summary",
  "parent-requests": "Children's requests to a linked parent account (Approve/Deny)",
};

export function defaultEvents(): Record<AlertEventName, boolean> {
  return Object.fromEntries(ALERT_EVENTS.map((e) => [e, e !== "daily-summary"])) as Record<
    AlertEventName,
    boolean
  >;
}
