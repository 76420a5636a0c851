/**
 * SHARDS > 1 or `auto`: discord.js's ShardingManager runs one process per shard (each
 * process runs app.ts and polls only the guilds it owns). `auto` asks GET /gateway/bot
 * through the configured REST base — discord.js's own recommended-count call ignores
 * DISCORD_API_URL.
 */
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager } from "discord.js";
import type { Config } from "./config.js";
import { createLogger } from "./logger.js";

export async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, Number(body.shards ?? 1));
}

export async function runShardManager(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  let totalShards: number;
  try {
    totalShards = config.shards === "auto" ? await recommendedShards(config) : config.shards;
  } catch (err) {
    process.stderr.write(`roguard: could not ask Discord for a shard count (${(err as Error).message}).\n`);
    process.exit(1);
  }
  const manager = new ShardingManager(fileURLToPath(new URL("./index.js", import.meta.url)), {
    token: config.discordToken,
    totalShards,
    respawn: true,
    mode: "process",
  });
  manager.on("shardCreate", (shard) => logger.info({ shard: shard.id, totalShards }, "shard started"));
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping shards");
    setTimeout(() => process.exit(0), 9_500).unref();
    await Promise.allSettled(
      [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            shard.process?.once("exit", () => resolve());
            shard.process?.kill("SIGTERM");
            if (!shard.process) resolve();
          }),
      ),
    );
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  await manager.spawn({ amount: totalShards, delay: 0, timeout: 30_000 });
}
