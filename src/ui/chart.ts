/**
 * The weekly screen-time chart: a pure SVG builder (`weeklyChartSvg`) and a renderer to PNG
 * with @resvg/resvg-js, using the DejaVu Sans font shipped in `dejavu-fonts-ttf` (no system
 * fonts), so it looks the same on a slim Docker image. Colours suit Discord's dark theme.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { weekdays } from "../i18n/format.js";
import type { Locale } from "../i18n/locales.js";
import { t } from "../i18n/t.js";

export interface WeeklyChartInput {
  /** Roblox's weekly entries: daysAgo 0 = today … 6. Missing days count as 0 minutes. */
  days: readonly { daysAgo: number; minutes: number }[];
  /** Today's day of week, 0 = Sunday (Roblox's `localDayOfWeek`). */
  localDayOfWeek: number;
  /** Daily limit in minutes; null or 0 = no limit (no line). */
  limitMinutes: number | null;
  title?: string;
  /** The labels' language: weekdays, "today", the limit line (default en-US). */
  locale?: Locale | undefined;
}

/** Geometry in SVG units; the PNG is `SCALE` times larger. */
export const CHART = {
  width: 560,
  height: 320,
  plot: { left: 64, right: 494, top: 56, bottom: 268 },
  scale: 2,
  colors: {
    background: "#2b2d31",
    grid: "#3f4147",
    axisText: "#949ba4",
    text: "#dbdee1",
    title: "#f2f3f5",
    bar: "#5865f2",
    today: "#57f287",
    limit: "#f0b232",
  },
} as const;

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** Short weekday names Sunday first (Roblox's `localDayOfWeek` order) in the locale; en-US keeps WEEKDAYS. */
function weekdayNames(locale: Locale | undefined): readonly string[] {
  if (locale === undefined || locale === "en-US") return WEEKDAYS;
  const mondayFirst = weekdays(locale);
  return [mondayFirst[6] ?? "?", ...mondayFirst.slice(0, 6)];
}
const FONT = "DejaVu Sans";

export interface ChartBar {
  daysAgo: number;
  minutes: number;
  weekday: string;
  isToday: boolean;
  overLimit: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  bars: ChartBar[];
  /** Top of the scale, in minutes, and the grid step. */
  maxMinutes: number;
  step: number;
  /** y of the limit line, or null without a limit. */
  limitY: number | null;
  baseline: number;
}

const STEPS = [15, 30, 60, 120, 180, 240, 360, 480] as const;
const MIN_BAR = 3;

function clampMinutes(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(1440, n)) : 0;
}

/** Where everything goes (pure): oldest day left, today right. */
export function weeklyChartLayout(input: WeeklyChartInput): ChartLayout {
  const perDay = new Map<number, number>();
  for (const d of input.days) {
    if (Number.isInteger(d.daysAgo) && d.daysAgo >= 0 && d.daysAgo <= 6)
      perDay.set(d.daysAgo, clampMinutes(d.minutes));
  }
  const limit = input.limitMinutes && input.limitMinutes > 0 ? clampMinutes(input.limitMinutes) : null;
  const peak = Math.max(60, limit ?? 0, ...perDay.values());
  const step = STEPS.find((s) => (peak * 1.1) / s <= 5) ?? 480;
  const maxMinutes = Math.ceil((peak * 1.1) / step) * step;
  const { left, right, top, bottom } = CHART.plot;
  const plotH = bottom - top;
  const slot = (right - left) / 7;
  const width = Math.round(slot * 0.62);
  const today = ((Math.trunc(input.localDayOfWeek) % 7) + 7) % 7 || 0;
  const names = weekdayNames(input.locale);
  const bars: ChartBar[] = [];
  for (let i = 0; i < 7; i++) {
    const daysAgo = 6 - i;
    const minutes = perDay.get(daysAgo) ?? 0;
    const height = Math.max(MIN_BAR, Math.round((minutes / maxMinutes) * plotH));
    bars.push({
      daysAgo,
      minutes,
      weekday: names[(((today - daysAgo) % 7) + 7) % 7] ?? "?",
      isToday: daysAgo === 0,
      overLimit: limit !== null && minutes > limit,
      x: Math.round(left + i * slot + (slot - width) / 2),
      y: bottom - height,
      width,
      height,
    });
  }
  const limitY = limit === null ? null : Math.round(bottom - (limit / maxMinutes) * plotH);
  return { bars, maxMinutes, step, limitY, baseline: bottom };
}

/** Compact minutes for small labels in the locale: "45m", "1h 05m", "2h" in en-US; "45 Min.", "1:05 h", "2 Std." in de. */
export function shortMinutes(n: number, locale: Locale): string {
  const m = Math.round(n);
  if (m < 60) return t(locale, "alerts.chart.minutes", { m });
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r === 0
    ? t(locale, "alerts.chart.hours", { h })
    : t(locale, "alerts.chart.hoursMinutes", { h, m: String(r).padStart(2, "0") });
}

function xml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function text(x: number, y: number, body: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${xml(body)}</text>`;
}

/** The chart as an SVG string (pure; no fonts needed to build it). */
export function weeklyChartSvg(input: WeeklyChartInput): string {
  const c = CHART.colors;
  const { left, right, top } = CHART.plot;
  const L = weeklyChartLayout(input);
  const locale = input.locale ?? "en-US";
  const title = (input.title ?? t(locale, "chart.title")).slice(0, 60);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" font-family="${FONT}">`,
    `<rect width="${CHART.width}" height="${CHART.height}" rx="12" fill="${c.background}"/>`,
    text(20, 32, title, `font-size="17" font-weight="bold" fill="${c.title}"`),
  ];
  for (let m = 0; m <= L.maxMinutes; m += L.step) {
    const y = Math.round(L.baseline - (m / L.maxMinutes) * (L.baseline - top)) + 0.5;
    parts.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${c.grid}" stroke-width="1"/>`);
    parts.push(
      text(left - 8, y + 4, shortMinutes(m, locale), `font-size="11" text-anchor="end" fill="${c.axisText}"`),
    );
  }
  const labels: string[] = [];
  for (const b of L.bars) {
    const cx = b.x + b.width / 2;
    const fill = b.isToday ? c.today : c.bar;
    const bold = b.isToday ? ' font-weight="bold"' : "";
    parts.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="3" fill="${fill}" shape-rendering="crispEdges"/>`,
      `<rect x="${b.x}" y="${b.y + b.height - Math.min(4, b.height)}" width="${b.width}" height="${Math.min(4, b.height)}" fill="${fill}" shape-rendering="crispEdges"/>`,
      text(
        cx,
        L.baseline + 20,
        b.weekday,
        `font-size="13" text-anchor="middle" fill="${b.isToday ? c.title : c.axisText}"${bold}`,
      ),
    );
    // minutes above the bar, with a halo so the limit line never hides them
    labels.push(
      text(
        cx,
        b.y - 6,
        shortMinutes(b.minutes, locale),
        `font-size="12" text-anchor="middle" fill="${b.overLimit ? c.limit : c.text}" stroke="${c.background}" stroke-width="3" paint-order="stroke"${bold}`,
      ),
    );
    if (b.isToday)
      parts.push(
        text(
          cx,
          L.baseline + 36,
          t(locale, "chart.today"),
          `font-size="11" text-anchor="middle" fill="${c.today}"`,
        ),
      );
  }
  if (L.limitY !== null) {
    const limit = input.limitMinutes ?? 0;
    parts.push(
      `<line x1="${left}" y1="${L.limitY}" x2="${right}" y2="${L.limitY}" stroke="${c.limit}" stroke-width="2" stroke-dasharray="8 5"/>`,
      text(right + 6, L.limitY - 4, t(locale, "chart.limit"), `font-size="11" fill="${c.limit}"`),
      text(
        right + 6,
        L.limitY + 12,
        shortMinutes(limit, locale),
        `font-size="11" font-weight="bold" fill="${c.limit}"`,
      ),
      text(
        CHART.width - 20,
        32,
        t(locale, "chart.dailyLimit", { limit: shortMinutes(limit, locale) }),
        `font-size="12" text-anchor="end" fill="${c.limit}"`,
      ),
    );
  } else {
    parts.push(
      text(
        CHART.width - 20,
        32,
        t(locale, "chart.noLimit"),
        `font-size="12" text-anchor="end" fill="${c.axisText}"`,
      ),
    );
  }
  parts.push(...labels);
  parts.push("</svg>");
  return parts.join("\n");
}

let fontFiles: string[] | undefined;

/** Paths of the bundled DejaVu Sans regular and bold TrueType files (resolved once). */
export function chartFontFiles(): string[] {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    fontFiles = [
      require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
      require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
    ];
  }
  return fontFiles;
}

/** Renders the weekly chart to a PNG buffer (1120×640). */
export function renderWeeklyChart(input: WeeklyChartInput): Buffer {
  const resvg = new Resvg(weeklyChartSvg(input), {
    fitTo: { mode: "zoom", value: CHART.scale },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT },
  });
  return resvg.render().asPng();
}
