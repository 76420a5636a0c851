/**
 * The locales roguard speaks. en-US is the source; the others are Discord locale codes (Discord's own list of
 * locales names each one exactly like this), so an interaction's `locale` and a guild's `preferredLocale`
 * map onto them without a table.
 */
export const LOCALES = ["en-US", "es-ES", "es-419", "pt-BR", "fr", "de", "tr", "id"] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = "en-US";

/** Each locale named in itself, for the `/alerts language` choices and `/alerts show`. */
export const LOCALE_NAMES: Record<Locale, string> = {
  "en-US": "English (US)",
  "es-ES": "Español (España)",
  "es-419": "Español (Latinoamérica)",
  "pt-BR": "Português (Brasil)",
  fr: "Français",
  de: "Deutsch",
  tr: "Türkçe",
  id: "Bahasa Indonesia",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * A Discord locale → the locale roguard answers in: the same code when supported, English for en-GB, the
 * source locale for anything else (a language not translated yet).
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  if (isLocale(discordLocale)) return discordLocale;
  return SOURCE_LOCALE;
}

/** A guild's language when none was chosen with `/alerts language`: its preferred locale if supported. */
export function guildLocale(
  chosen: string | null | undefined,
  preferredLocale: string | null | undefined,
): Locale {
  if (isLocale(chosen)) return chosen;
  return resolveLocale(preferredLocale);
}
