/**
 * Presence of watched users, pure: what Roblox says now against what was last shown.
 * A change is alerted only after the new state held for one more poll (debounce), so a
 * flap (online → offline → online between polls) says nothing. Quiet hours hold the alert
 * back (into the digest) instead of dropping it.
 */
import { joinsOff, locationName, type RawPresence } from "../../domain/presence.js";
import { inQuietHours } from "../../domain/zone.js";
import type { GuildSettings } from "../../store/index.js";
import type { PresenceChange, PresenceState, Snap } from "../state.js";

/** Roblox's presence → what the watcher compares (Invisible counts as Offline, as others see it). */
export function snapOf(p: RawPresence): Snap {
  const t = p.userPresenceType === 4 || p.userPresenceType < 0 ? 0 : p.userPresenceType;
  if (t !== 2 && t !== 3) return { t, loc: null, exp: null };
  const exp = p.universeId ?? p.rootPlaceId ?? p.placeId;
  const snap: Snap = {
    t,
    loc: locationName(p.lastLocation) ?? null,
    exp: exp === null || exp === undefined ? null : String(exp),
  };
  // The universe names the experience when Roblox hides the location.
  if (snap.loc === null && p.universeId != null) snap.u = String(p.universeId);
  if (joinsOff(p)) snap.off = true;
  return snap;
}

/** Same type, and for in game / in Studio the same experience. */
export function sameSnap(a: Snap, b: Snap): boolean {
  if (a.t !== b.t) return false;
  if (a.t !== 2 && a.t !== 3) return true;
  if (a.exp !== null || b.exp !== null) return a.exp === b.exp;
  return a.loc === b.loc;
}

export type PresenceSettings = Pick<GuildSettings, "quietHours" | "timeZone">;

export interface PresenceDiff {
  state: PresenceState;
  /** Changes to post now. */
  alerts: PresenceChange[];
  /** Changes held back by quiet hours. */
  held: PresenceChange[];
}

/**
 * `current` holds every watched user (by id). Users no longer watched are forgotten; a user
 * seen for the first time (or the first poll of the account) is recorded silently.
 */
export function diffPresence(
  prev: PresenceState | undefined,
  current: Readonly<Record<string, Snap>>,
  settings: PresenceSettings,
  now: number,
): PresenceDiff {
  const state: PresenceState = {};
  const changes: PresenceChange[] = [];
  for (const [userId, snap] of Object.entries(current)) {
    const before = prev?.[userId];
    if (!before) {
      state[userId] = { shown: snap };
      continue;
    }
    if (sameSnap(before.shown, snap)) {
      state[userId] = { shown: before.shown };
    } else if (before.pending && sameSnap(before.pending, snap)) {
      changes.push({ userId, from: before.shown, to: snap, at: now });
      state[userId] = { shown: snap };
    } else {
      state[userId] = { shown: before.shown, pending: snap };
    }
  }
  const quiet = inQuietHours(now, settings.quietHours, settings.timeZone);
  return quiet ? { state, alerts: [], held: changes } : { state, alerts: changes, held: [] };
}
