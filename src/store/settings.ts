/**
 * Guild settings (defaults: every event on except daily-summary, summary at 20:00,
 * no quiet hours, zone TZ_DEFAULT, no language chosen). Stored rows are validated field by field: a missing or
 * invalid field falls back to its default (logged), so an old or damaged row never blocks a guild.
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import { ALERT_EVENTS, type AlertEventName, defaultEvents } from "../domain/alert-events.js";
import { LOCALES } from "../i18n/locales.js";
import type { Logger } from "../logger.js";
import { checkId, ID, K } from "./keys.js";
import type { KeyedLock } from "./lock.js";
import { Recent } from "./recent.js";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, "must be HH:MM (00:00–23:59)");

// Every settings read validates the zone; building an Intl.DateTimeFormat each time was the
// hottest function of a 10,000-account poll run (bench/experiments.ts "tz-memo").
const zoneValidity = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let ok = true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    ok = false;
  }
  if (zoneValidity.size < 1000) zoneValidity.set(zone, ok);
  return ok;
}

const eventsSchema = z.object(
  Object.fromEntries(ALERT_EVENTS.map((e) => [e, z.boolean()])) as Record<AlertEventName, z.ZodBoolean>,
);

export const settingsSchema = z.object({
  alertChannelId: z.string().regex(ID).optional(),
  events: eventsSchema,
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone"),
  summaryTime: hhmm,
  mentionRoleId: z.string().regex(ID).optional(),
  accessRoles: z.record(z.string().regex(ID), z.enum(["viewer", "manager"])),
  watch: z.record(z.string().regex(ID), z.array(z.string().regex(ID))),
  /** The language of alerts and digests; unset: the guild's preferred locale (i18n/locales.ts guildLocale). */
  language: z.enum(LOCALES).optional(),
});
export type GuildSettings = z.infer<typeof settingsSchema>;

export type SettingsPatch = Partial<Omit<GuildSettings, "events">> & {
  events?: Partial<GuildSettings["events"]>;
};

export function defaultSettings(timeZone: string): GuildSettings {
  return {
    events: defaultEvents(),
    quietHours: null,
    timeZone,
    summaryTime: "20:00",
    accessRoles: {},
    watch: {},
  };
}

/** Lenient read: every valid stored field wins over its default; invalid ones are reported. */
export function parseStoredSettings(
  raw: unknown,
  defaultTimeZone: string,
): { settings: GuildSettings; invalid: string[] } {
  const base = defaultSettings(defaultTimeZone);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return { settings: base, invalid: ["(row)"] };
  const row = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  const invalid: string[] = [];
  for (const [field, schema] of Object.entries(settingsSchema.shape)) {
    if (!(field in row) || row[field] === undefined) continue;
    const value =
      field === "events" && row.events && typeof row.events === "object"
        ? { ...base.events, ...(row.events as object) }
        : row[field];
    const r = (schema as z.ZodType).safeParse(value);
    if (r.success) out[field] = r.data;
    else invalid.push(field);
  }
  return { settings: out as GuildSettings, invalid };
}

export function applyPatch(s: GuildSettings, patch: SettingsPatch): GuildSettings {
  const { events, ...rest } = patch;
  const next: GuildSettings = { ...s, ...rest, events: { ...s.events, ...(events ?? {}) } };
  // `{ alertChannelId: undefined }` clears the field.
  for (const k of ["alertChannelId", "mentionRoleId", "language"] as const)
    if (next[k] === undefined) delete next[k];
  return next;
}

export type Settings = ReturnType<typeof createSettings>;

export function createSettings(deps: {
  keyv: Keyv;
  lock: KeyedLock;
  logger: Logger;
  defaultTimeZone: string;
  /** Called after the guild's settings were written or removed. */
  changed?: (guildId: string) => Promise<void>;
  /** What display reads may use instead of a store read (recent.ts; default: a private one). */
  recent?: Recent;
}) {
  const { keyv, lock, logger, defaultTimeZone, changed = async () => {}, recent = new Recent() } = deps;

  /** The stored settings, undefined when the guild has none. */
  async function load(guildId: string): Promise<GuildSettings | undefined> {
    const raw = await keyv.get(K.settings(guildId));
    if (raw === undefined) return undefined;
    const { settings, invalid } = parseStoredSettings(raw, defaultTimeZone);
    if (invalid.length > 0) {
      logger.warn(
        { key: K.settings(guildId), invalid },
        "store: invalid settings fields, using defaults for them",
      );
    }
    return settings;
  }

  async function get(guildId: string): Promise<GuildSettings> {
    return (await load(guildId)) ?? defaultSettings(defaultTimeZone);
  }

  /**
   * For display only (never to change and write back): this process's last read or write of the
   * guild's settings when recent.ts says it is fresh, else one store read.
   */
  async function getForDisplay(guildId: string): Promise<GuildSettings> {
    const key = K.settings(guildId);
    const hit = recent.peek<GuildSettings>(guildId, key);
    if (hit) return hit.value ?? defaultSettings(defaultTimeZone);
    const token = recent.token();
    const settings = await load(guildId);
    recent.filled(guildId, key, settings, token);
    return settings ?? defaultSettings(defaultTimeZone);
  }

  /** Applies a patch or a function under the guild's lock; the result is validated before it is written. */
  async function update(
    guildId: string,
    change: SettingsPatch | ((s: GuildSettings) => GuildSettings),
  ): Promise<GuildSettings> {
    checkId(guildId, "guildId");
    const result = await lock.run(K.settings(guildId), async () => {
      const current = await get(guildId);
      const next = typeof change === "function" ? change(current) : applyPatch(current, change);
      const r = settingsSchema.safeParse(next);
      if (!r.success) {
        const issue = r.error.issues[0];
        throw new TypeError(
          `invalid settings: ${issue?.path.join(".") || "value"} ${issue?.message ?? ""}`.trim(),
        );
      }
      await keyv.set(K.settings(guildId), r.data);
      recent.wrote(guildId, K.settings(guildId), r.data);
      return r.data;
    });
    await changed(guildId);
    return result;
  }

  async function remove(guildId: string): Promise<boolean> {
    const existed = await lock.run(K.settings(guildId), async () => {
      const existed = await keyv.delete(K.settings(guildId));
      recent.wrote(guildId, K.settings(guildId), undefined);
      return existed;
    });
    await changed(guildId);
    return existed;
  }

  return { get, getForDisplay, update, remove };
}
