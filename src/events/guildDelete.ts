/**
 * The bot left a guild (kicked, or the guild was deleted): that guild's cookies, settings, watcher
 * state and audit log are deleted, as README "Alerts" promises. The store finds them through the
 * guild's own index keys, so the work does not grow with the number of guilds. (discord.js emits
 * GuildUnavailable, not GuildDelete, for a guild lost to an outage: nothing is deleted then.)
 */
import type { Guild } from "discord.js";
import type { Context } from "../context.js";

export function createGuildDeleteHandler(
  ctx: Pick<Context, "store" | "sessions" | "logger">,
  /** Registers the deletion as in-flight work, so shutdown waits for it. */
  track: (work: Promise<unknown>) => void = () => undefined,
): (guild: Pick<Guild, "id">) => void {
  return (guild) => {
    track(
      ctx.store
        .deleteGuild(guild.id)
        .then(() => {
          ctx.sessions.forget(guild.id);
          ctx.logger.info({ guildId: guild.id }, "left a guild: deleted its cookies and state");
        })
        .catch((err) => ctx.logger.error({ err, guildId: guild.id }, "could not delete a guild's data")),
    );
  };
}
