import { describe, expect, it } from "vitest";
import { StaleGuilds } from "./stale.js";

describe("StaleGuilds", () => {
  it("a guild stays stale until a roster read that started after its change has finished", () => {
    const s = new StaleGuilds();
    const before = s.readStarted(); // a read already running when the change comes
    s.mark("1");
    expect(s.has("1")).toBe(true);
    before();
    expect(s.has("1")).toBe(true); // that read may have seen the old settings
    const after = s.readStarted();
    s.mark("2"); // changed during the second read
    after();
    expect(s.has("1")).toBe(false);
    expect(s.has("2")).toBe(true);
    s.readStarted()();
    expect(s.has("2")).toBe(false);
  });

  it("a failed read (its function never called) clears nothing", () => {
    const s = new StaleGuilds();
    s.mark("1");
    s.readStarted();
    expect(s.has("1")).toBe(true);
  });
});
