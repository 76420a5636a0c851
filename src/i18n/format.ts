/**
 * Numbers, durations, dates and weekdays in a locale, through Intl. en-US keeps roguard's established
 * English forms ("1 h 05 min"), which tests and people rely on; every other locale takes Intl's.
 */
import { formatMinutes } from "../ui/format.js";
import type { Locale } from "./locales.js";
import { t } from "./t.js";

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(locale: Locale, u: "hour" | "minute"): Intl.NumberFormat {
  const id = `${locale}:${u}`;
  let f = unitFormats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short" });
    unitFormats.set(id, f);
  }
  return f;
}

/** Minutes as hours and minutes; with `asLimit`, 0 is "no limit" in the locale. */
export function minutes(locale: Locale, n: number, options: { asLimit?: boolean } = {}): string {
  if (locale === "en-US") return formatMinutes(n, options);
  const total = Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
  if (total === 0 && options.asLimit) return t(locale, "duration.noLimit");
  if (total < 60) return unit(locale, "minute").format(total);
  const h = Math.floor(total / 60);
  return `${unit(locale, "hour").format(h)} ${unit(locale, "minute").format(total % 60)}`;
}

export function number(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Short weekday names, Monday first (the screen-time chart's order). */
export function weekdays(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

export function date(locale: Locale, d: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(d);
}

/** "3 days ago", "in 2 hours": the largest unit that fits. */
export function relative(locale: Locale, ms: number): string {
  const f = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const abs = Math.abs(ms);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 86_400_000],
    ["month", 30 * 86_400_000],
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ];
  for (const [u, size] of units) if (abs >= size) return f.format(Math.trunc(ms / size), u);
  return f.format(Math.trunc(ms / 1000), "second");
}
