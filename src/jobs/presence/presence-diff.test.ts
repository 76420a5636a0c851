import { describe, expect, it } from "vitest";
import type { PresenceState, Snap } from "../state.js";
import { diffPresence, sameSnap, snapOf } from "./presence-diff.js";

const OFF: Snap = { t: 0, loc: null, exp: null };
const ON: Snap = { t: 1, loc: null, exp: null };
const ADOPT: Snap = { t: 2, loc: "Adopt Me!", exp: "383310974" };
const OBBY: Snap = { t: 2, loc: "Tower of Hell", exp: "1234" };
const HIDDEN: Snap = { t: 2, loc: null, exp: null };
const STUDIO: Snap = { t: 3, loc: null, exp: null };
const UTC = { quietHours: null, timeZone: "UTC" };
const T0 = Date.parse("2026-03-02T12:00:00Z");

/** Runs a sequence of readings of one user through diffPresence; returns the alerts of each step. */
function run(readings: Snap[], settings = UTC, start?: PresenceState) {
  let state: PresenceState | undefined = start;
  const steps: string[][] = [];
  readings.forEach((snap, i) => {
    const d = diffPresence(state, { "7": snap }, settings, T0 + i * 60_000);
    state = d.state;
    steps.push([...d.alerts, ...d.held].map((c) => `${c.from.t}>${c.to.t}${c.to.loc ? `:${c.to.loc}` : ""}`));
  });
  return { steps, state };
}

describe("diffPresence", () => {
  const table: { name: string; readings: Snap[]; expected: string[][] }[] = [
    { name: "baseline is silent", readings: [ON], expected: [[]] },
    { name: "no change, no alert", readings: [ON, ON, ON], expected: [[], [], []] },
    {
      name: "a change is alerted after it held one more poll (debounce)",
      readings: [OFF, ON, ON, ON],
      expected: [[], [], ["0>1"], []],
    },
    {
      name: "flap back before confirmation says nothing",
      readings: [OFF, ON, OFF, OFF],
      expected: [[], [], [], []],
    },
    {
      name: "flapping every poll never alerts",
      readings: [OFF, ON, OFF, ON, OFF, ON],
      expected: [[], [], [], [], [], []],
    },
    {
      name: "a second change while pending restarts the hold",
      readings: [OFF, ON, ADOPT, ADOPT],
      expected: [[], [], [], ["0>2:Adopt Me!"]],
    },
    {
      name: "another experience is a change",
      readings: [ADOPT, OBBY, OBBY],
      expected: [[], [], ["2>2:Tower of Hell"]],
    },
    { name: "online → in Studio", readings: [ON, STUDIO, STUDIO], expected: [[], [], ["1>3"]] },
    { name: "hidden experience is in game", readings: [ON, HIDDEN, HIDDEN], expected: [[], [], ["1>2"]] },
  ];
  for (const row of table) {
    it(row.name, () => {
      expect(run(row.readings).steps).toEqual(row.expected);
    });
  }

  it("a user newly watched is recorded silently, one no longer watched is forgotten", () => {
    const prev: PresenceState = { "7": { shown: OFF } };
    const d = diffPresence(prev, { "8": ON }, UTC, T0);
    expect(d.alerts).toEqual([]);
    expect(d.state).toEqual({ "8": { shown: ON } });
  });

  it("keeps the pending reading and the shown one in state", () => {
    const { state } = run([OFF, ON]);
    expect(state).toEqual({ "7": { shown: OFF, pending: ON } });
  });

  it("quiet hours across midnight in a non-UTC zone hold the change instead of posting it", () => {
    const paris = { quietHours: { start: "22:30", end: "07:00" }, timeZone: "Europe/Paris" };
    const prev: PresenceState = { "7": { shown: OFF, pending: ON } };
    // 23:10 UTC on 2 March = 00:10 in Paris (UTC+1): inside 22:30–07:00.
    const night = Date.parse("2026-03-02T23:10:00Z");
    const held = diffPresence(prev, { "7": ON }, paris, night);
    expect(held.alerts).toEqual([]);
    expect(held.held).toMatchObject([{ userId: "7", from: OFF, to: ON, at: night }]);
    // 06:30 UTC = 07:30 Paris: outside, posted at once.
    const day = diffPresence(prev, { "7": ON }, paris, Date.parse("2026-03-02T06:30:00Z"));
    expect(day.alerts).toHaveLength(1);
    expect(day.held).toEqual([]);
    // 21:45 UTC = 22:45 Paris: inside again (before midnight).
    expect(diffPresence(prev, { "7": ON }, paris, Date.parse("2026-03-02T21:45:00Z")).held).toHaveLength(1);
    // The same instant is not quiet in UTC (21:45 < 22:30).
    const utcQuiet = { quietHours: paris.quietHours, timeZone: "UTC" };
    expect(diffPresence(prev, { "7": ON }, utcQuiet, Date.parse("2026-03-02T21:45:00Z")).alerts).toHaveLength(
      1,
    );
  });
});

describe("snapOf / sameSnap", () => {
  it("reads Roblox presence: invisible is offline, hidden experience has no name", () => {
    expect(snapOf({ userPresenceType: 4, lastLocation: "Website" })).toEqual(OFF);
    expect(snapOf({ userPresenceType: 1, lastLocation: "Website" })).toEqual(ON);
    expect(
      snapOf({ userPresenceType: 2, lastLocation: "", placeId: null, universeId: null, rootPlaceId: null }),
    ).toEqual({ ...HIDDEN, off: true });
    // Joins off with the universe told: the name can still be looked up.
    expect(
      snapOf({
        userPresenceType: 2,
        lastLocation: "",
        placeId: null,
        rootPlaceId: null,
        gameId: null,
        universeId: 55,
      }),
    ).toEqual({ t: 2, loc: null, exp: "55", u: "55", off: true });
    expect(
      snapOf({ userPresenceType: 2, lastLocation: "Adopt Me!", placeId: 9, universeId: 383310974 }),
    ).toEqual(ADOPT);
  });

  it("compares experiences by id when known, else by name", () => {
    expect(sameSnap(ADOPT, { ...ADOPT, loc: "Adopt Me! (renamed)" })).toBe(true);
    expect(sameSnap(ADOPT, OBBY)).toBe(false);
    expect(sameSnap({ t: 2, loc: "A", exp: null }, { t: 2, loc: "B", exp: null })).toBe(false);
    expect(sameSnap(ON, { t: 1, loc: "x", exp: "1" })).toBe(true);
  });
});
