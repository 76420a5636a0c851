import type { APIApplicationCommandOption } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandData } from "./deploy-json.js";

const EXPECTED: Record<string, string[]> = {
  roblox: ["link", "unlink", "status", "accounts", "default"],
  friends: [
    "list",
    "online",
    "inactive",
    "search",
    "count",
    "status",
    "groups",
    "add",
    "add-contact",
    "remove",
  ],
  requests: ["list", "count", "accept", "decline", "accept-token", "decline-all", "mark-seen"],
  presence: [],
  screentime: ["show", "limit", "add"],
  restrictions: [],
  user: ["lookup"],
  alerts: [
    "channel",
    "watch-add",
    "watch-remove",
    "watch-list",
    "toggle",
    "quiet-hours",
    "timezone",
    "summary-time",
    "mention",
    "language",
    "show",
  ],
  access: ["role-add", "role-remove", "list"],
  audit: [],
  parent: ["link", "unlink", "children", "requests", "block", "unblock"],
};
// /parent is hidden like the admin commands (link/unlink/block/unblock are admin rows, children/requests viewer)
const ADMIN_WHOLE = new Set(["roblox", "alerts", "access", "audit", "parent"]);
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function checkOptions(where: string, options: APIApplicationCommandOption[] = []) {
  expect(options.length, `${where}: ≤25 options`).toBeLessThanOrEqual(25);
  let optionalSeen = false;
  for (const o of options) {
    expect(o.name, where).toMatch(NAME);
    expect(o.name, where).toBe(o.name.toLowerCase());
    expect(o.description.length, `${where}.${o.name}`).toBeGreaterThan(0);
    expect(o.description.length, `${where}.${o.name}`).toBeLessThanOrEqual(100);
    if (o.type === 1 || o.type === 2) checkOptions(`${where} ${o.name}`, o.options);
    else {
      if (o.required) expect(optionalSeen, `${where}: required ${o.name} after an optional one`).toBe(false);
      else optionalSeen = true;
    }
  }
}

describe("command definitions", () => {
  const data = commandData();

  it("has exactly the commands and subcommands of the README's Command reference", () => {
    const got = Object.fromEntries(
      data.map((c) => [c.name, (c.options ?? []).filter((o) => o.type === 1).map((o) => o.name)]),
    );
    expect(got).toEqual(EXPECTED);
  });

  it("follows Discord's rules for names, descriptions and option order", () => {
    for (const c of data) {
      expect(c.name).toMatch(NAME);
      expect(c.description.length).toBeLessThanOrEqual(100);
      checkOptions(c.name, c.options);
    }
    // Localizations are counted (longest per field) by test/i18n/commands.test.ts.
    const base = JSON.stringify(data, (k, v) => (k.endsWith("_localizations") ? undefined : v));
    expect(base.length).toBeLessThan(8000 * data.length);
  });

  it("is guild-only, and admin-as-a-whole commands carry ManageGuild", () => {
    for (const c of data) {
      expect(c.contexts).toEqual([0]);
      expect(c.default_member_permissions ?? null).toBe(ADMIN_WHOLE.has(c.name) ? String(1n << 5n) : null);
    }
  });

  it("gives `account` and `zone` autocomplete wherever they appear", () => {
    const seen: string[] = [];
    const walk = (opts: APIApplicationCommandOption[] = [], path: string) => {
      for (const o of opts) {
        if (o.type === 1) walk(o.options, `${path} ${o.name}`);
        else if (o.name === "account" || o.name === "zone") {
          seen.push(`${path}.${o.name}`);
          expect(o.type).toBe(3);
          expect((o as { autocomplete?: boolean }).autocomplete, `${path}.${o.name}`).toBe(true);
        }
      }
    };
    for (const c of data) walk(c.options, c.name);
    expect(seen.length).toBeGreaterThan(20);
  });
});
