import { describe, expect, it } from "vitest";
import { inQuietHours, localTime } from "../../domain/zone.js";
import { defaultSettings, type GuildSettings } from "../../store/index.js";
import type { PresenceChange } from "../state.js";
import { hash32, nextFireAt, offsetFor } from "./offsets.js";
import { diffDigest } from "./quiet.js";
import { dueNow } from "./wallclock.js";

const base = defaultSettings("UTC");
const withS = (p: Partial<GuildSettings>): GuildSettings => ({ ...base, ...p });
const change: PresenceChange = {
  userId: "7",
  from: { t: 0, loc: null, exp: null },
  to: { t: 1, loc: null, exp: null },
  at: 1,
};

describe("zone helpers", () => {
  it("local time and weekday in a zone", () => {
    const t = Date.parse("2026-03-01T23:30:00Z"); // a Sunday in UTC
    expect(localTime(t, "UTC")).toEqual({ date: "2026-03-01", minutes: 23 * 60 + 30, weekday: 0 });
    expect(localTime(t, "Asia/Tokyo")).toEqual({ date: "2026-03-02", minutes: 8 * 60 + 30, weekday: 1 });
    expect(localTime(t, "America/Los_Angeles").date).toBe("2026-03-01");
  });

  it("quiet hours may cross midnight; equal start and end is off", () => {
    const q = { start: "22:00", end: "06:30" };
    const at = (iso: string) => inQuietHours(Date.parse(iso), q, "America/New_York");
    expect(at("2026-06-01T02:30:00Z")).toBe(true); // 22:30 New York (EDT)
    expect(at("2026-06-01T10:00:00Z")).toBe(true); // 06:00
    expect(at("2026-06-01T10:30:00Z")).toBe(false); // 06:30, the end itself
    expect(at("2026-06-01T01:59:00Z")).toBe(false); // 21:59
    expect(inQuietHours(0, { start: "08:00", end: "08:00" }, "UTC")).toBe(false);
    expect(inQuietHours(Date.parse("2026-06-01T09:00:00Z"), { start: "08:00", end: "17:00" }, "UTC")).toBe(
      true,
    );
    expect(inQuietHours(0, null, "UTC")).toBe(false);
  });
});

describe("diffDigest", () => {
  const quiet = withS({ quietHours: { start: "22:00", end: "07:00" }, timeZone: "Europe/Berlin" });
  it("holds during quiet hours, delivers one digest after", () => {
    const night = Date.parse("2026-01-10T23:30:00Z"); // 00:30 Berlin
    expect(diffDigest([change], quiet, night)).toEqual({ held: [change], digest: null });
    const morning = Date.parse("2026-01-11T06:00:00Z"); // 07:00 Berlin: over
    expect(diffDigest([change, change], quiet, morning)).toEqual({ held: [], digest: [change, change] });
    expect(diffDigest([], quiet, morning)).toEqual({ held: [], digest: null });
  });
  it("presence alerts turned off meanwhile: the held changes go with them", () => {
    const off = withS({ events: { ...base.events, presence: false } });
    expect(diffDigest([change], off, 0)).toEqual({ held: [], digest: null });
  });
});

describe("dueNow (wall-clock jobs)", () => {
  const s = withS({
    events: { ...base.events, "daily-summary": true },
    summaryTime: "20:00",
    timeZone: "Asia/Kolkata",
    quietHours: { start: "21:00", end: "06:45" },
  });
  it("summary at summary-time in the guild's zone, with a short grace", () => {
    expect(dueNow(s, Date.parse("2026-03-02T14:30:00Z")).summary).toBe(true); // 20:00 IST
    expect(dueNow(s, Date.parse("2026-03-02T14:39:00Z")).summary).toBe(true);
    expect(dueNow(s, Date.parse("2026-03-02T14:40:00Z")).summary).toBe(false);
    expect(dueNow(s, Date.parse("2026-03-02T14:29:00Z")).summary).toBe(false);
    expect(dueNow({ ...s, events: base.events }, Date.parse("2026-03-02T14:30:00Z")).summary).toBe(false);
  });
  it("quiet hours end at their end minute in the zone", () => {
    expect(dueNow(s, Date.parse("2026-03-02T01:15:00Z")).quietEnded).toBe(true); // 06:45 IST
    expect(dueNow(s, Date.parse("2026-03-02T01:16:00Z")).quietEnded).toBe(false);
    expect(dueNow(withS({ quietHours: null }), 0).quietEnded).toBe(false);
  });
});

describe("offsets", () => {
  it("10,000 accounts spread over a 60 s interval: each second holds its share ±50 %", () => {
    const perSecond = new Array(60).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const o = offsetFor(`123456789012345678:${100000 + i}`, 60_000);
      expect(o).toBeGreaterThanOrEqual(0);
      expect(o).toBeLessThan(60_000);
      perSecond[Math.floor(o / 1000)]++;
    }
    expect(Math.max(...perSecond)).toBeLessThan((10_000 / 60) * 1.5);
    expect(Math.min(...perSecond)).toBeGreaterThan((10_000 / 60) * 0.5);
  });

  it("offsets are fixed per key; fire times keep the offset and are strictly ahead", () => {
    expect(offsetFor("g:1", 45_000)).toBe(offsetFor("g:1", 45_000));
    expect(hash32("g:1")).not.toBe(hash32("g:2"));
    const off = 7_300;
    const t = nextFireAt(1_000_000, off, 45_000);
    expect(t).toBeGreaterThan(1_000_000);
    expect(t - 1_000_000).toBeLessThanOrEqual(45_000);
    expect((t - off) % 45_000).toBe(0);
    expect(nextFireAt(t, off, 45_000)).toBe(t + 45_000);
  });
});
