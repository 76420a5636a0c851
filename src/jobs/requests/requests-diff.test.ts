import { describe, expect, it } from "vitest";
import type { RequestsState } from "../state.js";
import { diffRequests, SEEN_MAX } from "./requests-diff.js";

const req = (id: number, sentAt = `2026-03-0${(id % 9) + 1}T10:00:00Z`) => ({ senderId: String(id), sentAt });
const T = 0;

/** Runs pages (newest first) through diffRequests; returns the ids alerted at each step. */
function run(pages: ReturnType<typeof req>[][], start?: RequestsState) {
  let state = start;
  return pages.map((page) => {
    const d = diffRequests(state, page, {}, T);
    state = d.state;
    return d.alerts.map((r) => Number(r.senderId));
  });
}

describe("diffRequests", () => {
  const table: { name: string; pages: ReturnType<typeof req>[][]; expected: number[][] }[] = [
    {
      name: "requests pending at the first poll are the baseline",
      pages: [[req(2), req(1)]],
      expected: [[]],
    },
    {
      name: "a new request is alerted once",
      pages: [[req(1)], [req(2), req(1)], [req(2), req(1)]],
      expected: [[], [2], []],
    },
    {
      name: "one handled and another arrived in the same interval (same count)",
      pages: [
        [req(2), req(1)],
        [req(3), req(2)],
      ],
      expected: [[], [3]],
    },
    {
      name: "all handled, then a new one",
      pages: [[req(2), req(1)], [], [req(4)]],
      expected: [[], [], [4]],
    },
    {
      name: "several new at once come oldest first",
      pages: [[], [req(5), req(4), req(3)]],
      expected: [[], [3, 4, 5]],
    },
    {
      name: "a request that fell off the first page and came back is not new",
      pages: [[req(1)], [req(3), req(2)], [req(1)]],
      expected: [[], [2, 3], []],
    },
    {
      name: "declined then sent again (new sentAt) is new",
      pages: [[req(1, "2026-03-01T00:00:00Z")], [], [req(1, "2026-03-05T00:00:00Z")]],
      expected: [[], [], [1]],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(run(row.pages)).toEqual(row.expected);
    });
  }

  it("remembers at most SEEN_MAX requests, newest first", () => {
    const old: RequestsState = { seen: Array.from({ length: SEEN_MAX }, (_, i) => [String(1000 + i), null]) };
    const d = diffRequests(old, [req(1)], {}, T);
    expect(d.state.seen).toHaveLength(SEEN_MAX);
    expect(d.state.seen[0]?.[0]).toBe("1");
    expect(d.alerts.map((r) => r.senderId)).toEqual(["1"]);
  });
});
