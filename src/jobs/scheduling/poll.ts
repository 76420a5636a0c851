/**
 * One poll of one account: restriction first (while restricted, nothing else is asked), then
 * presence and friend requests, and — each every 5th cycle, at different phases — trusted-
 * connection requests, the friends count (new connections) and screen time; the quiet-hours
 * digest when due.
 * A dead cookie costs no Roblox call: its alert is sent once and the account stays paused.
 * Each watcher failing alone is logged and leaves its state as it was; a 401 or "User is
 * moderated" ends the poll. Alerts go to the outbox, the state is saved, then the outbox is posted.
 */
import type { Client } from "discord.js";
import type { Context } from "../../context.js";
import { ModeratedError, UnauthenticatedError } from "../../roblox/index.js";
import type { GuildSettings } from "../../store/index.js";
import { watchConnections } from "../connections/connections-watcher.js";
import { diffCookie } from "../cookie/cookie-diff.js";
import { cookieAlert } from "../cookie/cookie-render.js";
import { enqueue, outboxShare } from "../delivery/outbox.js";
import { digestAlert } from "../presence/presence-render.js";
import { watchPresence } from "../presence/presence-watcher.js";
import { watchRequests, watchTrustedRequests } from "../requests/requests-watcher.js";
import { watchRestrictions } from "../restrictions/restrictions-watcher.js";
import { watchScreenTime } from "../screentime/screentime-watcher.js";
import type { OutMessage } from "../state.js";
import { deliver, loadState } from "./persist.js";
import { alertLocale, avatarOf, gamesOf, type PollInput, peopleOf } from "./poll-input.js";
import { diffDigest } from "./quiet.js";
import type { PollInfo, Target } from "./scheduler.js";

export interface PollDeps {
  ctx: Context;
  client: Client;
  /** Time budget of one poll's Roblox calls (ms). */
  budgetMs: number;
  /**
   * The guild's settings as the roster last read them; undefined (→ read from the store) for a
   * guild changed in this process whose re-read has not finished (see scheduling/roster.ts).
   */
  settingsOf?: (guildId: string) => GuildSettings | undefined;
  /** How many accounts the guild has (its alerts waiting are bounded per guild: delivery/outbox.ts). */
  accountsOf?: (guildId: string) => number | undefined;
}

/** The budget of one poll: most of the interval, within 5–30 s. */
export function pollBudget(intervalMs: number): number {
  return Math.min(30_000, Math.max(5_000, Math.floor(intervalMs * 0.8)));
}

const ends = (err: unknown) => err instanceof UnauthenticatedError || err instanceof ModeratedError;

async function runWatchers(w: PollInput, out: OutMessage[]): Promise<void> {
  try {
    const r = await watchRestrictions(w);
    out.push(...r.messages);
    if (r.locked) return;
  } catch (err) {
    if (ends(err)) return;
    w.log.warn({ err }, "jobs: restriction check failed");
  }
  const steps: [string, (w: PollInput) => Promise<OutMessage[]>][] = [
    ["presence", watchPresence],
    ["friend-requests", watchRequests],
    ["trusted-requests", watchTrustedRequests],
    ["connections", watchConnections],
    ["screentime", watchScreenTime],
  ];
  for (const [name, step] of steps) {
    try {
      out.push(...(await step(w)));
    } catch (err) {
      if (ends(err)) return;
      w.log.warn({ err, watcher: name }, "jobs: a check failed; its state is kept for next time");
    }
  }
}

export async function pollAccount(deps: PollDeps, target: Target, info: PollInfo): Promise<void> {
  const { ctx, client } = deps;
  const { guildId, robloxId } = target;
  const log = ctx.logger.child({ guildId, robloxId });
  const account = await ctx.store.accounts.row(guildId, robloxId);
  if (!account) return;
  const settings = deps.settingsOf?.(guildId) ?? (await ctx.store.settings.get(guildId));
  const channelId = settings.alertChannelId;
  if (!channelId) return;
  const now = ctx.now();
  const loaded = await loadState(ctx, guildId, robloxId, channelId);
  const { state } = loaded;
  const call = { deadline: now + deps.budgetMs, signal: info.signal };
  const out: OutMessage[] = [];
  const locale = alertLocale(client, guildId, settings);

  const cookie = diffCookie(state.cookie, account.health, settings, now);
  if (cookie.state) state.cookie = cookie.state;
  else delete state.cookie;
  if (cookie.alert) {
    out.push(
      cookieAlert(account, account.health.since, await avatarOf({ ctx, call }, robloxId), now, locale),
    );
    log.info("jobs: cookie-health alert queued; polling of this account is paused until it is linked again");
  }

  if (account.health.state !== "dead") {
    const session = await ctx.sessions.get(account);
    const w: PollInput = {
      ctx,
      account,
      settings,
      session,
      call,
      now,
      state,
      cycle: info.cycle,
      locale,
      log,
    };
    await runWatchers(w, out);
  }

  const digest = diffDigest(state.held, settings, now);
  state.held = digest.held;
  if (digest.digest) {
    const w = { ctx, call, log };
    const names = await peopleOf(w, [...new Set(digest.digest.map((c) => c.userId))]);
    const games = await gamesOf(w, digest.digest);
    out.push(digestAlert(account, digest.digest, names, await avatarOf(w, robloxId), now, games, locale));
  }

  if (loaded.baseline && out.length > 0) {
    // The first poll (after linking, or after the channel was set) records a baseline silently;
    // only a dead cookie is told even then.
    const keep = out.filter((m) => m.kind === "cookie-health");
    out.length = 0;
    out.push(...keep);
  }
  enqueue(state, out, log, outboxShare(deps.accountsOf?.(guildId) ?? 1));
  const posted = await deliver(ctx, client, guildId, robloxId, settings, loaded, log);
  if (posted > 0) log.debug({ posted }, "jobs: alerts posted");
}
