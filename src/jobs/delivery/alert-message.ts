/**
 * What every alert's message shares (pure: data in, JSON out). Every alert carries an avatar, a
 * Discord timestamp (<t:…:R>) and, where an action fits, buttons; it is stored in the outbox as
 * JSON and posted by outbox.ts (which adds the role mention). Each watcher renders its own alerts
 * beside it (`<watcher>/<watcher>-render.ts`) with these helpers.
 */
import { randomBytes } from "node:crypto";
import type { APIEmbed } from "discord.js";
import type { AccountRecord } from "../../store/index.js";
import type { ButtonRow } from "../../ui/buttons.js";
import { COLORS, fitEmbed, type Level } from "../../ui/embeds.js";
import { accountAge, discordTimestamp, escapeMarkdown, truncate } from "../../ui/format.js";
import type { OutMessage } from "../state.js";

export type AccountInfo = Pick<AccountRecord, "robloxId" | "robloxName" | "displayName" | "label">;

export const md = (s: string, max = 100): string => escapeMarkdown(s, { max });

export function alertId(now: number): string {
  return `rg${now.toString(36)}${randomBytes(6).toString("hex")}`.slice(0, 25);
}

export function footerOf(a: AccountInfo): { text: string } {
  const label = a.label ? ` · ${a.label}` : "";
  return { text: truncate(`Roblox account ${a.robloxName}${label}`, 200) };
}

export function message(
  kind: string,
  now: number,
  embed: APIEmbed & { level?: Level },
  rows: ButtonRow[] = [],
  chart?: OutMessage["chart"],
): OutMessage {
  const { level, ...rest } = embed;
  const e = fitEmbed({ color: COLORS[level ?? "info"], timestamp: new Date(now).toISOString(), ...rest });
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

/** "3 years (since <t:…:D>)", or "unknown". */
export function ageText(created: number | null, now: number): string {
  return created === null
    ? "unknown"
    : `${accountAge(new Date(created), new Date(now))} (since ${discordTimestamp(created, "D")})`;
}
