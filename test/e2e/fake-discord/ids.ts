// Snowflakes and permission bits, as Discord encodes them.
import { randomBytes } from "node:crypto";
import { PermissionFlagsBits } from "discord.js";

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastMs = 0n;
let increment = 0n;

/**
 * A fresh snowflake. Each id gets its own millisecond, so consecutive guild ids spread over
 * shards the way Discord routes them: shard = (guild_id >> 22) % num_shards.
 */
export function snowflake(): string {
  const now = BigInt(Date.now()) - DISCORD_EPOCH;
  lastMs = now > lastMs ? now : lastMs + 1n;
  increment = (increment + 1n) & 0xfffn;
  return ((lastMs << 22n) | (1n << 17n) | increment).toString();
}

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function token(): string {
  return randomBytes(48).toString("base64url");
}

export const Perm = PermissionFlagsBits;
export const ALL_PERMISSIONS: bigint = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

/** What @everyone may do in a fresh Discord server (the client's defaults, minus voice). */
export const EVERYONE_DEFAULT: bigint =
  Perm.CreateInstantInvite |
  Perm.ChangeNickname |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.SendMessagesInThreads |
  Perm.CreatePublicThreads |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.AddReactions |
  Perm.UseExternalEmojis |
  Perm.ReadMessageHistory |
  Perm.UseApplicationCommands;

/** The role Discord creates for a bot invited with the usual permissions. */
export const BOT_DEFAULT: bigint =
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.MentionEveryone;

export function toBits(p: bigint | string | number): bigint {
  return typeof p === "bigint" ? p : BigInt(p);
}
