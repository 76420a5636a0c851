import { describe, expect, it } from "vitest";
import { t } from "./i18n/t.js";
import { adminByPermissions, allows, memberLevel, refusal } from "./permissions.js";

describe("memberLevel", () => {
  const grants = { r1: "viewer", r2: "manager" } as const;
  it.each([
    [1n << 5n, [], "admin"], // ManageGuild
    [1n << 3n, [], "admin"], // Administrator
    [0n, ["r2"], "admin"],
    [0n, ["r1"], "viewer"],
    [0n, ["r1", "r2"], "admin"],
    [0n, ["other"], "anyone"],
    [(1n << 11n) | (1n << 10n), [], "anyone"], // send/view messages only
  ] as const)("perms %s roles %j → %s", (perms, roles, want) => {
    expect(memberLevel(perms, roles, grants)).toBe(want);
  });

  it("adminByPermissions: Manage Server or Administrator, nothing else", () => {
    expect(adminByPermissions(1n << 5n)).toBe(true);
    expect(adminByPermissions(1n << 3n)).toBe(true);
    expect(adminByPermissions((1n << 11n) | (1n << 10n) | (1n << 28n))).toBe(false);
    expect(adminByPermissions(0n)).toBe(false);
  });

  it("ranks levels", () => {
    expect(allows("admin", "viewer")).toBe(true);
    expect(allows("viewer", "admin")).toBe(false);
    expect(allows("anyone", "viewer")).toBe(false);
    expect(allows("anyone", "anyone")).toBe(true);
  });

  it("refusals mention permission", () => {
    expect(t("en-US", refusal("admin"))).toContain("permission");
    expect(t("en-US", refusal("viewer"))).toContain("permission");
  });
});
