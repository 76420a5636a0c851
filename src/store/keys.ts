/** Key layout inside the Keyv namespace "roguard" (one place, so deleteGuild misses nothing). */
export const K = {
  accountIndex: (guildId: string) => `acct-index:${guildId}`,
  account: (guildId: string, robloxId: string) => `acct:${guildId}:${robloxId}`,
  settings: (guildId: string) => `settings:${guildId}`,
  stateIndex: (guildId: string) => `state-index:${guildId}`,
  state: (guildId: string, robloxId: string) => `state:${guildId}:${robloxId}`,
  audit: (guildId: string) => `audit:${guildId}`,
  cursor: (guildId: string, slot: number) => `cursor:${guildId}:${slot}`,
  /** Before the native guild set (native.ts): one list of guild ids, read once to migrate. */
  guilds: () => "guilds",
  /** linked parent accounts (src/store/parents.ts) */
  parentIndex: (guildId: string) => `parent-index:${guildId}`,
  parent: (guildId: string, robloxId: string) => `parent:${guildId}:${robloxId}`,
  /** the parent-requests watcher's and the Approve/Deny buttons' memory of one parent link */
  parentState: (guildId: string, robloxId: string) => `parent-state:${guildId}:${robloxId}`,
  /** A short-lived claim (claim.ts); expires on its own. */
  claim: (name: string) => `claim:${name}`,
};

export const ID = /^\d{1,20}$/;

export function checkId(value: string, what: string): void {
  if (typeof value !== "string" || !ID.test(value)) throw new TypeError(`${what} must be a numeric id`);
}
