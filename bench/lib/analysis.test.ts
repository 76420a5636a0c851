import { describe, expect, it } from "vitest";
import { offsetFor } from "../../src/jobs/scheduling/offsets.js";
import { countCycles, cyclesOf, minimumPerCycle, naivePerCycle } from "./cycles.js";
import { consoleTable, markdown, type Section } from "./report.js";
import { analyzeSchedule, fireTimes, POLL_START } from "./schedule.js";
import { percentile, summarize } from "./stats.js";

const req = (at: number, path: string, userId: number | null, csrfRejected = false) => ({
  at,
  path,
  userId,
  csrfRejected,
});

describe("stats", () => {
  it("takes nearest-rank percentiles", () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2]).p50).toBe(2);
  });
});

describe("poll cycles", () => {
  const log = [
    req(0, `${POLL_START}?x`, 7),
    req(1, "/presence/v1/presence/users", 7, true),
    req(2, "/presence/v1/presence/users", 7),
    req(3, "/friends/v1/my/friends/requests?limit=25", 7),
    req(5, POLL_START, 8),
    req(1000, POLL_START, 7),
    req(1001, "/presence/v1/presence/users", 7),
    req(1002, "/friends/v1/my/friends/requests", 7),
    req(2000, POLL_START, 7),
  ];

  it("splits an account's requests at its restriction checks and counts CSRF apart", () => {
    expect(cyclesOf(log, 7).map((c) => c.length)).toEqual([4, 3, 1]);
    const first = countCycles(log, 7, 0, 2);
    expect(first).toMatchObject({ cycles: 2, requests: 6, csrf: 1, perCycle: 3 });
    expect(first.byPath["/friends/v1/my/friends/requests"]).toBe(2);
  });

  it("does not count the last cycle until the next one started", () => {
    expect(countCycles(log, 7, 1, 2).cycles).toBe(1);
    expect(countCycles(log, 8, 0, 1).cycles).toBe(0);
  });

  it("knows the theoretical minimum and the naive cost", () => {
    expect(minimumPerCycle(1, false)).toBeCloseTo(3.6, 9);
    expect(minimumPerCycle(50, true)).toBeCloseTo(3.8, 9);
    expect(minimumPerCycle(120, true)).toBeCloseTo(5.8, 9);
    expect(naivePerCycle(120, true)).toBeCloseTo(122.8, 9);
  });
});

describe("schedule adherence", () => {
  const I = 10_000;
  const a = { robloxId: 5, guildId: "100" };
  const offset = offsetFor("100:5", I);

  it("lists the fire times of an account inside a window", () => {
    const t = fireTimes("100:5", I, 1_000_000, 1_000_000 + 3 * I);
    expect(t).toHaveLength(3);
    for (const x of t) expect((x - offset) % I).toBe(0);
  });

  it("measures lag from the schedule and misses", () => {
    const from = 1_000_000;
    const to = from + 2 * I;
    const [s1, s2] = fireTimes("100:5", I, from, to) as [number, number];
    const onTime = analyzeSchedule(
      [req(s1 + 30, POLL_START, 5), req(s2 + 70, POLL_START, 5)],
      [a],
      I,
      from,
      to,
    );
    expect(onTime).toMatchObject({ share: 1, missed: 0, scheduled: 2, pollsPerScheduled: 1 });
    expect(onTime.lagMs.p99).toBe(70);
    const late = analyzeSchedule([req(s1 + 30, POLL_START, 5)], [a], I, from, to);
    expect(late).toMatchObject({ share: 0, missed: 1 });
  });
});

describe("report", () => {
  const s: Section = {
    id: 2,
    title: "T",
    method: ["how"],
    figures: [{ name: "a|b", value: "1", goal: "≤ 2", met: false }],
  };
  it("renders the table with verdicts, escaping pipes in markdown", () => {
    expect(consoleTable([s])).toContain("MISSED");
    const md = markdown(
      {
        date: "d",
        node: "v20",
        cpu: "cpu",
        cores: 2,
        memoryGb: 1,
        platform: "linux",
        load: { start: [1, 2, 3], end: [1, 1, 1] },
      },
      [s],
      5,
    );
    expect(md).toContain("| 2 | a\\|b | 1 | ≤ 2 | MISSED |");
    expect(md).toContain("node --version | v20");
    expect(md).toContain("## 2. T");
  });
});
