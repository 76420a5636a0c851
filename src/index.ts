/**
 * Entry point (`npm start` = `node dist/index.js`).
 * Reads the configuration first, so a missing variable ends in one clear line within
 * milliseconds, then hands over to the single-process app or the ShardingManager.
 */
import { loadOrExit, parseConfig } from "./config.js";

const config = loadOrExit(parseConfig);

if (config.shards === 1 || process.env.SHARDING_MANAGER !== undefined) {
  // A lone process, or one shard spawned by the ShardingManager.
  const { runApp } = await import("./app.js");
  await runApp(config);
} else {
  const { runShardManager } = await import("./sharding.js");
  await runShardManager(config);
}
