import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../store/index.js";
import type { RestrictionState } from "../state.js";
import { diffRestriction, type RestrictionNow } from "./restrictions-diff.js";

const T0 = Date.parse("2026-03-02T18:00:00Z");
const ON = defaultSettings("UTC");
const BAN: RestrictionNow = { source: 1, startTime: "2026-03-02T17:59:00Z", endTime: "2026-03-05T17:59:00Z" };
const LOCK: RestrictionNow = {
  source: 2,
  startTime: "2026-03-02T17:59:30Z",
  endTime: "2026-03-03T00:00:00Z",
};

function run(readings: (RestrictionNow | null)[], settings = ON, start?: RestrictionState) {
  let state = start;
  const out = readings.map((r, i) => {
    const d = diffRestriction(state, r, settings, T0 + i * 60_000);
    state = d.state;
    return d.alerts.map((a) => `${a.type}:${a.restriction.source}`);
  });
  return { out, state };
}

describe("diffRestriction", () => {
  const table: { name: string; readings: (RestrictionNow | null)[]; expected: string[][] }[] = [
    {
      name: "a restriction present at the baseline is not alerted",
      readings: [BAN, BAN],
      expected: [[], []],
    },
    {
      name: "ban starts and ends, each once",
      readings: [null, BAN, BAN, null, null],
      expected: [[], ["start:1"], [], ["end:1"], []],
    },
    {
      name: "screen-time lock starts and ends",
      readings: [null, LOCK, null],
      expected: [[], ["start:2"], ["end:2"]],
    },
    {
      name: "a lock replaced by a ban is a new start",
      readings: [null, LOCK, BAN],
      expected: [[], ["start:2"], ["start:1"]],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(run(row.readings).out).toEqual(row.expected);
    });
  }

  it("a screen-time lock opens the fold window up to its end; a ban does not", () => {
    const lock = run([null, LOCK]);
    expect(lock.state?.foldUntil).toBe(Date.parse("2026-03-03T00:00:00Z"));
    expect(run([null, BAN]).state?.foldUntil).toBeUndefined();
    // Without an end time, one day at most.
    const noEnd = run([null, { ...LOCK, endTime: null }]);
    expect(noEnd.state?.foldUntil).toBe(T0 + 60_000 + 86_400_000);
  });

  it("the fold window outlives the lock until its end, then goes", () => {
    const start: RestrictionState = { active: null, foldUntil: T0 + 30 * 60_000 };
    expect(diffRestriction(start, null, ON, T0).state.foldUntil).toBe(T0 + 30 * 60_000);
    expect(diffRestriction(start, null, ON, T0 + 31 * 60_000).state.foldUntil).toBeUndefined();
  });

  it("restrictions turned off: state still follows (for the poll), nothing is alerted or folded", () => {
    const off = { ...ON, events: { ...ON.events, restrictions: false } };
    const r = run([null, LOCK, null], off);
    expect(r.out).toEqual([[], [], []]);
    const d = diffRestriction({ active: null }, LOCK, off, T0);
    expect(d.state.active).toMatchObject({ source: 2 });
    expect(d.state.foldUntil).toBeUndefined();
  });
});
