import { describe, expect, it } from "vitest";
import { heapTransition } from "./heap-watch.js";

describe("heapTransition", () => {
  const MB = 2 ** 20;
  it("warns once when the heap crosses 80 % of its limit, and re-arms under 70 %", () => {
    expect(heapTransition(150 * MB, 256 * MB, false)).toBeNull();
    expect(heapTransition(205 * MB, 256 * MB, false)).toBe("warn");
    expect(heapTransition(230 * MB, 256 * MB, true)).toBeNull();
    expect(heapTransition(190 * MB, 256 * MB, true)).toBeNull();
    expect(heapTransition(170 * MB, 256 * MB, true)).toBe("clear");
  });
});
