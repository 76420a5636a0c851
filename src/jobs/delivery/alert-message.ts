/**
 * What every alert's message shares (pure: data in, JSON out). Every alert carries an avatar, a
 * Discord timestamp (<t:…:R>) and, where an action fits, buttons; it is stored in the outbox as
 * JSON and posted by outbox.ts (which adds the role mention). Each watcher renders its own alerts
 * beside it (`<watcher>/<watcher>-render.ts`) with these helpers.
 */
import { randomBytes } from "node:crypto";
import type { APIEmbed } from "discord.js";
import { accountAgeText } from "../../domain/people.js";
import type { Locale } from "../../i18n/locales.js";
import { type MessageKey, md as markdown, t } from "../../i18n/t.js";
import type { AccountRecord } from "../../store/index.js";
import type { ButtonRow } from "../../ui/buttons.js";
import { COLORS, fitEmbed, type Tone } from "../../ui/embeds.js";
import { discordTimestamp, escapeMarkdown, truncate } from "../../ui/format.js";
import type { OutMessage } from "../state.js";

export type AccountInfo = Pick<AccountRecord, "robloxId" | "robloxName" | "displayName" | "label">;

export const md = (s: string, max = 100): string => escapeMarkdown(s, { max });

export function alertId(now: number): string {
  return `rg${now.toString(36)}${randomBytes(6).toString("hex")}`.slice(0, 25);
}

/**
 * An alert's sentence in the guild's locale. Every string value is text roguard already made safe
 * (escaped with `md`, a Discord timestamp, a person's markdown) or plain text for a field that
 * renders none (a footer), so it is passed as it is; numbers choose plurals.
 */
export function say(
  locale: Locale,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const v: Record<string, ReturnType<typeof markdown> | number> = {};
  for (const [name, value] of Object.entries(values))
    v[name] = typeof value === "number" ? value : markdown(value);
  return t(locale, key, v);
}

export function footerOf(a: AccountInfo, locale: Locale = "en-US"): { text: string } {
  const text = a.label
    ? say(locale, "alert.footerLabel", { name: a.robloxName, label: a.label })
    : say(locale, "alert.footer", { name: a.robloxName });
  return { text: truncate(text, 200) };
}

export function message(
  kind: string,
  now: number,
  embed: APIEmbed & { tone?: Tone },
  rows: ButtonRow[] = [],
  chart?: OutMessage["chart"],
): OutMessage {
  const { tone, ...rest } = embed;
  const e = fitEmbed({ color: COLORS[tone ?? "info"], timestamp: new Date(now).toISOString(), ...rest });
  return {
    id: alertId(now),
    kind,
    at: now,
    embeds: [e as Record<string, unknown>],
    components: rows.map((r) => r.toJSON() as unknown as Record<string, unknown>),
    ...(chart ? { chart } : {}),
  };
}

/** An embed's thumbnail, when there is an avatar. */
export const thumb = (url: string | null | undefined) => (url ? { thumbnail: { url } } : {});

/** "3 years (since <t:…:D>)", or "unknown" (in the locale). */
export function ageText(created: number | null, now: number, locale: Locale = "en-US"): string {
  return created === null
    ? say(locale, "common.unknown")
    : say(locale, "age.value", {
        age: accountAgeText(locale, new Date(created), new Date(now)),
        date: discordTimestamp(created, "D"),
      });
}
