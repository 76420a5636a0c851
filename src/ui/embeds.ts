/**
 * Small pure embed builders. Every builder goes through `fitEmbed`, so Discord's limits hold
 * whatever the data (title 256, description 4096, 25 fields, field name 256 / value 1024,
 * footer 2048, author 256, total 6000).
 */
import { type APIEmbed, type APIEmbedField, EmbedBuilder } from "discord.js";
import type { Locale } from "../i18n/locales.js";
import { type MessageKey, t } from "../i18n/t.js";
import { discordTimestamp, escapeMarkdown, profileUrl, truncate } from "./format.js";

export const COLORS = {
  ok: 0x57f287,
  warn: 0xf0b232,
  alert: 0xed4245,
  info: 0x5865f2,
} as const;
/** An embed's colour, by what it tells (an access level is `Level` in src/permissions.ts). */
export type Tone = keyof typeof COLORS;

export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
} as const;

const EMPTY = "\u200b";

/** Text from Roblox (or typed by a member), escaped and cut to `max`. */
function md(s: string, max: number): string {
  return escapeMarkdown(s, { max });
}

/** Characters Discord counts towards the 6000 total. */
export function embedTextLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** A copy of `e` cut to Discord's limits: description first, then trailing fields, footer, title. */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.title === "") delete out.title;
  if (out.description === "") delete out.description;
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) || EMPTY };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) || EMPTY };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName) || EMPTY,
      value: truncate(f.value, LIMITS.fieldValue) || EMPTY,
    }));
  }
  let excess = embedTextLength(out) - LIMITS.total;
  if (excess > 0 && out.description) {
    out.description = truncate(out.description, Math.max(1, out.description.length - excess));
    excess = embedTextLength(out) - LIMITS.total;
  }
  while (excess > 0 && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
    excess = embedTextLength(out) - LIMITS.total;
  }
  if (excess > 0 && out.footer) {
    out.footer = {
      ...out.footer,
      text: truncate(out.footer.text, Math.max(1, out.footer.text.length - excess)),
    };
    excess = embedTextLength(out) - LIMITS.total;
  }
  if (excess > 0 && out.title) out.title = truncate(out.title, Math.max(1, out.title.length - excess));
  return out;
}

function build(e: APIEmbed): EmbedBuilder {
  return new EmbedBuilder(fitEmbed(e));
}

/** Red embed with one plain sentence. */
export function errorEmbed(message: string): EmbedBuilder {
  return build({ color: COLORS.alert, description: message || "—" });
}

/** Green embed: a title and an optional description. */
export function successEmbed(title: string, description?: string): EmbedBuilder {
  return build({ color: COLORS.ok, title, ...(description ? { description } : {}) });
}

/** Any tone: title and optional description. */
export function noticeEmbed(tone: Tone, title: string, description?: string): EmbedBuilder {
  return build({ color: COLORS[tone], title, ...(description ? { description } : {}) });
}

export type AccountHealth = "ok" | "expired" | "locked" | "unknown" | { tone: Tone; text: string };

const HEALTH: Record<Exclude<AccountHealth, object>, { tone: Tone; text: MessageKey }> = {
  ok: { tone: "ok", text: "ui.health.ok" },
  expired: { tone: "alert", text: "ui.health.expired" },
  locked: { tone: "warn", text: "ui.health.locked" },
  unknown: { tone: "info", text: "ui.health.unknown" },
};

export interface AccountEmbedInput {
  robloxId: string;
  name: string;
  displayName: string;
  avatarUrl?: string | null;
  label?: string | null;
  isDefault?: boolean;
  linkedAt?: Date | number | null;
  health?: AccountHealth;
}

function safeProfileUrl(id: string): string | undefined {
  try {
    return profileUrl(id);
  } catch {
    return undefined;
  }
}

/** A linked account: name, profile link, avatar, label, default flag, link time, health; words in `locale`. */
export function accountEmbed(a: AccountEmbedInput, locale: Locale): EmbedBuilder {
  const known = typeof a.health === "string" ? HEALTH[a.health] : undefined;
  const health = known
    ? { tone: known.tone, text: t(locale, known.text) }
    : (a.health as { tone: Tone; text: string } | undefined);
  const fields: APIEmbedField[] = [{ name: t(locale, "ui.field.robloxId"), value: a.robloxId, inline: true }];
  if (a.label) fields.push({ name: t(locale, "ui.field.label"), value: md(a.label, 200), inline: true });
  if (a.isDefault !== undefined)
    fields.push({
      name: t(locale, "ui.field.default"),
      value: t(locale, a.isDefault ? "ui.yes" : "ui.no"),
      inline: true,
    });
  if (a.linkedAt !== undefined && a.linkedAt !== null) {
    fields.push({
      name: t(locale, "ui.field.linked"),
      value: discordTimestamp(a.linkedAt, "R"),
      inline: true,
    });
  }
  if (health) fields.push({ name: t(locale, "ui.field.health"), value: health.text });
  const url = safeProfileUrl(a.robloxId);
  return build({
    color: COLORS[health?.tone ?? "info"],
    title: `${md(a.displayName, 120)} (@${md(a.name, 120)})`,
    ...(url ? { url } : {}),
    ...(a.avatarUrl ? { thumbnail: { url: a.avatarUrl } } : {}),
    fields,
  });
}

export interface ListUser {
  id: string;
  name: string;
  displayName: string;
  extra?: string | null;
  /** false when Roblox did not name the user: shown by id, without a handle. */
  known?: boolean;
}

export interface UserListInput {
  title: string;
  users: readonly ListUser[];
  /** 1-based page number, with the page count when known. */
  page?: number | { number: number; total?: number };
  footer?: string;
  /** Shown when `users` is empty. */
  empty?: string;
  color?: Tone;
  /** The language of the page footer and the "…and N more" line. */
  locale: Locale;
}

/** `**[Display](profile)** (@name) · extra`, with markdown neutralised. */
export function userLine(u: ListUser): string {
  // Brackets would end the masked link's text: drop them before escaping.
  const display = md((u.displayName || u.name).replace(/[[\]]/g, ""), 64);
  const name = md(u.name, 40);
  const url = safeProfileUrl(u.id);
  const head = url ? `**[${display || name}](${url})**` : `**${display}**`;
  const extra = u.extra ? ` · ${md(u.extra, 200)}` : "";
  return u.known === false ? `${head}${extra}` : `${head} (@${name})${extra}`;
}

function pageText(page: UserListInput["page"], locale: Locale): string | undefined {
  if (page === undefined) return undefined;
  const p = typeof page === "number" ? { number: page } : page;
  return p.total
    ? t(locale, "ui.pageOf", { page: p.number, total: p.total })
    : t(locale, "ui.page", { page: p.number });
}

/** A list of Roblox users, one line each, cut with "…and N more" when it would not fit. */
export function userListEmbed(input: UserListInput): EmbedBuilder {
  const lines: string[] = [];
  let used = 0;
  const budget = LIMITS.description - 40; // room for the "…and N more" line
  for (const [i, u] of input.users.entries()) {
    const line = userLine(u);
    if (used + line.length + 1 > budget) {
      lines.push(t(input.locale, "digest.more", { count: input.users.length - i }));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  const footer = [pageText(input.page, input.locale), input.footer].filter(Boolean).join(" · ");
  return build({
    color: COLORS[input.color ?? "info"],
    title: input.title,
    description: lines.length > 0 ? lines.join("\n") : (input.empty ?? t(input.locale, "ui.nobody")),
    ...(footer ? { footer: { text: footer } } : {}),
  });
}

export interface KeyValueField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A titled embed of name/value fields (an object or a list), at most 25. */
export function keyValueEmbed(
  title: string,
  fields: readonly KeyValueField[] | Readonly<Record<string, string>>,
  options: { color?: Tone; description?: string; footer?: string } = {},
): EmbedBuilder {
  const list: KeyValueField[] = Array.isArray(fields)
    ? [...(fields as readonly KeyValueField[])]
    : Object.entries(fields).map(([name, value]) => ({ name, value, inline: true }));
  return build({
    color: COLORS[options.color ?? "info"],
    title,
    ...(options.description ? { description: options.description } : {}),
    fields: list.map((f) => ({ name: f.name || EMPTY, value: f.value || "—", inline: f.inline ?? false })),
    ...(options.footer ? { footer: { text: options.footer } } : {}),
  });
}
