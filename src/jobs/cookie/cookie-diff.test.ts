import { describe, expect, it } from "vitest";
import { defaultSettings, type GuildSettings } from "../../store/index.js";
import { diffCookie } from "./cookie-diff.js";

const base = defaultSettings("UTC");
const withS = (p: Partial<GuildSettings>): GuildSettings => ({ ...base, ...p });

describe("diffCookie", () => {
  it("alerts a dead cookie once per death; re-link clears it", () => {
    const dead = { state: "dead" as const, since: "2026-03-02T10:00:00Z" };
    const first = diffCookie(undefined, dead, base, 0);
    expect(first).toEqual({ state: { alertedSince: dead.since }, alert: true });
    expect(diffCookie(first.state, dead, base, 0).alert).toBe(false);
    expect(diffCookie(first.state, { state: "ok" }, base, 0)).toEqual({ state: undefined, alert: false });
    expect(diffCookie(first.state, { ...dead, since: "2026-03-09T00:00:00Z" }, base, 0).alert).toBe(true);
  });

  it("cookie-health off: remembered but not alerted", () => {
    const off = withS({ events: { ...base.events, "cookie-health": false } });
    const d = diffCookie(undefined, { state: "dead", since: "x" }, off, 0);
    expect(d).toEqual({ state: { alertedSince: "x" }, alert: false });
  });
});
