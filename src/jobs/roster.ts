/**
 * Which accounts this process polls: those of guilds with an alert channel, and (in a sharded
 * process) only guilds this client has in its cache. Paused accounts (dead cookie) stay listed so
 * their one cookie-health alert can be retried; their polls make no Roblox call.
 */
import type { Client } from "discord.js";
import type { Context } from "../context.js";
import type { GuildSettings } from "../store/index.js";
import type { Target } from "./scheduler.js";

export interface GuildEntry {
  settings: GuildSettings;
  targets: Target[];
}

export interface Roster {
  targets: Target[];
  guilds: Map<string, GuildEntry>;
}

export async function readRoster(ctx: Context, client: Pick<Client, "guilds">): Promise<Roster> {
  const targets: Target[] = [];
  const guilds = new Map<string, GuildEntry>();
  for (const guildId of await ctx.store.accounts.listGuildIds()) {
    if (!client.guilds.cache.has(guildId)) continue;
    const settings = await ctx.store.settings.get(guildId);
    if (!settings.alertChannelId) continue;
    const entry: GuildEntry = { settings, targets: [] };
    for (const robloxId of await ctx.store.accounts.ids(guildId)) {
      const t = { key: `${guildId}:${robloxId}`, guildId, robloxId };
      entry.targets.push(t);
      targets.push(t);
    }
    guilds.set(guildId, entry);
  }
  return { targets, guilds };
}
