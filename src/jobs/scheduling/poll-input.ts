/**
 * What one poll of one account hands to each watcher (`PollInput`), and the lookups every watcher
 * makes with it. Not the watched-users list (`settings.watch`), which only the presence watcher reads.
 */
import type { Context } from "../../context.js";
import { namePeople, type Person } from "../../domain/people.js";
import { gameNames, universesToName } from "../../domain/presence.js";
import { guildLocale, type Locale } from "../../i18n/locales.js";
import type { Logger } from "../../logger.js";
import type { CallOptions, RobloxSession } from "../../roblox/index.js";
import type { GuildSettings, StoredAccount } from "../../store/index.js";
import type { AccountState, Snap } from "../state.js";

export interface PollInput {
  ctx: Context;
  account: StoredAccount;
  settings: GuildSettings;
  session: RobloxSession;
  /** Deadline and abort signal for every Roblox call of this poll. */
  call: CallOptions;
  now: number;
  /** Mutated by the watchers only after their fetch succeeded. */
  state: AccountState;
  /** 0 for the account's first poll in this process. */
  cycle: number;
  /** The language of this guild's alerts (`alertLocale`). */
  locale: Locale;
  log: Logger;
}

/**
 * The guild's alert language: the one chosen (`settings.language`), else the guild's preferred
 * locale as Discord sends it (discord.js keeps it on the cached guild) when roguard speaks it, else en-US.
 */
export function alertLocale(
  client: { guilds: { cache: { get(id: string): { preferredLocale?: string | null } | undefined } } },
  guildId: string,
  settings: Pick<GuildSettings, "language">,
): Locale {
  return guildLocale(settings.language, client.guilds.cache.get(guildId)?.preferredLocale);
}

/** Avatar headshot; decoration only, never fails the alert. */
export async function avatarOf(w: Pick<PollInput, "ctx" | "call">, id: string): Promise<string | null> {
  try {
    return await w.ctx.lookups.avatar(id, w.call);
  } catch {
    return null;
  }
}

/** Users named the one way (domain/people); never fails (unknown users are named by id). */
export function peopleOf(
  w: Pick<PollInput, "ctx" | "call" | "log">,
  ids: readonly string[],
): Promise<Map<string, Person>> {
  return namePeople({ lookups: w.ctx.lookups, call: w.call, log: w.log }, ids);
}

/** Experience names for the snaps of these changes whose location Roblox hid (one cached lookup). */
export async function gamesOf(
  w: Pick<PollInput, "ctx" | "call" | "log">,
  changes: readonly { from: Snap; to: Snap }[],
): Promise<ReadonlyMap<string, string>> {
  const snaps = changes.flatMap((c) => [c.from, c.to]);
  const universes = universesToName(snaps.map((s) => ({ name: s.loc ?? undefined, universe: s.u ?? null })));
  return gameNames({ lookups: w.ctx.lookups, call: w.call, log: w.log }, universes);
}
