/**
 * Loading and saving one account's watcher state (store: alert-state), and delivering its outbox.
 * A state taken for another alert channel (or none at all) starts a fresh baseline, keeping the
 * alerts still waiting to be posted.
 */
import type { Client } from "discord.js";
import type { Context } from "../../context.js";
import type { Logger } from "../../logger.js";
import type { GuildSettings } from "../../store/index.js";
import { flushOutbox } from "../delivery/outbox.js";
import { type AccountState, accountStateSchema, freshState } from "../state.js";

export interface Loaded {
  state: AccountState;
  /** The JSON as read (to skip writing an unchanged state). */
  stored: string | undefined;
  /** True when this poll records a baseline (no state, or another channel). */
  baseline: boolean;
}

export async function loadState(
  ctx: Context,
  guildId: string,
  robloxId: string,
  channelId: string,
): Promise<Loaded> {
  const stored = await ctx.store.alertState.get(guildId, robloxId, accountStateSchema);
  const json = stored === undefined ? undefined : JSON.stringify(stored);
  if (!stored) return { state: freshState(channelId), stored: json, baseline: true };
  if (stored.channelId !== channelId)
    return { state: freshState(channelId, stored.outbox), stored: json, baseline: true };
  return { state: stored, stored: json, baseline: false };
}

/**
 * Writes the state when it changed, unless the account was unlinked meanwhile (checked by the
 * store in the same statement as the write, so an unlink during the poll is never undone).
 * False when it was not written because the account is no longer linked.
 */
export async function saveState(
  ctx: Context,
  guildId: string,
  robloxId: string,
  l: Loaded,
): Promise<boolean> {
  const json = JSON.stringify(l.state);
  if (json === l.stored) return true;
  // Atomic merge: the buttons' part of the row is taken from the store, not from this poll's copy.
  const written = await ctx.store.alertState.updateIfLinked(guildId, robloxId, (current) => ({
    ...l.state,
    handledRequests: (current as { handledRequests?: unknown } | undefined)?.handledRequests,
  }));
  if (written) l.stored = json;
  return written;
}

/**
 * Saves (so a restart never sends twice), posts the outbox, saves what was posted. Posts
 * nothing for an account unlinked during the poll.
 */
export async function deliver(
  ctx: Context,
  client: Client,
  guildId: string,
  robloxId: string,
  settings: GuildSettings,
  l: Loaded,
  log: Logger,
): Promise<number> {
  if (!(await saveState(ctx, guildId, robloxId, l))) return 0;
  if (l.state.outbox.length === 0) return 0;
  const posted = await flushOutbox(client, guildId, settings, l.state, log, (kind) =>
    ctx.metrics?.alerts.inc({ event: kind }),
  );
  if (posted > 0) await saveState(ctx, guildId, robloxId, l);
  return posted;
}
