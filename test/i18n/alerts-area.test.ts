// The alerts area's pure builders in a non-English locale: /restrictions, /screentime show, the grant
// note on a shared alert and the restriction line of /roblox status.
import { describe, expect, it } from "vitest";
import { restrictionEmbed } from "../../src/commands/restrictions.js";
import { screenTimeEmbed } from "../../src/commands/screentime.js";
import { noteGrant } from "../../src/components/screentime-buttons.js";
import { restrictionLine, untilText } from "../../src/domain/restriction.js";

const END = "2026-06-04T00:00:00Z";
const T = Date.parse(END) / 1000;

describe("alerts area builders speak the locale", () => {
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

  it("screenTimeEmbed in Portuguese, with Intl durations", () => {
    const e = screenTimeEmbed(
      { name: "Kid", days: [90, 0, 0, 0, 0, 0, 0], localDayOfWeek: 3, limit: 120 },
      "pt-BR",
    );
    expect(e.title).toBe("Tempo de tela de Kid");
    expect(e.description).toBe("Hoje: **1 h 30 min** de **2 h 0 min** (75 %).");
    expect(e.fields?.map((f) => f.name)).toEqual([
      "Hoje",
      "Limite diário",
      "Resta hoje",
      "Últimos 7 dias",
      "Média diária",
    ]);
    expect(e.footer?.text).toBe("Os dias seguem o dia do próprio Roblox para esta conta.");
  });

  it("restrictionLine and untilText in German", () => {
    const r = { source: 2, startTime: null, endTime: END } as never;
    expect(restrictionLine(r, "de")).toBe(`Bildschirmzeitsperre bis <t:${T}:f> (<t:${T}:R>)`);
    expect(untilText({ source: 1, startTime: null, endTime: null } as never, "de")).toBe("ohne Enddatum");
    expect(restrictionLine(null, "de")).toBe("Keine");
  });

  it("noteGrant adds to the field named in the alert's language", () => {
    const first = noteGrant([{ title: "x" }], "+15 Min. von <@1> <t:1:R>", "de");
    expect(first[0]?.fields).toEqual([
      { name: "Zusätzliche Zeit gewährt", value: "+15 Min. von <@1> <t:1:R>" },
    ]);
    const second = noteGrant(first, "+30 Min. von <@2> <t:2:R>", "de");
    expect(second[0]?.fields).toHaveLength(1);
    expect(second[0]?.fields?.[0]?.value).toBe("+15 Min. von <@1> <t:1:R>\n+30 Min. von <@2> <t:2:R>");
  });
});
