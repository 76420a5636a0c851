import { describe, expect, it } from "vitest";
import type { ScreenState } from "../state.js";
import { crossed, diffScreenTime, type ScreenNow } from "./screentime-diff.js";

const H = 3_600_000;
const T0 = Date.parse("2026-03-02T08:00:00Z");
type Step = { at: number; now: ScreenNow; fold?: number };
const r = (minutes: number, dow: number, limit = 120): ScreenNow => ({ limit, minutes, dow });

function run(steps: Step[], start?: ScreenState) {
  let state = start;
  return steps.map((s) => {
    const d = diffScreenTime(state, s.now, { foldUntil: s.fold }, s.at);
    state = d.state;
    return d.alerts.map((a) => a.threshold);
  });
}

describe("diffScreenTime", () => {
  const table: { name: string; steps: Step[]; expected: number[][] }[] = [
    {
      name: "first reading is a silent baseline, even past a threshold",
      steps: [{ at: T0, now: r(110, 1) }],
      expected: [[]],
    },
    {
      name: "80 % then 100 %, each once",
      steps: [
        { at: T0, now: r(60, 1) },
        { at: T0 + H, now: r(96, 1) },
        { at: T0 + 2 * H, now: r(100, 1) },
        { at: T0 + 3 * H, now: r(120, 1) },
        { at: T0 + 4 * H, now: r(130, 1) },
      ],
      expected: [[], [80], [], [100], []],
    },
    {
      name: "crossing both at once says 100 % only",
      steps: [
        { at: T0, now: r(10, 1) },
        { at: T0 + H, now: r(125, 1) },
        { at: T0 + 2 * H, now: r(125, 1) },
      ],
      expected: [[], [100], []],
    },
    {
      name: "a new Roblox day (localDayOfWeek changes) alerts again",
      steps: [
        { at: T0, now: r(50, 1) },
        { at: T0 + H, now: r(100, 1) },
        // Roblox's midnight passes: daysAgo 0 is the new day, at 0 minutes.
        { at: T0 + 14 * H, now: r(0, 2) },
        { at: T0 + 20 * H, now: r(99, 2) },
      ],
      expected: [[], [80], [], [80]],
    },
    {
      name: "the same weekday a week later is another day",
      steps: [
        { at: T0, now: r(50, 1) },
        { at: T0 + H, now: r(100, 1) },
        { at: T0 + 7 * 24 * H, now: r(100, 1) },
      ],
      expected: [[], [80], [80]],
    },
    {
      name: "Roblox's day, not the clock: no reset while localDayOfWeek stays",
      steps: [
        { at: Date.parse("2026-03-02T23:00:00Z"), now: r(50, 1) },
        { at: Date.parse("2026-03-02T23:30:00Z"), now: r(100, 1) },
        // UTC midnight passed but Roblox's day did not turn yet.
        { at: Date.parse("2026-03-03T00:30:00Z"), now: r(100, 1) },
      ],
      expected: [[], [80], []],
    },
    {
      name: "a screen-time lock alert folds the 100 % alert of that day",
      steps: [
        { at: T0, now: r(100, 1) },
        { at: T0 + 2 * H, now: r(125, 1), fold: T0 + 10 * H },
        { at: T0 + 3 * H, now: r(130, 1), fold: T0 + 10 * H },
      ],
      expected: [[], [], []],
    },
    {
      name: "during the fold window, 80 % alone is still told",
      steps: [
        { at: T0, now: r(30, 1) },
        { at: T0 + H, now: r(97, 1), fold: T0 + 10 * H },
        { at: T0 + 2 * H, now: r(121, 1), fold: T0 + 10 * H },
      ],
      expected: [[], [80], []],
    },
    {
      name: "the parent changing the limit re-baselines silently",
      steps: [
        { at: T0, now: r(50, 1, 120) },
        { at: T0 + H, now: r(55, 1, 60) },
        { at: T0 + 2 * H, now: r(61, 1, 60) },
      ],
      expected: [[], [], [100]],
    },
    {
      name: "minutes crossing 80 % while the limit drops in the same interval alert once, then 100 % once",
      steps: [
        { at: T0, now: r(45, 1, 180) },
        { at: T0 + H, now: r(85, 1, 100) },
        { at: T0 + 2 * H, now: r(90, 1, 100) },
        { at: T0 + 3 * H, now: r(101, 1, 100) },
        { at: T0 + 4 * H, now: r(110, 1, 100) },
      ],
      expected: [[], [80], [], [100], []],
    },
    {
      name: "a limit change alone never alerts, whichever way it goes",
      steps: [
        { at: T0, now: r(85, 1, 180) },
        { at: T0 + H, now: r(85, 1, 100) },
        { at: T0 + 2 * H, now: r(85, 1, 80) },
        { at: T0 + 3 * H, now: r(85, 1, 300) },
      ],
      expected: [[], [], [], []],
    },
    {
      name: "a limit set today, with no earlier reading of the minutes, is a silent baseline",
      steps: [
        { at: T0, now: { limit: 0, minutes: null, dow: null } },
        { at: T0 + H, now: r(50, 1, 0) },
        { at: T0 + 2 * H, now: r(90, 1, 100) },
        { at: T0 + 3 * H, now: r(101, 1, 100) },
      ],
      expected: [[], [], [], [100]],
    },
    {
      name: "no limit: nothing to cross",
      steps: [
        { at: T0, now: { limit: 0, minutes: null, dow: null } },
        { at: T0 + H, now: { limit: 0, minutes: null, dow: null } },
      ],
      expected: [[], []],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(run(row.steps)).toEqual(row.expected);
    });
  }

  it("keeps the thresholds sent with the day and the reading", () => {
    const d = diffScreenTime({ dow: 1, at: T0, minutes: 50, limit: 120, sent: [] }, r(97, 1), {}, T0 + H);
    expect(d.state).toEqual({ dow: 1, at: T0 + H, minutes: 97, limit: 120, sent: [80] });
    expect(d.alerts).toEqual([{ threshold: 80, minutes: 97, limit: 120 }]);
  });

  it("crossed() uses whole percentages of the limit", () => {
    expect(crossed(95, 120)).toEqual([]);
    expect(crossed(96, 120)).toEqual([80]);
    expect(crossed(120, 120)).toEqual([80, 100]);
    expect(crossed(500, 0)).toEqual([]);
  });
});
