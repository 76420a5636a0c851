import { describe, expect, it } from "vitest";
import { Lookups, type UserName, type UserProfile } from "../lookups.js";
import type { RobloxClient } from "../roblox/index.js";
import {
  createdAt,
  namePeople,
  personFrom,
  personMd,
  personText,
  resolveUser,
  unknownPerson,
} from "./people.js";

/** Lookups over fixed tables, counting the batch calls. */
function fakeLookups(names: Record<string, UserName>, profiles: Record<string, UserProfile> = {}) {
  const calls: string[][] = [];
  const lookups = {
    async names(ids: readonly (string | number)[]) {
      calls.push(ids.map(String));
      const out = new Map<string, UserName>();
      for (const id of ids) if (names[String(id)]) out.set(String(id), names[String(id)] as UserName);
      return out;
    },
    async profile(id: string | number) {
      return profiles[String(id)] ?? null;
    },
  } as unknown as Lookups;
  return { lookups, calls };
}

describe("personText / personMd", () => {
  it("shows display name and username, or the username alone when they match", () => {
    expect(personText({ id: "1", name: "Friend2001", displayName: "Pal2001" }, "en-US")).toBe(
      "Pal2001 (@Friend2001)",
    );
    expect(personText({ id: "1", name: "Same", displayName: "Same" }, "en-US")).toBe("@Same");
    expect(personMd({ id: "1", name: "friend_z", displayName: "Zed" }, "en-US")).toBe(
      "**Zed** (@friend\\_z)",
    );
  });

  it("names a user Roblox did not name by id, never as @123", () => {
    expect(personText(unknownPerson("2012"), "en-US")).toBe("user 2012");
    expect(personMd(unknownPerson("2012"), "en-US")).toBe("**user 2012**");
    expect(personText(unknownPerson("2012"), "de")).toBe("Nutzer 2012");
    expect(personMd(unknownPerson("2012"), "pt-BR")).toBe("**usuário 2012**");
  });

  it("counts empty strings as missing", () => {
    expect(personFrom("7", { name: "", displayName: "" }).known).toBe(false);
    expect(personFrom("7", { name: "kid", displayName: "" })).toEqual({
      id: "7",
      name: "kid",
      displayName: "kid",
    });
    expect(personFrom("7", { name: "  ", displayName: "Zed" }).known).toBe(false);
  });
});

describe("namePeople", () => {
  it("asks the users batch once for every id without a name (absent or empty)", async () => {
    const { lookups, calls } = fakeLookups({
      "1": { id: "1", name: "one", displayName: "One" },
      "2": { id: "2", name: "two", displayName: "Two" },
    });
    const hints = new Map([
      ["1", { name: "", displayName: "" }],
      ["3", { name: "three", displayName: "Three" }],
    ]);
    const got = await namePeople({ lookups }, ["1", "2", "3", "4"], hints);
    expect(calls).toEqual([["1", "2", "4"]]);
    expect(personText(got.get("1")!, "en-US")).toBe("One (@one)");
    expect(personText(got.get("2")!, "en-US")).toBe("Two (@two)");
    expect(personText(got.get("3")!, "en-US")).toBe("Three (@three)");
    expect(personText(got.get("4")!, "en-US")).toBe("user 4");
  });

  it("names by id when the lookup fails, and never throws", async () => {
    const lookups = {
      names: async () => {
        throw new Error("down");
      },
    } as unknown as Lookups;
    const warned: unknown[] = [];
    const got = await namePeople({ lookups, log: { warn: (o: unknown) => warned.push(o) } }, ["9"]);
    expect(personText(got.get("9")!, "en-US")).toBe("user 9");
    expect(warned).toHaveLength(1);
  });
});

describe("createdAt", () => {
  it("takes the listing's created, else the public profile, else null", async () => {
    const { lookups } = fakeLookups({}, { "5": { id: "5", created: "2020-01-02T00:00:00Z" } });
    expect(await createdAt({ lookups }, "5", "2019-05-05T00:00:00Z")).toBe(
      Date.parse("2019-05-05T00:00:00Z"),
    );
    expect(await createdAt({ lookups }, "5", "")).toBe(Date.parse("2020-01-02T00:00:00Z"));
    expect(await createdAt({ lookups }, "5", undefined)).toBe(Date.parse("2020-01-02T00:00:00Z"));
    expect(await createdAt({ lookups }, "6", null)).toBeNull();
  });
});

describe("resolveUser", () => {
  /** A users client that answers one id and one name, counting its calls. */
  function fakeUsers() {
    const calls: string[] = [];
    const kid = { id: 42, name: "Friend42", displayName: "Pal42" };
    const users = {
      async resolve(input: string) {
        calls.push(input);
        const t = input.trim().replace(/^@/, "");
        return t === "42" || t === "Friend42" ? kid : null;
      },
    };
    return { roblox: { users } as unknown as Pick<RobloxClient, "users">, calls };
  }

  it("an id resolved once is named from the cache the next time, without a Roblox call", async () => {
    const { roblox, calls } = fakeUsers();
    const lookups = new Lookups({} as RobloxClient);
    const first = await resolveUser({ roblox, lookups }, "42");
    const again = await resolveUser({ roblox, lookups }, " @42 ");
    expect(first).toEqual({ id: "42", name: "Friend42", displayName: "Pal42" });
    expect(again).toEqual(first);
    expect(calls).toEqual(["42"]);
  });

  it("a name is always asked (a name can move to another account); an unknown user is refused", async () => {
    const { roblox, calls } = fakeUsers();
    const lookups = new Lookups({} as RobloxClient);
    await resolveUser({ roblox, lookups }, "Friend42");
    await resolveUser({ roblox, lookups }, "Friend42");
    expect(calls).toEqual(["Friend42", "Friend42"]);
    await expect(resolveUser({ roblox, lookups }, "999")).rejects.toThrow("No Roblox user called “999”.");
  });
});
