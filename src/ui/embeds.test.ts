import { type APIEmbed, EmbedBuilder, embedLength } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  accountEmbed,
  COLORS,
  embedTextLength,
  errorEmbed,
  fitEmbed,
  keyValueEmbed,
  LIMITS,
  noticeEmbed,
  successEmbed,
  userLine,
  userListEmbed,
} from "./embeds.js";

const HUGE = "x".repeat(10_000);

/** Asserts Discord's limits, and re-applies the data through discord.js's validating setters. */
function assertWithinLimits(b: EmbedBuilder): APIEmbed {
  const e = b.toJSON();
  expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(embedLength(e)).toBeLessThanOrEqual(LIMITS.total);
  expect(embedTextLength(e)).toBe(embedLength(e));
  const v = new EmbedBuilder();
  if (e.title !== undefined) v.setTitle(e.title);
  if (e.description !== undefined) v.setDescription(e.description);
  if (e.fields) v.addFields(e.fields);
  if (e.footer) v.setFooter({ text: e.footer.text });
  if (e.color !== undefined) v.setColor(e.color);
  if (e.url !== undefined) v.setURL(e.url);
  return e;
}

describe("simple embeds", () => {
  it("colours by meaning", () => {
    expect(errorEmbed("No Roblox account is linked in this server.").toJSON()).toMatchObject({
      color: COLORS.alert,
      description: "No Roblox account is linked in this server.",
    });
    expect(successEmbed("Linked", "Done").toJSON()).toMatchObject({
      color: COLORS.ok,
      title: "Linked",
      description: "Done",
    });
    expect(successEmbed("Linked").toJSON().description).toBeUndefined();
    expect(noticeEmbed("warn", "Careful").toJSON().color).toBe(COLORS.warn);
  });
  it("stays within limits for absurd input", () => {
    assertWithinLimits(errorEmbed(HUGE));
    assertWithinLimits(successEmbed(HUGE, HUGE));
    expect(successEmbed(HUGE).toJSON().title?.endsWith("…")).toBe(true);
    expect(errorEmbed("").toJSON().description).toBeTruthy();
  });
});

describe("accountEmbed", () => {
  it("shows the account with a profile link and health colour", () => {
    const e = accountEmbed(
      {
        robloxId: "156",
        name: "builder_man",
        displayName: "Builderman",
        avatarUrl: "https://tr.rbxcdn.com/x.png",
        label: "Kid",
        isDefault: true,
        linkedAt: new Date("2024-01-01T00:00:00Z"),
        health: "expired",
      },
      "en-US",
    ).toJSON();
    expect(e.title).toBe("Builderman (@builder\\_man)");
    expect(e.url).toBe("https://www.roblox.com/users/156/profile");
    expect(e.thumbnail?.url).toBe("https://tr.rbxcdn.com/x.png");
    expect(e.color).toBe(COLORS.alert);
    const byName = Object.fromEntries((e.fields ?? []).map((f) => [f.name, f.value]));
    expect(byName).toMatchObject({
      "Roblox id": "156",
      Label: "Kid",
      Default: "Yes",
      Linked: "<t:1704067200:R>",
    });
    expect(byName["Health"]).toMatch(/cookie/i);
    expect(
      accountEmbed({ robloxId: "1", name: "a", displayName: "a", health: "ok" }, "en-US").toJSON().color,
    ).toBe(COLORS.ok);
    expect(
      accountEmbed(
        {
          robloxId: "1",
          name: "a",
          displayName: "a",
          health: { tone: "warn", text: "Paused" },
        },
        "en-US",
      ).toJSON(),
    ).toMatchObject({ color: COLORS.warn });
  });
  it("stays within limits for 10,000-char names", () => {
    const e = assertWithinLimits(
      accountEmbed(
        {
          robloxId: "1",
          name: HUGE,
          displayName: HUGE,
          label: HUGE,
          isDefault: false,
          health: "locked",
        },
        "en-US",
      ),
    );
    expect(e.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(e.title).toContain("…");
  });
  it("omits the link for a bad id instead of throwing", () => {
    expect(
      accountEmbed({ robloxId: "x", name: "a", displayName: "a" }, "en-US").toJSON().url,
    ).toBeUndefined();
  });
});

describe("userListEmbed", () => {
  const users = Array.from({ length: 500 }, (_, i) => ({
    id: String(1000 + i),
    name: `user_${i}`,
    displayName: `Display ${i}`,
    extra: "online",
  }));

  it("renders one linked line per user", () => {
    expect(userLine({ id: "7", name: "a_b", displayName: "*Star*", extra: "In game" })).toBe(
      "**[\\*Star\\*](https://www.roblox.com/users/7/profile)** (@a\\_b) · In game",
    );
    expect(userLine({ id: "7", name: "n", displayName: "[evil](http://x)" })).not.toContain("[evil]");
    const e = userListEmbed({
      locale: "en-US",
      title: "Friends",
      users: users.slice(0, 3),
      page: { number: 1, total: 4 },
      footer: "3 friends",
    });
    const json = e.toJSON();
    expect(json.description?.split("\n")).toHaveLength(3);
    expect(json.description).toContain(
      "**[Display 0](https://www.roblox.com/users/1000/profile)** (@user\\_0) · online",
    );
    expect(json.footer?.text).toBe("Page 1 of 4 · 3 friends");
  });

  it("cuts 500 users with a count of the rest", () => {
    const json = assertWithinLimits(userListEmbed({ locale: "en-US", title: "Friends", users, page: 2 }));
    const lines = json.description?.split("\n") ?? [];
    const last = lines[lines.length - 1] ?? "";
    const shown = lines.length - 1;
    expect(last).toBe(`…and ${500 - shown} more`);
    expect(shown).toBeGreaterThan(20);
    expect(json.footer?.text).toBe("Page 2");
  });

  it("survives 10,000-char names, extras and footers", () => {
    const absurd = Array.from({ length: 500 }, (_, i) => ({
      id: String(i + 1),
      name: HUGE,
      displayName: HUGE,
      extra: HUGE,
    }));
    assertWithinLimits(userListEmbed({ locale: "en-US", title: HUGE, users: absurd, footer: HUGE }));
  });

  it("says so when the list is empty", () => {
    expect(userListEmbed({ locale: "en-US", title: "Online", users: [] }).toJSON().description).toBe(
      "Nobody here.",
    );
    expect(
      userListEmbed({ locale: "en-US", title: "Online", users: [], empty: "No friends online." }).toJSON()
        .description,
    ).toBe("No friends online.");
  });
});

describe("keyValueEmbed", () => {
  it("accepts an object or a list, filling empty values", () => {
    const a = keyValueEmbed("Settings", { Channel: "<#1>", Zone: "" }).toJSON();
    expect(a.fields).toEqual([
      { name: "Channel", value: "<#1>", inline: true },
      { name: "Zone", value: "—", inline: true },
    ]);
    const b = keyValueEmbed("X", [{ name: "A", value: "1" }], { color: "warn", footer: "f" }).toJSON();
    expect(b).toMatchObject({
      color: COLORS.warn,
      footer: { text: "f" },
      fields: [{ name: "A", value: "1", inline: false }],
    });
  });
  it("keeps 25 fields and 6000 chars for absurd input", () => {
    const fields = Array.from({ length: 100 }, (_, i) => ({ name: `${i}${HUGE}`, value: HUGE }));
    const e = assertWithinLimits(keyValueEmbed(HUGE, fields, { description: HUGE, footer: HUGE }));
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
  });
});

describe("fitEmbed", () => {
  it("drops trailing fields before touching the title when the total is too big", () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: "v".repeat(1024) }));
    const out = fitEmbed({ title: "T", fields });
    expect(out.title).toBe("T");
    expect(out.fields?.length).toBe(5);
    expect(embedTextLength(out)).toBeLessThanOrEqual(6000);
  });
  it("leaves small embeds alone", () => {
    const e = { title: "a", description: "b", fields: [{ name: "c", value: "d" }] };
    expect(fitEmbed(e)).toEqual(e);
  });
});
