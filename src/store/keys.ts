/** Key layout inside the Keyv namespace "roguard" (one place, so deleteGuild misses nothing). */
export const K = {
  guilds: () => "guilds",
  accountIndex: (guildId: string) => `acct-index:${guildId}`,
  account: (guildId: string, robloxId: string) => `acct:${guildId}:${robloxId}`,
  settings: (guildId: string) => `settings:${guildId}`,
  stateIndex: (guildId: string) => `state-index:${guildId}`,
  state: (guildId: string, robloxId: string) => `state:${guildId}:${robloxId}`,
  audit: (guildId: string) => `audit:${guildId}`,
  cursor: (key: string) => `cursor:${key}`,
  /** A short-lived claim (claim.ts); expires on its own. */
  claim: (name: string) => `claim:${name}`,
  /** Changes on every link, unlink and settings change, by any process sharing the store. */
  rosterRevision: () => "roster-rev",
};

export const ID = /^\d{1,20}$/;

export function checkId(value: string, what: string): void {
  if (typeof value !== "string" || !ID.test(value)) throw new TypeError(`${what} must be a numeric id`);
}
