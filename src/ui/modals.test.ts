// The link form in every locale.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../i18n/locales.js";
import { linkModalData } from "./modals.js";

describe("the link form in every locale", () => {
  it("stays within Discord's limits: title ≤ 45, labels ≤ 45, descriptions ≤ 100", () => {
    for (const locale of LOCALES) {
      const modal = linkModalData(locale);
      expect(modal.title.length, `${locale} title`).toBeLessThanOrEqual(45);
      const labels = modal.components as unknown as Array<{ label: string; description?: string }>;
      expect(labels).toHaveLength(3);
      for (const l of labels) {
        expect(l.label.length, `${locale} ${l.label}`).toBeLessThanOrEqual(45);
        expect((l.description ?? "").length, `${locale} ${l.description}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("is in the member's language", () => {
    const modal = linkModalData("pt-BR");
    expect(modal.title).toBe("Vincular uma conta Roblox");
    const labels = modal.components as unknown as Array<{ label: string }>;
    expect(labels.map((l) => l.label)).toEqual([
      "Cookie .ROBLOSECURITY",
      "Cookie RBXEventTrackerV2 (opcional)",
      "Rótulo (opcional)",
    ]);
    expect(linkModalData("en-US").title).toBe("Link a Roblox account");
  });
});
