/**
 * Loading and saving one account's watcher state (store: alert-state), and delivering its outbox.
 * A state taken for another alert channel (or none at all) starts a fresh baseline, keeping the
 * alerts still waiting to be posted.
 */
import type { Client } from "discord.js";
import type { Context } from "../context.js";
import type { Logger } from "../logger.js";
import type { GuildSettings } from "../store/index.js";
import { flushOutbox } from "./outbox.js";
import { type AccountState, accountStateSchema, freshState } from "./state.js";

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

/** Writes the state when it changed, unless the account was unlinked meanwhile. */
export async function saveState(ctx: Context, guildId: string, robloxId: string, l: Loaded): Promise<void> {
  const json = JSON.stringify(l.state);
  if (json === l.stored) return;
  if (!(await ctx.store.accounts.get(guildId, robloxId))) return;
  // Atomic merge: the buttons' part of the row is taken from the store, not from this poll's copy.
  await ctx.store.alertState.update(guildId, robloxId, (current) => ({
    ...l.state,
    handledRequests: (current as { handledRequests?: unknown } | undefined)?.handledRequests,
  }));
  l.stored = json;
}

/** Saves (so a restart never sends twice), posts the outbox, saves what was posted. */
export async function deliver(
  ctx: Context,
  client: Client,
  guildId: string,
  robloxId: string,
  settings: GuildSettings,
  l: Loaded,
  log: Logger,
): Promise<number> {
  await saveState(ctx, guildId, robloxId, l);
  if (l.state.outbox.length === 0) return 0;
  const posted = await flushOutbox(client, guildId, settings, l.state, log, (kind) =>
    ctx.metrics?.alerts.inc({ event: kind }),
  );
  if (posted > 0) await saveState(ctx, guildId, robloxId, l);
  return posted;
}
