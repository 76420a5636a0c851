/**
 * Who may do what (README, Who may do what). Pure: the caller hands in the member's permission bits,
 * role ids and the guild's /access grants.
 */
export type Level = "admin" | "viewer" | "anyone";
export type AccessLevel = "viewer" | "manager";

const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

const RANK: Record<Level, number> = { anyone: 0, viewer: 1, admin: 2 };

/** Manage Server or Administrator: admin whatever /access says (no settings needed). */
export function adminByPermissions(permissions: bigint): boolean {
  return (permissions & MANAGE_GUILD) !== 0n || (permissions & ADMINISTRATOR) !== 0n;
}

export function memberLevel(
  permissions: bigint,
  roleIds: readonly string[],
  accessRoles: Readonly<Record<string, AccessLevel>>,
): Level {
  if (adminByPermissions(permissions)) return "admin";
  let level: Level = "anyone";
  for (const id of roleIds) {
    const grant = accessRoles[id];
    if (grant === "manager") return "admin";
    if (grant === "viewer") level = "viewer";
  }
  return level;
}

export function allows(have: Level, need: Level): boolean {
  return RANK[have] >= RANK[need];
}

export function refusal(need: Level): "error.refusedAdmin" | "error.refusedViewer" {
  return need === "admin" ? "error.refusedAdmin" : "error.refusedViewer";
}
