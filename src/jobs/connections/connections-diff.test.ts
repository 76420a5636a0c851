import { describe, expect, it } from "vitest";
import { connectionsDue, diffConnections, listNeeded } from "./connections-diff.js";

const T0 = 1_000_000;

describe("connections", () => {
  it("reads the count every fifth interval, and at once without a baseline", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((c) => connectionsDue(c, { at: 0, count: 1, ids: ["1"] }))).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(connectionsDue(3, undefined)).toBe(true);
  });

  it("reads the list only when the count moved or there is no baseline", () => {
    expect(listNeeded(undefined, 3)).toBe(true);
    expect(listNeeded({ at: 0, count: 3, ids: [] }, 3)).toBe(false);
    expect(listNeeded({ at: 0, count: 3, ids: [] }, 4)).toBe(true);
    expect(listNeeded({ at: 0, count: 3, ids: [] }, 2)).toBe(true);
  });

  it("takes the first reading as a silent baseline", () => {
    const d = diffConnections(undefined, 2, ["1", "2"], new Set(), T0);
    expect(d.added).toEqual([]);
    expect(d.state).toEqual({ at: T0, count: 2, ids: ["1", "2"] });
  });

  it("alerts a connection that was not there, not an unfriend, not one the bot made", () => {
    const prev = { at: T0, count: 3, ids: ["1", "2", "3"] };
    const d = diffConnections(prev, 4, ["1", "3", "4", "5", "6"], new Set(["6"]), T0 + 10);
    expect(d.added).toEqual(["4", "5"]);
    expect(d.state).toEqual({ at: T0 + 10, count: 4, ids: ["1", "3", "4", "5", "6"] });
    const gone = diffConnections(prev, 2, ["1", "3"], new Set(), T0 + 20);
    expect(gone.added).toEqual([]);
  });

  it("keeps the state as it was when only the count was read", () => {
    const prev = { at: T0, count: 3, ids: ["1", "2", "3"] };
    expect(diffConnections(prev, 3, undefined, new Set(), T0 + 5)).toEqual({ state: prev, added: [] });
  });
});
