/**
 * The wall-clock jobs on node-cron: one task every minute checks, in each guild's own zone,
 * whether the daily summary is due and whether quiet hours just ended (their digest is then
 * delivered by an immediate poll). Pure decision in `dueNow`.
 */
import cron, { type ScheduledTask } from "node-cron";
import { localTime } from "../../domain/zone.js";
import type { GuildSettings } from "../../store/index.js";
import { parseHHMM } from "../../ui/format.js";

/** A summary missed by a few minutes (busy process, restart) is still sent. */
export const SUMMARY_GRACE_MINUTES = 10;

export interface Due {
  summary: boolean;
  quietEnded: boolean;
}

export function dueNow(
  settings: Pick<GuildSettings, "events" | "summaryTime" | "quietHours" | "timeZone">,
  now: number,
): Due {
  const { minutes } = localTime(now, settings.timeZone);
  const at = parseHHMM(settings.summaryTime);
  const since = at === null ? -1 : (minutes - at + 1440) % 1440;
  const summary = settings.events["daily-summary"] && at !== null && since < SUMMARY_GRACE_MINUTES;
  const end = settings.quietHours ? parseHHMM(settings.quietHours.end) : null;
  const start = settings.quietHours ? parseHHMM(settings.quietHours.start) : null;
  const quietEnded = end !== null && start !== end && minutes === end;
  return { summary, quietEnded };
}

/** Starts the per-minute task; `tick` must not throw (it is wrapped anyway). */
export function startWallClock(tick: () => Promise<void>, onError: (err: unknown) => void): ScheduledTask {
  return cron.schedule(
    "* * * * *",
    async () => {
      try {
        await tick();
      } catch (err) {
        onError(err);
      }
    },
    { name: "roguard-wall-clock", noOverlap: true, unref: true },
  );
}
