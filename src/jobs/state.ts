/**
 * The watchers' memory of one linked account (store: alert-state per guild and account).
 * Each part is optional: an absent part means "no baseline yet", and the next reading of that
 * kind is recorded silently. Alerts waiting to be posted live in `outbox`, so an alert that
 * cannot be posted is retried next interval and a restart sends nothing twice.
 */
import { z } from "zod";
import { LOCALES } from "../i18n/locales.js";

export const snapSchema = z.object({
  /** Presence type: 0 offline, 1 online, 2 in game, 3 in Studio (invisible is kept as offline). */
  t: z.number().int(),
  /** Experience name from lastLocation; null when Roblox hides it. */
  loc: z.string().nullable(),
  /** Universe/place id as text, when Roblox tells it. */
  exp: z.string().nullable(),
  /** Universe id as text, for naming the experience when `loc` is hidden. */
  u: z.string().nullable().optional(),
  /** In game with the place hidden (joins off). */
  off: z.boolean().optional(),
});
export type Snap = z.infer<typeof snapSchema>;

export const watchedSchema = z.object({ shown: snapSchema, pending: snapSchema.optional() });
export type WatchedState = z.infer<typeof watchedSchema>;
export const presenceStateSchema = z.record(z.string(), watchedSchema);
export type PresenceState = z.infer<typeof presenceStateSchema>;

export const changeSchema = z.object({
  userId: z.string(),
  from: snapSchema,
  to: snapSchema,
  at: z.number(),
});
export type PresenceChange = z.infer<typeof changeSchema>;

export const requestsStateSchema = z.object({
  /** [requester id, sentAt] of requests already seen, newest first (bounded). */
  seen: z.array(z.tuple([z.string(), z.string().nullable()])),
});
export type RequestsState = z.infer<typeof requestsStateSchema>;

export const connectionsStateSchema = z.object({
  /** When the friends were last read (epoch ms). */
  at: z.number(),
  /** my/friends/count at that reading. */
  count: z.number().int(),
  /** The account's friends (connections) at that reading. */
  ids: z.array(z.string()),
});
export type ConnectionsState = z.infer<typeof connectionsStateSchema>;

export const activeRestrictionSchema = z.object({
  source: z.number().int(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export type ActiveRestriction = z.infer<typeof activeRestrictionSchema>;
export const restrictionStateSchema = z.object({
  active: activeRestrictionSchema.nullable(),
  /** Until then, screen-time thresholds are folded into the lock alert already sent (epoch ms). */
  foldUntil: z.number().optional(),
});
export type RestrictionState = z.infer<typeof restrictionStateSchema>;

export const screenStateSchema = z.object({
  /** Roblox's localDayOfWeek of the last reading with a limit; null before the first one. */
  dow: z.number().int().nullable(),
  /** When that reading was taken (epoch ms). */
  at: z.number(),
  minutes: z.number().nullable(),
  limit: z.number(),
  /** Thresholds (percent) already alerted (or passed silently) on that Roblox day. */
  sent: z.array(z.number()),
});
export type ScreenState = z.infer<typeof screenStateSchema>;

export const chartSchema = z.object({
  days: z.array(z.object({ daysAgo: z.number(), minutes: z.number() })),
  localDayOfWeek: z.number().int(),
  limitMinutes: z.number().nullable(),
  title: z.string().optional(),
  /** The labels' language (the guild's); absent: en-US. */
  locale: z.enum(LOCALES).optional(),
});

export const outMessageSchema = z.object({
  /** Unique, ≤ 25 chars: also the Discord message nonce (a retried post is not doubled). */
  id: z.string().max(25),
  kind: z.string(),
  at: z.number(),
  embeds: z.array(z.record(z.string(), z.unknown())),
  components: z.array(z.record(z.string(), z.unknown())),
  chart: chartSchema.optional(),
});
export type OutMessage = z.infer<typeof outMessageSchema>;

export const accountStateSchema = z.object({
  v: z.literal(1),
  /** The alert channel this baseline was taken for: a new channel means a new baseline. */
  channelId: z.string(),
  presence: presenceStateSchema.optional(),
  requests: requestsStateSchema.optional(),
  /** Trusted-connection requests already seen (listed apart by Roblox). */
  trusted: requestsStateSchema.optional(),
  connections: connectionsStateSchema.optional(),
  restriction: restrictionStateSchema.optional(),
  screen: screenStateSchema.optional(),
  /** health.since of the dead cookie already alerted. */
  cookie: z.object({ alertedSince: z.string() }).optional(),
  /** Presence changes held back by quiet hours (delivered as one digest when they end). */
  held: z.array(changeSchema),
  /** Local date (guild zone) of the last daily summary. */
  summaryDate: z.string().optional(),
  outbox: z.array(outMessageSchema),
  /**
   * Owned by the Accept/Decline handlers (src/domain/handled-requests.ts): kept as stored,
   * never written from a watcher's copy (see saveState).
   */
  handledRequests: z.record(z.string(), z.unknown()).optional(),
});
export type AccountState = z.infer<typeof accountStateSchema>;

/** Most alerts kept waiting for a channel that does not take them (oldest dropped, logged). */
export const OUTBOX_MAX = 50;
/** Most presence changes held for one digest. */
export const HELD_MAX = 200;

export function freshState(channelId: string, outbox: OutMessage[] = []): AccountState {
  return { v: 1, channelId, held: [], outbox };
}
