import { describe, expect, it } from "vitest";
import { digestAlert, presenceAlert } from "./presence-render.js";

const NOW = Date.parse("2026-03-02T12:00:00Z");
const A = { robloxId: "1001", robloxName: "KidAccount", displayName: "Kid", label: "kid" };
const LONG = `**${"x".repeat(5000)}__`;
const ON = { t: 1, loc: null, exp: null };
const GAME = { t: 2, loc: LONG, exp: "1" };

describe("presence alerts", () => {
  it("escapes markdown in Roblox names", () => {
    const m = presenceAlert(
      A,
      { id: "2001", name: "a_b", displayName: "**Bold**" },
      ON,
      GAME,
      null,
      NOW,
      NOW,
    );
    expect((m.embeds[0] as { description: string }).description).toContain("\\*\\*Bold\\*\\*");
  });

  it("the digest lists at most 30 changes (fewer when long) and says how many more", () => {
    const long = Array.from({ length: 80 }, () => ({ userId: "2001", from: ON, to: GAME, at: NOW }));
    const d = digestAlert(A, long, new Map(), null, NOW).embeds[0] as { title: string; description: string };
    expect(d.title).toBe("Quiet hours are over: 80 presence changes held back");
    const shown = d.description.split("\n").filter((l) => /^<t:\d+:t>/.test(l)).length;
    expect(shown).toBeLessThan(30);
    expect(d.description).toContain(`…and ${80 - shown} more`);
    const short = { t: 2, loc: "Obby", exp: "1" };
    const many = Array.from({ length: 80 }, () => ({ userId: "2001", from: ON, to: short, at: NOW }));
    const s = digestAlert(A, many, new Map(), null, NOW).embeds[0] as { description: string };
    expect(s.description.split("\n").filter((l) => /^<t:\d+:t>/.test(l))).toHaveLength(30);
    expect(s.description).toContain("…and 50 more");
  });
});
