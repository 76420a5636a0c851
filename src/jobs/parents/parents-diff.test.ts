import { describe, expect, it } from "vitest";
import { consentNonce, diffConsents, nextSeen } from "./parents-diff.js";

describe("parent-requests, pure parts", () => {
  it("diffConsents: baseline without state or on another channel; fresh ids otherwise", () => {
    expect(diffConsents(undefined, "c", ["a"])).toEqual({ fresh: [], baseline: true });
    expect(diffConsents({ channelId: "x", seen: [] }, "c", ["a"])).toEqual({ fresh: [], baseline: true });
    expect(diffConsents({ channelId: "c", seen: ["a"] }, "c", ["a", "b"])).toEqual({
      fresh: ["b"],
      baseline: false,
    });
  });

  it("nextSeen keeps still-pending ids and what was posted; forgets answered ones", () => {
    expect(nextSeen(["a", "b", "c"], ["a", "z"], ["b"])).toEqual(["a", "b"]);
    expect(nextSeen([], ["a"], [])).toEqual([]);
  });

  it("consentNonce fits Discord's 25 chars and differs per request", () => {
    const a = consentNonce("1002", "5c0a7e00-0000-4000-8000-000000000001");
    const b = consentNonce("1002", "5c0a7e00-0000-4000-8000-000000000002");
    expect(a.length).toBeLessThanOrEqual(25);
    expect(a).not.toBe(b);
  });
});
