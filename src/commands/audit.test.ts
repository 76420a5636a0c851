import { describe, expect, it } from "vitest";
import { auditLine, fitLines } from "./audit.js";

const accounts = new Map([
  ["1001", { robloxId: "1001", robloxName: "KidAccount", displayName: "Kid", label: "kid" }],
]);

describe("audit lines", () => {
  it("when (Discord timestamps), who, what, which account, detail", () => {
    const line = auditLine(
      {
        at: "2026-01-02T03:04:05.000Z",
        actorId: "42",
        action: "friends.add",
        robloxId: "1001",
        detail: "to 4001",
      },
      accounts,
      "en-US",
    );
    expect(line).toBe(
      "<t:1767323045:f> (<t:1767323045:R>) <@42> **friends.add** · kid (@KidAccount) · to 4001",
    );
  });

  it("an account no longer linked shows its id; markdown in details is neutralised", () => {
    const line = auditLine(
      {
        at: "2026-01-02T03:04:05.000Z",
        actorId: "42",
        action: "roblox.unlink",
        robloxId: "77",
        detail: "**x**",
      },
      accounts,
      "en-US",
    );
    expect(line).toContain("account 77 (unlinked) · \\*\\*x\\*\\*");
  });

  it("cuts to the embed budget and says how many were left out", () => {
    const text = fitLines(
      Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(150, ".")),
      "en-US",
      1000,
    );
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.split("\n").at(-1)).toMatch(/^…and \d+ older entries not shown$/);
    expect(fitLines(["a", "b"], "en-US")).toBe("a\nb");
  });
});

describe("audit lines in the member's language", () => {
  it("audit lines: the stored action and detail as they are, our words translated", () => {
    const line = auditLine(
      { at: "2026-01-02T03:04:05.000Z", actorId: "42", action: "roblox.unlink", robloxId: "77", detail: "x" },
      new Map(),
      "pt-BR",
    );
    expect(line).toBe(
      "<t:1767323045:f> (<t:1767323045:R>) <@42> **roblox.unlink** · conta 77 (desvinculada) · x",
    );
    const text = fitLines(
      Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(150, ".")),
      "de",
      1000,
    );
    expect(text.split("\n").at(-1)).toMatch(/^…und \d+ ältere Einträge werden nicht angezeigt$/);
  });
});
