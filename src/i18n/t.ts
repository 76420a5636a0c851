/**
 * Messages in ICU MessageFormat (intl-messageformat): plurals, numbers and selects follow each locale's
 * rules. Values are escaped for Discord's markdown unless the caller marks them as markdown it built
 * itself (`md(personMd(…))`), so a name from Roblox can never turn into a link or a mention.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { escapeMarkdown } from "../ui/format.js";
import { CATALOGS } from "./catalog.js";
import type { enUS } from "./locales/en-US.js";
import { type Locale, SOURCE_LOCALE } from "./locales.js";

export type MessageKey = keyof typeof enUS.messages;

/** Markdown built by roguard's own builders (already escaped), passed through as is. */
export class Markdown {
  constructor(readonly text: string) {}
}
export const md = (text: string): Markdown => new Markdown(text);

export type MessageValue = string | number | Date | Markdown;

const compiled = new Map<string, IntlMessageFormat>();

/** A slash-command mention in a message: `/roblox link`, (/restrictions), "see /alerts show". */
const MENTION = /(^|[\s`(“"'])\/([a-z][a-z-]*(?: [a-z][a-z-]*)*)/g;

/**
 * A message's command mentions with the locale's command names (`/roblox link` → `/roblox vincular` in
 * pt-BR), so a reply names the command as the member's Discord shows it. Translators write the English
 * mention; the words after the command that are not command or subcommand names are left alone.
 */
export function localizeMentions(locale: Locale, message: string): string {
  if (locale === SOURCE_LOCALE) return message;
  const names = CATALOGS[locale].commands.names as Readonly<Record<string, string>>;
  return message.replace(MENTION, (all, before: string, path: string) => {
    const words = path.split(" ");
    let n = 0;
    while (n < words.length && Object.hasOwn(names, words[n] as string)) n++;
    if (n === 0) return all;
    const localized = words.map((w, i) => (i < n ? (names[w] as string) : w));
    return `${before}/${localized.join(" ")}`;
  });
}

/** Formats an ICU message in a locale; string values are escaped, `md(…)` values pass as they are. */
export function formatMessage(
  locale: Locale,
  message: string,
  values: Readonly<Record<string, MessageValue>> = {},
): string {
  const id = `${locale}\u0000${message}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(id, f);
  }
  const safe: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(values)) {
    safe[name] =
      value instanceof Markdown ? value.text : typeof value === "string" ? escapeMarkdown(value) : value;
  }
  return String(f.format(safe));
}

export function t(
  locale: Locale,
  key: MessageKey,
  values: Readonly<Record<string, MessageValue>> = {},
): string {
  return formatMessage(locale, localizeMentions(locale, CATALOGS[locale].messages[key]), values);
}
