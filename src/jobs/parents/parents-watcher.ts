/**
 * The `parent-requests` alert: every interval, each guild's linked parent accounts are asked for
 * their children's pending consent requests; a request not seen before is posted once, with
 * Approve/Deny (src/components/parent-buttons.ts). The first reading after linking (or after the
 * alert channel changed) is a baseline: requests pending then are not alerted (they are in
 * `/parent requests`). State lives in the parent link's own memory (store.parents.state), beside
 * the buttons' `handledConsents` (src/domain/parents.ts), which a poll never overwrites.
 */
import type { Client } from "discord.js";
import type { Context } from "../../context.js";
import { parentSession, pendingCards } from "../../domain/parents.js";
import type { Logger } from "../../logger.js";
import { UnauthenticatedError } from "../../roblox/index.js";
import type { GuildSettings, StoredParent } from "../../store/index.js";
import { consentMessage } from "../../ui/parent.js";
import { describeDiscordError, postAlert } from "../delivery/outbox.js";
import { alertLocale } from "../scheduling/poll-input.js";
import { consentNonce, diffConsents, nextSeen, type ParentState, parentStateSchema } from "./parents-diff.js";

export const PARENT_STATE_KEY = "parentRequests";
async function readState(ctx: Context, guildId: string, parentId: string): Promise<ParentState | undefined> {
  const row = await ctx.store.parents.state(guildId, parentId);
  const r = parentStateSchema.safeParse(row[PARENT_STATE_KEY]);
  return r.success ? r.data : undefined;
}

async function writeState(ctx: Context, guildId: string, parentId: string, s: ParentState): Promise<void> {
  // only our key changes: the buttons' handledConsents beside it is kept as stored
  await ctx.store.parents.updateState(guildId, parentId, (raw) => ({ ...raw, [PARENT_STATE_KEY]: s }));
}

/** The parent link with the children Roblox lists now (stored when they changed). */
async function refreshed(
  ctx: Context,
  parent: StoredParent,
  session: Awaited<ReturnType<typeof parentSession>>,
  call: { deadline: number; signal?: AbortSignal },
): Promise<StoredParent> {
  const listed = await ctx.roblox.parent.children(session, call);
  const children = listed.map((c) => ({
    userId: String(c.userId),
    ...(c.name === undefined ? {} : { name: c.name }),
    ...(c.displayName === undefined ? {} : { displayName: c.displayName }),
  }));
  if (JSON.stringify(children) === JSON.stringify(parent.children)) return parent;
  return (await ctx.store.parents.setChildren(parent.guildId, parent.robloxId, children)) ?? parent;
}

/** Rounds between two readings of a parent's children (a child linked later is picked up). */
export const CHILDREN_EVERY = 10;

/** One parent link: read, diff, post the new requests in order, remember what was posted. */
export async function pollParent(
  ctx: Context,
  client: Client,
  settings: GuildSettings,
  parent: StoredParent,
  call: { deadline: number; signal?: AbortSignal },
  log: Logger,
  refreshChildren = false,
): Promise<number> {
  const channelId = settings.alertChannelId;
  if (!channelId || parent.health.state === "dead") return 0;
  const { guildId, robloxId } = parent;
  const session = await parentSession(ctx, parent);
  if (refreshChildren) parent = await refreshed(ctx, parent, session, call);
  const locale = alertLocale(client, guildId, settings);
  const cards = await pendingCards({ ...ctx, guildId, call }, parent, session, locale);
  const pending = cards.map((c) => c.consent.id);
  const state = await readState(ctx, guildId, robloxId);
  const { fresh, baseline } = diffConsents(state, channelId, pending);
  if (baseline || !settings.events["parent-requests"]) {
    await writeState(ctx, guildId, robloxId, { channelId, seen: nextSeen(pending, [], pending) });
    return 0;
  }
  const posted: string[] = [];
  const now = ctx.now();
  for (const c of cards) {
    if (!fresh.includes(c.consent.id)) continue;
    const avatar = await ctx.lookups.avatar(c.card.childId, call).catch(() => null);
    const m = consentMessage({ ...c.card, avatarUrl: avatar }, now, locale);
    try {
      await postAlert(client, guildId, settings, {
        id: consentNonce(robloxId, c.consent.id),
        kind: "parent-request",
        at: now,
        embeds: m.embeds as Record<string, unknown>[],
        components: m.components.map((r) => r.toJSON() as unknown as Record<string, unknown>),
      });
    } catch (err) {
      log.warn(
        { err: describeDiscordError(err) },
        "jobs: could not post a parent-request alert; retried next interval",
      );
      break;
    }
    posted.push(c.consent.id);
    ctx.metrics?.alerts.inc({ event: "parent-request" });
  }
  await writeState(ctx, guildId, robloxId, { channelId, seen: nextSeen(pending, state?.seen ?? [], posted) });
  return posted.length;
}

/** One round over every guild with a parent link and an alert channel. */
export async function pollParents(
  ctx: Context,
  client: Client,
  budgetMs: number,
  signal?: AbortSignal,
  round = 0,
): Promise<void> {
  for (const guildId of await ctx.store.parents.guildIds()) {
    if (signal?.aborted) return;
    // this process's guilds only (with shards, each guild is polled by the shard that holds it)
    if (!client.guilds.cache.has(guildId)) continue;
    const settings = await ctx.store.settings.get(guildId);
    if (!settings.alertChannelId) continue;
    for (const parent of await ctx.store.parents.list(guildId)) {
      const log = ctx.logger.child({ guildId, parentId: parent.robloxId });
      const call = { deadline: ctx.now() + budgetMs, ...(signal ? { signal } : {}) };
      try {
        await pollParent(ctx, client, settings, parent, call, log, round % CHILDREN_EVERY === 0);
      } catch (err) {
        if (err instanceof UnauthenticatedError) continue; // marked dead by its session
        log.warn({ err }, "jobs: parent-request check failed; its state is kept for next time");
      }
    }
  }
}

/** A plain timer (one round at a time); stop() waits for the round in flight. */
export function startParentJob(ctx: Context, client: Client, intervalMs: number, budgetMs: number) {
  const abort = new AbortController();
  let running: Promise<void> | undefined;
  let round = 0;
  const tick = () => {
    if (running || abort.signal.aborted) return;
    running = pollParents(ctx, client, budgetMs, abort.signal, round++)
      .catch((err: unknown) => ctx.logger.error({ err }, "jobs: parent-request round failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const first = setTimeout(tick, Math.min(intervalMs, 2_000));
  first.unref();
  return {
    async stop(graceMs = 5_000) {
      clearInterval(timer);
      clearTimeout(first);
      const inFlight = running;
      if (inFlight) await Promise.race([inFlight, new Promise((r) => setTimeout(r, graceMs))]);
      abort.abort();
    },
  };
}
