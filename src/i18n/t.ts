/**
 * Messages in ICU MessageFormat (intl-messageformat): plurals, numbers and selects follow each locale's
 * rules. Values are escaped for Discord's markdown unless the caller marks them as markdown it built
 * itself (`md(personMd(…))`), so a name from Roblox can never turn into a link or a mention.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { escapeMarkdown } from "../ui/format.js";
import { CATALOGS } from "./catalog.js";
import type { enUS } from "./locales/en-US.js";
import type { Locale } from "./locales.js";

export type MessageKey = keyof typeof enUS.messages;

/** Markdown built by roguard's own builders (already escaped), passed through as is. */
export class Markdown {
  constructor(readonly text: string) {}
}
export const md = (text: string): Markdown => new Markdown(text);

export type MessageValue = string | number | Date | Markdown;

const compiled = new Map<string, IntlMessageFormat>();

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
  return formatMessage(locale, CATALOGS[locale].messages[key], values);
}
