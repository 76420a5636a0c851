import { describe, expect, it } from "vitest";
import type { Lookups, UserName } from "../lookups.js";
import { originIndex, originText, requestCards } from "./friend-requests.js";

describe("origins", () => {
  it("names every published origin, 11 and 12 too, by number or name", () => {
    expect(originText("PlayerSearch")).toBe("player search");
    expect(originText(4)).toBe("their profile page");
    expect(originText(11)).toBe("a trusted connection");
    expect(originText(12)).toBe("the school member list");
    expect(originText("TrustedFriend")).toBe("a trusted connection");
    expect(originText("12")).toBe("the school member list");
    expect(originIndex("user_communities")).toBe(10);
  });

  it("says nothing for Unknown or a number it does not know, and words for a new name", () => {
    expect(originText("Unknown")).toBeUndefined();
    expect(originText(0)).toBeUndefined();
    expect(originText(99)).toBeUndefined();
    expect(originText(null)).toBeUndefined();
    expect(originText("SchoolClassRoster")).toBe("school class roster");
    expect(originText("[x](https://evil.example)")).toBeUndefined();
  });
});

describe("requestCards", () => {
  it("names senders by the users batch (names absent or empty), ages from the profile, experiences by universe", async () => {
    const calls: string[] = [];
    const lookups = {
      async names(ids: readonly (string | number)[]) {
        calls.push(`names:${ids.join(",")}`);
        const out = new Map<string, UserName>();
        out.set("7", { id: "7", name: "friend_z", displayName: "Zed" });
        return out;
      },
      async profile(id: string | number) {
        calls.push(`profile:${id}`);
        return { id: String(id), created: "2020-01-01T00:00:00Z" };
      },
      async games(ids: readonly (string | number)[]) {
        calls.push(`games:${ids.join(",")}`);
        return new Map([["55", "Adopt Me!"]]);
      },
    } as unknown as Lookups;
    const cards = await requestCards(
      { lookups },
      [
        {
          senderId: 7,
          name: "",
          displayName: "",
          friendRequest: { sentAt: "2026-01-01T00:00:00Z", originSourceType: "InGame", sourceUniverseId: 55 },
        },
        { senderId: 8, friendRequest: { sentAt: null, originSourceType: "Unknown", sourceUniverseId: 66 } },
      ],
      false,
    );
    expect(calls).toEqual(["names:7,8", "games:55,66", "profile:7", "profile:8"]);
    expect(cards[0]).toMatchObject({
      person: { id: "7", name: "friend_z", displayName: "Zed" },
      created: Date.parse("2020-01-01T00:00:00Z"),
      sentAt: Date.parse("2026-01-01T00:00:00Z"),
      origin: "in an experience",
      experience: "Adopt Me!",
      trusted: false,
    });
    expect(cards[1]).toMatchObject({
      person: { id: "8", known: false },
      origin: undefined,
      experience: "an experience",
    });
  });
});
