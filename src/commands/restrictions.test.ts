// /restrictions' embed in the member's language.
import { describe, expect, it } from "vitest";
import { restrictionEmbed } from "./restrictions.js";

const END = "2026-06-04T00:00:00Z";
const T = Date.parse(END) / 1000;

describe("restrictionEmbed", () => {
  it("restrictionEmbed in German: lock, ban without end, nothing", () => {
    const lock = restrictionEmbed(
      { name: "Kid_1", restriction: { source: 2, startTime: null, endTime: END } as never, ban: null },
      "de",
    );
    expect(lock.title).toBe("Bildschirmzeitsperre");
    expect(lock.description).toBe(
      `**Kid\\_1** hat die heutige Bildschirmzeit aufgebraucht und ist gesperrt bis <t:${T}:f> (<t:${T}:R>). Ein Admin kann mit \`/bildschirmzeit hinzufügen\` zusätzliche Minuten gewähren.`,
    );
    expect(lock.fields?.map((f) => f.name)).toEqual(["Bis"]);
    const ban = restrictionEmbed(
      { name: "Kid", restriction: { source: 1, startTime: null, endTime: null } as never, ban: null },
      "de",
    );
    expect(ban.description).toBe("**Kid** ist von Roblox gesperrt, ohne Enddatum.");
    expect(restrictionEmbed({ name: "Kid", restriction: null, ban: null }, "de").title).toBe(
      "Keine Einschränkung",
    );
  });
});
