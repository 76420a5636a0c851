/**
 * Quiet hours, pure: presence changes held back while they last are delivered as one digest
 * once they end (by the wall-clock job at the end time, or the first poll after it).
 */

import { inQuietHours } from "../../domain/zone.js";
import type { GuildSettings } from "../../store/index.js";
import type { PresenceChange } from "../state.js";

export interface DigestDiff {
  held: PresenceChange[];
  /** The changes to deliver now as one digest; null when nothing is due. */
  digest: PresenceChange[] | null;
}

export function diffDigest(
  held: readonly PresenceChange[],
  settings: Pick<GuildSettings, "quietHours" | "timeZone" | "events">,
  now: number,
): DigestDiff {
  if (held.length === 0) return { held: [], digest: null };
  if (inQuietHours(now, settings.quietHours, settings.timeZone)) return { held: [...held], digest: null };
  // Presence alerts turned off meanwhile: the held changes are dropped with them.
  if (!settings.events.presence) return { held: [], digest: null };
  return { held: [], digest: [...held] };
}
