/**
 * Cookie health, pure: a dead cookie (any 401 — src/sessions.ts marks the account) is alerted
 * once per death (keyed by `health.since`); a re-link puts health back to ok and clears it.
 * No Roblox call: the account's health in the store is the fact.
 */
import type { GuildSettings, Health } from "../../store/index.js";

export interface CookieDiff {
  state: { alertedSince: string } | undefined;
  alert: boolean;
}

export function diffCookie(
  prev: { alertedSince: string } | undefined,
  health: Health,
  settings: Pick<GuildSettings, "events">,
  _now: number,
): CookieDiff {
  if (health.state !== "dead") return { state: undefined, alert: false };
  const since = health.since ?? "unknown";
  if (prev?.alertedSince === since) return { state: prev, alert: false };
  return { state: { alertedSince: since }, alert: settings.events["cookie-health"] };
}
