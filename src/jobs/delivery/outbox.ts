/**
 * Posting alerts with the discord.js client (`channel.send`). Alerts wait in the account's state
 * (outbox) until Discord took them: one that cannot be posted is logged and retried next interval,
 * in order, never dropped (beyond the account's share of its guild's bound, the oldest goes,
 * logged). The message nonce is the
 * alert's id with enforce_nonce, so a post retried after a crash is not doubled by Discord.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  AttachmentBuilder,
  type Client,
} from "discord.js";
import type { Logger } from "../../logger.js";
import type { GuildSettings } from "../../store/index.js";
import { renderWeeklyChart } from "../../ui/chart.js";
import { type AccountState, OUTBOX_MAX, type OutMessage } from "../state.js";

export const CHART_FILE = "weekly.png";

/**
 * Alerts one guild may have waiting across all its accounts (a guild whose channel stopped taking
 * posts must not grow the store and every poll without bound, whatever its number of accounts).
 */
export const GUILD_OUTBOX_MAX = 100;
/** Each account keeps at least this many waiting, however many accounts its guild has. */
export const OUTBOX_MIN = 5;

/** How many alerts one account may keep waiting when its guild has `accounts` accounts. */
export function outboxShare(accounts: number): number {
  const n = Math.max(1, Math.floor(accounts));
  return Math.max(OUTBOX_MIN, Math.min(OUTBOX_MAX, Math.floor(GUILD_OUTBOX_MAX / n)));
}

/** Adds alerts to the outbox, keeping the newest `max` (default: a one-account guild's share). */
export function enqueue(
  state: AccountState,
  messages: readonly OutMessage[],
  log: Logger,
  max: number = outboxShare(1),
): void {
  if (messages.length === 0 && state.outbox.length <= max) return;
  const all = [...state.outbox, ...messages];
  if (all.length > max) {
    const dropped = all.splice(0, all.length - max);
    log.warn(
      { dropped: dropped.map((m) => m.kind) },
      "jobs: too many alerts waiting to be posted; dropped the oldest",
    );
  }
  state.outbox = all;
}

/** A short, secret-free description of a Discord error. */
export function describeDiscordError(err: unknown): { message: string; code?: unknown; status?: unknown } {
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; status?: unknown };
    return { message: e.message.slice(0, 200), code: e.code, status: e.status };
  }
  return { message: String(err).slice(0, 200) };
}

export async function postAlert(
  client: Client,
  guildId: string,
  settings: Pick<GuildSettings, "alertChannelId" | "mentionRoleId">,
  m: OutMessage,
): Promise<void> {
  const channelId = settings.alertChannelId;
  if (!channelId) throw new Error("no alert channel is set");
  const channel = client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId));
  if (!channel || channel.isDMBased() || channel.guildId !== guildId || !channel.isSendable()) {
    throw new Error(`alert channel ${channelId} is not a text channel of guild ${guildId}`);
  }
  const role = settings.mentionRoleId;
  const files = m.chart ? [new AttachmentBuilder(renderWeeklyChart(m.chart), { name: CHART_FILE })] : [];
  await channel.send({
    ...(role ? { content: `<@&${role}>` } : {}),
    embeds: m.embeds as APIEmbed[],
    components: m.components as unknown as APIActionRowComponent<APIComponentInMessageActionRow>[],
    files,
    allowedMentions: role ? { roles: [role] } : { parse: [] },
    nonce: m.id,
    enforceNonce: true,
  });
}

/**
 * Posts the outbox in order until one post fails. Returns how many were posted; the state's
 * outbox keeps the rest.
 */
export async function flushOutbox(
  client: Client,
  guildId: string,
  settings: Pick<GuildSettings, "alertChannelId" | "mentionRoleId">,
  state: AccountState,
  log: Logger,
  onPosted?: (kind: string) => void,
): Promise<number> {
  let posted = 0;
  while (state.outbox.length > 0) {
    const m = state.outbox[0] as OutMessage;
    try {
      await postAlert(client, guildId, settings, m);
    } catch (err) {
      log.warn(
        { err: describeDiscordError(err), alert: m.kind, alertId: m.id, waiting: state.outbox.length },
        "jobs: could not post an alert; it stays queued and is retried next interval",
      );
      break;
    }
    state.outbox = state.outbox.slice(1);
    posted++;
    onPosted?.(m.kind);
  }
  return posted;
}
