import { existsSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  CHART,
  chartFontFiles,
  renderWeeklyChart,
  shortMinutes,
  type WeeklyChartInput,
  weeklyChartLayout,
  weeklyChartSvg,
} from "./chart.js";

const MINUTES = [95, 130, 45, 0, 210, 60, 75]; // index = daysAgo
const week = (limit: number | null, dow = 3): WeeklyChartInput => ({
  days: MINUTES.map((minutes, daysAgo) => ({ daysAgo, minutes })),
  localDayOfWeek: dow,
  limitMinutes: limit,
});

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

function decode(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (png.width * y + x) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

function near(p: [number, number, number], c: string, tol = 10): boolean {
  const q = hex(c);
  return p.every((v, i) => Math.abs(v - (q[i] ?? 0)) <= tol);
}

/** Runs of consecutive pixels on row y matching one of the colours: [colour, start, length]. */
function runs(
  png: PNG,
  y: number,
  colours: readonly string[],
): { colour: string; start: number; length: number }[] {
  const out: { colour: string; start: number; length: number }[] = [];
  let cur: { colour: string; start: number; length: number } | null = null;
  for (let x = 0; x < png.width; x++) {
    const colour = colours.find((c) => near(pixel(png, x, y), c)) ?? null;
    if (colour && cur && cur.colour === colour) cur.length++;
    else {
      if (cur) out.push(cur);
      cur = colour ? { colour, start: x, length: 1 } : null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Rows where the limit colour covers at least 40 % of the plot width. */
function limitRows(png: PNG): number[] {
  const s = CHART.scale;
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++) {
    let n = 0;
    for (let x = CHART.plot.left * s; x < CHART.plot.right * s; x++)
      if (near(pixel(png, x, y), CHART.colors.limit, 24)) n++;
    if (n >= 0.4 * (CHART.plot.right - CHART.plot.left) * s) rows.push(y);
  }
  return rows;
}

describe("weeklyChartLayout / weeklyChartSvg (pure)", () => {
  it("puts the oldest day left and today right, with weekdays from localDayOfWeek", () => {
    const L = weeklyChartLayout(week(120, 3));
    expect(L.bars.map((b) => b.weekday)).toEqual(["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]);
    expect(L.bars.map((b) => b.daysAgo)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(L.bars.map((b) => b.minutes)).toEqual([75, 60, 210, 0, 45, 130, 95]);
    expect(L.bars.filter((b) => b.isToday).map((b) => b.weekday)).toEqual(["Wed"]);
    expect(L.bars.map((b) => b.overLimit)).toEqual([false, false, true, false, false, true, false]);
    expect(weeklyChartLayout(week(null, 0)).bars.at(-1)?.weekday).toBe("Sun");
    expect(weeklyChartLayout(week(null, 6)).bars[0]?.weekday).toBe("Sun");
    for (let i = 1; i < 7; i++) expect(L.bars[i]!.x).toBeGreaterThan(L.bars[i - 1]!.x + L.bars[i - 1]!.width);
  });

  it("speaks the locale: weekdays, today, the limit line and the default title", () => {
    const de = { ...week(120, 3), locale: "de" as const };
    expect(weeklyChartLayout(de).bars.map((b) => b.weekday)).toEqual([
      "Do",
      "Fr",
      "Sa",
      "So",
      "Mo",
      "Di",
      "Mi",
    ]);
    const svg = weeklyChartSvg(de);
    for (const label of [">heute<", ">Limit<", ">Tageslimit 2 Std.<", ">Bildschirmzeit: letzte 7 Tage<"])
      expect(svg).toContain(label);
    const tr = weeklyChartSvg({ ...week(null, 0), locale: "tr" });
    expect(tr).toContain(">Paz<");
    expect(tr).toContain(">günlük sınır yok<");
    // en-US (or no locale) keeps the English labels.
    expect(weeklyChartSvg(week(120, 3))).toContain(">daily limit 2h<");
  });

  it("scales bars to minutes and places the limit line", () => {
    const L = weeklyChartLayout(week(120));
    expect(L.maxMinutes).toBeGreaterThanOrEqual(210);
    const tallest = L.bars.find((b) => b.minutes === 210)!;
    expect(L.bars.every((b) => b.height <= tallest.height)).toBe(true);
    expect(L.bars.find((b) => b.minutes === 0)?.height).toBeGreaterThan(0);
    expect(L.limitY).not.toBeNull();
    const two = L.bars.find((b) => b.minutes === 130)!;
    expect(L.limitY!).toBeGreaterThan(two.y);
    expect(weeklyChartLayout(week(null)).limitY).toBeNull();
    expect(weeklyChartLayout(week(0)).limitY).toBeNull();
  });

  it("accepts unsorted, missing and odd entries", () => {
    const L = weeklyChartLayout({
      days: [
        { daysAgo: 0, minutes: 30 },
        { daysAgo: 9, minutes: 999 },
        { daysAgo: 2, minutes: Number.NaN },
        { daysAgo: 1, minutes: -5 },
      ],
      localDayOfWeek: -1,
      limitMinutes: null,
    });
    expect(L.bars).toHaveLength(7);
    expect(L.bars.map((b) => b.minutes)).toEqual([0, 0, 0, 0, 0, 0, 30]);
    expect(L.bars.at(-1)?.weekday).toBe("Sat");
  });

  it("writes labels, minutes and an escaped title into the SVG", () => {
    const svg = weeklyChartSvg({ ...week(120), title: "Kid <b>&</b> \u0007" });
    expect(svg).toContain("Kid &lt;b&gt;&amp;&lt;/b&gt; ");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("\u0007");
    for (const label of ["Thu", "Wed", "today", "3h 30m", "1h 35m", "0m", "limit", "2h"])
      expect(svg).toContain(`>${label}<`);
    expect(svg).toContain(`stroke="${CHART.colors.limit}"`);
    expect(weeklyChartSvg(week(null))).not.toContain(`stroke="${CHART.colors.limit}"`);
    expect(weeklyChartSvg(week(null))).toContain("no daily limit");
  });

  it("formats short minute labels", () => {
    expect([0, 45, 60, 65, 210].map((n) => shortMinutes(n, "en-US"))).toEqual([
      "0m",
      "45m",
      "1h",
      "1h 05m",
      "3h 30m",
    ]);
  });

  it("formats short minute labels in the locale, so a German chart is German throughout", () => {
    expect([0, 45, 60, 65, 210].map((n) => shortMinutes(n, "de"))).toEqual([
      "0 Min.",
      "45 Min.",
      "1 Std.",
      "1:05 Std.",
      "3:30 Std.",
    ]);
    expect(shortMinutes(65, "fr")).toBe("1 h 05");
    expect(shortMinutes(45, "pt-BR")).toBe("45 min");
    const svg = weeklyChartSvg({ ...week(120, 3), locale: "de" });
    // the axis, the bars and the limit line: no English "3h 30m", "45m"
    for (const label of [">3:30 Std.<", ">1:35 Std.<", ">0 Min.<", ">2 Std.<", ">4 Std.<"])
      expect(svg).toContain(label);
    expect(svg).not.toMatch(/>\d+h( \d+m)?<|>\d+m</);
  });
});

describe("renderWeeklyChart (PNG)", () => {
  it("uses the bundled DejaVu font files", () => {
    const files = chartFontFiles();
    expect(files.some((f) => f.endsWith("DejaVuSans.ttf"))).toBe(true);
    for (const f of files) expect(existsSync(f)).toBe(true);
  });

  it("draws 7 bars, today's highlighted, and the limit line", () => {
    const png = decode(renderWeeklyChart(week(120)));
    expect([png.width, png.height]).toEqual([CHART.width * CHART.scale, CHART.height * CHART.scale]);
    const y = (CHART.plot.bottom - 1) * CHART.scale - 1;
    const found = runs(png, y, [CHART.colors.bar, CHART.colors.today]).filter((r) => r.length >= 10);
    expect(found).toHaveLength(7);
    expect(found.map((r) => r.colour)).toEqual([...Array(6).fill(CHART.colors.bar), CHART.colors.today]);
    const L = weeklyChartLayout(week(120));
    for (const [i, r] of found.entries())
      expect(Math.abs(r.length - L.bars[i]!.width * CHART.scale)).toBeLessThanOrEqual(2);
    const rows = limitRows(png);
    expect(rows.length).toBeGreaterThan(0);
    expect(Math.abs(rows[0]! - L.limitY! * CHART.scale)).toBeLessThanOrEqual(3);
    // the tallest bar (Sat, 210 min) rises well above the limit line, the 0-minute bar stays at the bottom
    const sat = L.bars[2]!;
    expect(
      near(
        pixel(png, (sat.x + sat.width / 2) * CHART.scale, (L.limitY! - 20) * CHART.scale),
        CHART.colors.bar,
      ),
    ).toBe(true);
    const sun = L.bars[3]!;
    expect(
      near(
        pixel(png, (sun.x + sun.width / 2) * CHART.scale, (CHART.plot.bottom - 20) * CHART.scale),
        CHART.colors.bar,
      ),
    ).toBe(false);
  });

  it("has no limit line without a limit, and highlights today wherever the data is", () => {
    const png = decode(renderWeeklyChart({ ...week(null, 0), days: [{ daysAgo: 0, minutes: 0 }] }));
    expect(limitRows(png)).toEqual([]);
    const y = (CHART.plot.bottom - 1) * CHART.scale - 1;
    const found = runs(png, y, [CHART.colors.bar, CHART.colors.today]).filter((r) => r.length >= 10);
    expect(found.map((r) => r.colour)).toEqual([...Array(6).fill(CHART.colors.bar), CHART.colors.today]);
  });

  it("renders text with the bundled font (title pixels present)", () => {
    const png = decode(renderWeeklyChart(week(120)));
    let bright = 0;
    for (let y = 14 * CHART.scale; y < 38 * CHART.scale; y++)
      for (let x = 20 * CHART.scale; x < 200 * CHART.scale; x++)
        if (near(pixel(png, x, y), CHART.colors.title, 20)) bright++;
    expect(bright).toBeGreaterThan(500);
  });

  it("renders in under 200 ms", () => {
    const t0 = performance.now();
    renderWeeklyChart(week(120));
    const first = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      renderWeeklyChart(week(i % 2 ? null : 90, i));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[2]!;
    console.log(`weekly chart render: first ${first.toFixed(1)} ms, median of 5 ${median.toFixed(1)} ms`);
    expect(first).toBeLessThan(200);
    expect(median).toBeLessThan(200);
  });
});
