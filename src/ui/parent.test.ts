import { describe, expect, it } from "vitest";
import { consentButtons, parentUnlinkRow } from "./buttons.js";
import { decodeCustomId, encodeCustomId } from "./custom-id.js";
import { answeredMessage, consentMessage, parentLinkModal } from "./parent.js";

const UUID = "5c0a7e00-0000-4000-8000-000000000001";
const BIG = "12345678901234567890";

describe("parent custom ids", () => {
  it("consent and par-unlink round-trip within 100 chars, even with 20-digit ids", () => {
    for (const a of [
      { action: "consent", parentId: BIG, childId: BIG, consentId: UUID, answer: "a" },
      { action: "consent", parentId: "1", childId: "2", consentId: "x", answer: "d" },
      { action: "par-unlink", parentId: BIG, expires: 36 ** 8 - 1, go: "y" },
      { action: "par-unlink", parentId: "7", expires: 0, go: "n" },
    ] as const) {
      const id = encodeCustomId(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual(a);
    }
    expect(decodeCustomId("consent:v1:1:2:../x:a")).toBeNull();
    expect(decodeCustomId("consent:v1:1:2:abc:x")).toBeNull();
  });

  it("an id Roblox made too long for a button gives no buttons (answer in the app)", () => {
    expect(consentButtons("1", "2", "a".repeat(41))).toBeNull();
    const m = consentMessage(
      {
        parentId: "1",
        childId: "2",
        consentId: "a".repeat(41),
        childMd: "**Kid**",
        askMd: "do x",
        parentText: "Mum",
      },
      0,
    );
    expect(m.components).toEqual([]);
    expect(m.embeds[0]?.description).toContain("Answer it in the Roblox app");
    const row = parentUnlinkRow("5", { now: 0, locale: "en-US" }).toJSON();
    expect(row.components.map((c) => ("label" in c ? c.label : ""))).toEqual(["Confirm", "Cancel"]);
  });
});

describe("consent messages", () => {
  it("names the child and the ask; after an answer says who and when, buttons disabled", () => {
    const m = consentMessage(
      {
        parentId: "1",
        childId: "2",
        consentId: UUID,
        childMd: "**Kid**",
        askMd: "add trusted connection **Zed**",
        parentText: "Mum",
        createdAt: 1000,
      },
      5000,
    );
    expect(m.embeds[0]?.description).toBe("**Kid** wants to add trusted connection **Zed** — asked <t:1:R>.");
    expect(m.embeds[0]?.footer?.text).toBe("Parent account: Mum");
    const after = answeredMessage(
      { embeds: m.embeds, components: m.components },
      "approved",
      "42",
      60_000,
      "en-US",
    );
    expect(after.embeds[0]?.description).toBe(
      "**Kid** wants to add trusted connection **Zed** — asked <t:1:R>.\n✅ Approved by <@42> <t:60:R>",
    );
    expect(
      after.components.flatMap((r) => r.toJSON().components).every((c) => "disabled" in c && c.disabled),
    ).toBe(true);
    // a second edit replaces the note, it does not stack
    const again = answeredMessage(
      { embeds: after.embeds, components: after.components },
      "gone",
      "42",
      120_000,
      "en-US",
    );
    expect(again.embeds[0]?.description?.split("\n")).toHaveLength(2);
  });

  it("the outcome line is in the locale given (the guild's for a shared alert)", () => {
    const m = { embeds: [{ description: "**Kid** möchte etwas" }], components: [] };
    expect(answeredMessage(m, "denied", "42", 60_000, "de").embeds[0]?.description).toBe(
      "**Kid** möchte etwas\n⛔ Abgelehnt von <@42> <t:60:R>",
    );
    expect(answeredMessage(m, "approved", "42", 60_000, "pt-BR").embeds[0]?.description).toBe(
      "**Kid** möchte etwas\n✅ Aprovada por <@42> <t:60:R>",
    );
  });

  it("the /parent link form in pt-BR", () => {
    const form = parentLinkModal("pt-BR").toJSON();
    expect(form.title).toBe("Vincular a conta Roblox de um responsável");
  });
});
