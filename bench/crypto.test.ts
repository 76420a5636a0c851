import { describe, expect, it } from "vitest";
import { cryptoSection, fakeCookie, runCrypto } from "./crypto.js";

describe("bench 5: crypto (smoke)", () => {
  it("measures finite, positive seal and open rates", () => {
    const r = runCrypto({ durationMs: 30 });
    expect(Number.isFinite(r.sealsPerSec) && r.sealsPerSec > 0).toBe(true);
    expect(Number.isFinite(r.opensPerSec) && r.opensPerSec > 0).toBe(true);
    expect(r.envelopeLength).toBeGreaterThan(r.cookieLength);
    const s = cryptoSection(r);
    expect(s.figures.map((f) => f.value).every((v) => /^[\d,]+$/.test(v))).toBe(true);
  });

  it("benches a cookie of the requested length", () => {
    expect(fakeCookie(950)).toHaveLength(950);
    expect(fakeCookie(950).startsWith("_|WARNING:")).toBe(true);
  });
});
