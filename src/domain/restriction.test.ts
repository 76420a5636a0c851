// The restriction line of /roblox status in the member's language.
import { describe, expect, it } from "vitest";
import { restrictionLine, untilText } from "./restriction.js";

const END = "2026-06-04T00:00:00Z";
const T = Date.parse(END) / 1000;

describe("restrictionLine", () => {
  it("restrictionLine and untilText in German", () => {
    const r = { source: 2, startTime: null, endTime: END } as never;
    expect(restrictionLine(r, "de")).toBe(`Bildschirmzeitsperre bis <t:${T}:f> (<t:${T}:R>)`);
    expect(untilText({ source: 1, startTime: null, endTime: null } as never, "de")).toBe("ohne Enddatum");
    expect(restrictionLine(null, "de")).toBe("Keine");
  });
});
