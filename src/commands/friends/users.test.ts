import { describe, expect, it } from "vitest";
import { presenceText, presenceType, splitUsers, unknownNote } from "./users.js";

describe("splitUsers", () => {
  it("splits on commas and spaces, drops @ and empties, keeps the first of duplicates", () => {
    expect(splitUsers(" Friend2001, @friend2001 ,2001,, 002001 ;Stranger4001  x ")).toEqual([
      "Friend2001",
      "2001",
      "Stranger4001",
      "x",
    ]);
    expect(splitUsers(" , ,")).toEqual([]);
  });
});

describe("presence text", () => {
  it("names the experience, or 'an experience' when Roblox hides it", () => {
    expect(presenceText(2, "Adopt Me!", "en-US")).toBe("In game · Adopt Me!");
    expect(presenceText(2, undefined, "en-US")).toBe("In game · an experience");
    expect(presenceText(2, "an experience (joins off)", "en-US")).toBe("In game · an experience (joins off)");
    expect(presenceText(3, "My Place", "en-US")).toBe("In Studio · My Place");
    expect(presenceText(1, "Website", "en-US")).toBe("Online · Website");
    expect(presenceText(0, undefined, "en-US")).toBe("Offline");
    // Invisible is shown as Offline, without the location Roblox may still send.
    expect(presenceText(4, "secret", "en-US")).toBe("Offline");
  });

  it("says the presence and the hidden experience in the member's language", () => {
    // (The labels are the shared ui.presence.* words; the experience is this area's.)
    expect(presenceText(2, undefined, "pt-BR")).toMatch(/^[^·]+ · uma experiência$/);
    expect(presenceText(3, "Mein Ort", "de")).toMatch(/^[^·]+ · Mein Ort$/);
  });

  it("reads Roblox's presence type as a number or a name", () => {
    expect(presenceType("InGame")).toBe(2);
    expect(presenceType("InStudio")).toBe(3);
    expect(presenceType("Online")).toBe(1);
    expect(presenceType(3)).toBe(3);
    expect(presenceType(9)).toBe(0);
    expect(presenceType("Weird")).toBe(0);
    expect(presenceType(null)).toBe(0);
  });
});

describe("names", () => {
  it("lists unknown entries in one short sentence", () => {
    expect(unknownNote([], "en-US")).toBeUndefined();
    expect(unknownNote(["a", "b"], "en-US")).toBe("No Roblox user called: a, b");
    expect(unknownNote(["a_b", "c"], "pt-BR")).toBe("Nenhum usuário do Roblox chamado: a_b, c");
    expect(unknownNote(["x"], "de")).toBe("Kein Roblox-Nutzer mit dem Namen: x");
    expect(
      unknownNote(
        Array.from({ length: 200 }, () => "abcdefghij"),
        "en-US",
      )!.length,
    ).toBeLessThanOrEqual(300);
  });
});
