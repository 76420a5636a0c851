/**
 * The daily summary of one account, at summary-time in the guild's zone: today's minutes against
 * the limit, pending friend requests, the restriction; on Sundays the weekly chart. Sent at most
 * once per local date (state.summaryDate), through the outbox like every alert.
 */
import type { Client } from "discord.js";
import type { Context } from "../../context.js";
import { localTime } from "../../domain/zone.js";
import { UnauthenticatedError } from "../../roblox/index.js";
import { enqueue } from "../delivery/outbox.js";
import { deliver, loadState } from "../scheduling/persist.js";
import { alertLocale, avatarOf } from "../scheduling/poll-input.js";
import type { Target } from "../scheduling/scheduler.js";
import { type SummaryData, summaryAlert } from "./summary-render.js";

/** Reads what the summary needs; a failing part is left unknown, a 401 stops it. */
async function fetchSummary(
  ctx: Context,
  account: { robloxId: string },
  session: Awaited<ReturnType<Context["sessions"]["get"]>>,
  call: { deadline: number; signal: AbortSignal },
): Promise<SummaryData> {
  const part = async <T>(f: () => Promise<T>): Promise<T | null> => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      return null;
    }
  };
  const r = await part(() => ctx.roblox.moderation.restriction(session, call));
  const restriction = r ? { source: r.source, start: r.startTime ?? null, end: r.endTime ?? null } : null;
  if (restriction) return { restriction, limit: null, days: null, localDayOfWeek: null, pending: null };
  const limit = await part(() => ctx.roblox.settings.dailyLimit(session, call));
  const weekly = await part(() => ctx.roblox.parental.weekly(session, account.robloxId, call));
  const pending = await part(() => ctx.roblox.requests.pendingCount(session, call));
  return {
    restriction: null,
    limit,
    days: weekly?.days ?? null,
    localDayOfWeek: weekly?.localDayOfWeek ?? null,
    pending,
  };
}

/** Posts the account's summary unless today's was already sent (or the account is paused). */
export async function runSummary(
  deps: { ctx: Context; client: Client; budgetMs: number },
  target: Target,
  signal: AbortSignal,
): Promise<void> {
  const { ctx, client } = deps;
  const { guildId, robloxId } = target;
  const log = ctx.logger.child({ guildId, robloxId });
  const settings = await ctx.store.settings.get(guildId);
  const account = await ctx.store.accounts.get(guildId, robloxId);
  if (!account || account.health.state === "dead" || !settings.alertChannelId) return;
  if (!settings.events["daily-summary"]) return;
  const now = ctx.now();
  const local = localTime(now, settings.timeZone);
  const loaded = await loadState(ctx, guildId, robloxId, settings.alertChannelId);
  if (loaded.state.summaryDate === local.date) return;
  const call = { deadline: now + deps.budgetMs, signal };
  const session = await ctx.sessions.get(account);
  const data = await fetchSummary(ctx, account, session, call);
  const avatar = await avatarOf({ ctx, call }, robloxId);
  loaded.state.summaryDate = local.date;
  const locale = alertLocale(client, guildId, settings);
  enqueue(loaded.state, [summaryAlert(account, data, local.weekday === 0, avatar, now, locale)], log);
  await deliver(ctx, client, guildId, robloxId, settings, loaded, log);
}
