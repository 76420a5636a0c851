/**
 * Wall-clock helpers in a guild's IANA zone (pure; `now` is always handed in). The guild's zone
 * governs summary-time and quiet hours only; screen-time days follow Roblox's own day.
 */
import { parseHHMM } from "../ui/format.js";

export interface LocalTime {
  /** "2026-11-22" in the zone. */
  date: string;
  /** Minutes after local midnight, 0..1439. */
  minutes: number;
  /** 0 = Sunday … 6 = Saturday, in the zone. */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The local date, time of day and weekday of `now` in `zone` (UTC when the zone is unknown). */
export function localTime(now: number, zone: string): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(zone).formatToParts(new Date(now));
  } catch {
    parts = formatter("UTC").formatToParts(new Date(now));
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const hour = Number(get("hour")) % 24;
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    minutes: hour * 60 + Number(get("minute")),
    weekday: Math.max(0, WEEKDAYS.indexOf(get("weekday"))),
  };
}

export interface QuietHours {
  start: string;
  end: string;
}

/** True when `now` falls inside quiet hours in `zone`; the window may cross midnight. */
export function inQuietHours(now: number, quiet: QuietHours | null | undefined, zone: string): boolean {
  if (!quiet) return false;
  const start = parseHHMM(quiet.start);
  const end = parseHHMM(quiet.end);
  if (start === null || end === null || start === end) return false;
  const m = localTime(now, zone).minutes;
  return start < end ? m >= start && m < end : m >= start || m < end;
}
