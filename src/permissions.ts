/**
 * Who may do what (SPEC §3). Pure: the caller hands in the member's permission bits,
 * role ids and the guild's /access grants.
 */
export type Level = "admin" | "viewer" | "anyone";
export type AccessLevel = "viewer" | "manager";

const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

const RANK: Record<Level, number> = { anyone: 0, viewer: 1, admin: 2 };

export function memberLevel(
  permissions: bigint,
  roleIds: readonly string[],
  accessRoles: Readonly<Record<string, AccessLevel>>,
): Level {
  if ((permissions & MANAGE_GUILD) !== 0n || (permissions & ADMINISTRATOR) !== 0n) return "admin";
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

export function refusal(need: Level): string {
  return need === "admin"
    ? "You don't have permission to do this: it needs Manage Server or a role granted `manager` with /access."
    : "You don't have permission to see this account: ask an admin to grant your role `viewer` with /access.";
}
