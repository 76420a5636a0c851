/**
 * `npm run deploy-commands`: registers every slash command in one bulk PUT, to
 * DISCORD_GUILD_ID when set (instant), else globally. Needs only the token and client id.
 */
import { REST, Routes } from "discord.js";
import { commandData } from "./commands/deploy-json.js";
import { loadOrExit, parseDeployConfig } from "./config.js";

const config = loadOrExit(parseDeployConfig);
const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
  config.discordToken,
);
const body = commandData();
const route = config.discordGuildId
  ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
  : Routes.applicationCommands(config.discordClientId);

try {
  const result = (await rest.put(route, { body })) as unknown[];
  const where = config.discordGuildId
    ? `guild ${config.discordGuildId}`
    : "all servers (global; may take a while)";
  process.stdout.write(`roguard: registered ${result.length} commands for ${where}.\n`);
} catch (err) {
  const e = err as { status?: number; message?: string };
  process.stderr.write(
    `roguard: Discord refused the commands (${e.status ?? "no answer"}: ${e.message ?? String(err)}). ` +
      "Check DISCORD_TOKEN and DISCORD_CLIENT_ID.\n",
  );
  process.exitCode = 1;
}
