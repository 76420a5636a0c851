// /screentime show's embed in the member's language.
import { describe, expect, it } from "vitest";
import { screenTimeEmbed } from "./screentime.js";

describe("screenTimeEmbed", () => {
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
});
