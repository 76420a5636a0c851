import { ActionRow, ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { confirmRow, disableAll, pagerRow, requestButtons, screenTimeButtons } from "./buttons.js";
import { decodeCustomId } from "./custom-id.js";

describe("rows", () => {
  it("builds Accept / Decline / Profile", () => {
    const json = requestButtons("11", "22", "https://www.roblox.com/users/22/profile").toJSON();
    const [accept, decline, profile] = json.components;
    expect(accept).toMatchObject({
      label: "Accept",
      style: ButtonStyle.Success,
      custom_id: "req-accept:v1:11:22",
    });
    expect(decline).toMatchObject({
      label: "Decline",
      style: ButtonStyle.Danger,
      custom_id: "req-decline:v1:11:22",
    });
    expect(profile).toMatchObject({
      label: "Profile",
      style: ButtonStyle.Link,
      url: "https://www.roblox.com/users/22/profile",
    });
  });

  it("builds Confirm / Cancel with a carried expiry", () => {
    const json = confirmRow("remove", "11", "33", {
      now: 1_000_000,
      ttlSeconds: 60,
      locale: "en-US",
    }).toJSON();
    expect(json.components.map((c) => ("label" in c ? c.label : ""))).toEqual(["Confirm", "Cancel"]);
    const ids = json.components.map((c) => ("custom_id" in c ? c.custom_id : ""));
    expect(decodeCustomId(ids[0])).toEqual({
      action: "confirm",
      op: "remove",
      accountId: "11",
      target: "33",
      expires: 1060,
    });
    expect(decodeCustomId(ids[1])).toMatchObject({ action: "cancel", op: "remove", target: "33" });
    const noTarget = confirmRow("unlink", "11", undefined, { locale: "en-US" }).toJSON();
    const decoded = decodeCustomId(
      "custom_id" in noTarget.components[0]! ? noTarget.components[0].custom_id : "",
    );
    expect(decoded).toMatchObject({ action: "confirm", op: "unlink", accountId: "11" });
    expect(decoded && "target" in decoded).toBe(false);
  });

  it("builds a pager, disabling the missing side with distinct ids", () => {
    const first = pagerRow("friends", "11", null, "k2", "en-US").toJSON().components;
    expect(first.map((c) => ("label" in c ? c.label : ""))).toEqual(["Previous", "Next"]);
    expect(first[0]?.disabled).toBe(true);
    expect(first[1]?.disabled).toBeFalsy();
    const ids = first.map((c) => ("custom_id" in c ? c.custom_id : ""));
    expect(decodeCustomId(ids[1])).toEqual({
      action: "page",
      kind: "friends",
      accountId: "11",
      key: "k2",
      dir: "n",
    });
    expect(decodeCustomId(ids[0])?.action).toBe("noop");
    const none = pagerRow("search", "11", null, null, "en-US").toJSON().components;
    expect(none.every((c) => c.disabled)).toBe(true);
    const noneIds = none.map((c) => ("custom_id" in c ? c.custom_id : ""));
    expect(new Set(noneIds).size).toBe(2);
    const both = pagerRow("groups", "11", "p1", "n1", "en-US").toJSON().components;
    expect(decodeCustomId("custom_id" in both[0]! ? both[0].custom_id : "")).toMatchObject({
      key: "p1",
      dir: "p",
    });
  });

  it("builds +15 / +30 min buttons", () => {
    const json = screenTimeButtons("11").toJSON().components;
    expect(json.map((c) => ("label" in c ? c.label : ""))).toEqual(["+15 min", "+30 min"]);
    expect(json.map((c) => decodeCustomId("custom_id" in c ? c.custom_id : ""))).toEqual([
      { action: "st-add", accountId: "11", minutes: 15 },
      { action: "st-add", accountId: "11", minutes: 30 },
    ]);
    expect(() => screenTimeButtons("11", [])).toThrow();
    expect(() => screenTimeButtons("11", [500])).toThrow();
  });

  it("disables every interactive component, from builders, JSON or message rows", () => {
    const builders = [
      requestButtons("1", "2", "https://www.roblox.com/users/2/profile"),
      screenTimeButtons("1"),
    ];
    const fromMessage = builders.map(
      (b) => new (ActionRow as unknown as new (d: unknown) => ActionRow<never>)(b.toJSON()),
    );
    for (const input of [builders, builders.map((b) => b.toJSON()), fromMessage]) {
      const out = disableAll(input).map((r) => r.toJSON());
      expect(out).toHaveLength(2);
      const [req, st] = out;
      expect(req?.components.map((c) => Boolean(c.disabled))).toEqual([true, true, false]);
      expect(st?.components.every((c) => c.disabled)).toBe(true);
      expect(req?.components[0]).toMatchObject({ custom_id: "req-accept:v1:1:2", label: "Accept" });
    }
    const all = disableAll(builders, { keepLinks: false }).map((r) => r.toJSON());
    expect(all[0]?.components.every((c) => c.disabled)).toBe(true);
    // the originals are untouched
    expect(builders[0]?.toJSON().components[0]?.disabled).toBeFalsy();
    expect(disableAll([{ type: ComponentType.TextDisplay }])).toEqual([]);
  });
});
