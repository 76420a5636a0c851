/**
 * Discord shows a command, its options and choices in the member's language when the registered JSON
 * carries `name_localizations` / `description_localizations`. This adds them to the deploy JSON from the
 * locale files; en-US is the registered text itself.
 */
import { CATALOGS } from "./catalog.js";
import { LOCALES, type Locale, SOURCE_LOCALE } from "./locales.js";

type Texts = Readonly<Record<string, string>>;
type Localizations = Partial<Record<Locale, string>>;

interface Choice {
  name: string;
  name_localizations?: Localizations | null;
}
interface Node {
  name: string;
  description: string;
  name_localizations?: Localizations | null;
  description_localizations?: Localizations | null;
  options?: Node[];
  choices?: Choice[];
}

const TRANSLATED = LOCALES.filter((l) => l !== SOURCE_LOCALE);

function localized(pick: (locale: Locale) => Texts, key: string): Localizations {
  const out: Localizations = {};
  for (const locale of TRANSLATED) {
    const text = pick(locale)[key];
    if (text === undefined) throw new Error(`i18n: ${locale} has no translation for "${key}"`);
    out[locale] = text;
  }
  return out;
}

function localizeNode<T extends Node>(node: T): T {
  const names = (l: Locale) => CATALOGS[l].commands.names as Texts;
  const descriptions = (l: Locale) => CATALOGS[l].commands.descriptions as Texts;
  const choices = (l: Locale) => CATALOGS[l].commands.choices as Texts;
  return {
    ...node,
    name_localizations: localized(names, node.name),
    description_localizations: localized(descriptions, node.description),
    ...(node.options ? { options: node.options.map(localizeNode) } : {}),
    ...(node.choices
      ? { choices: node.choices.map((c) => ({ ...c, name_localizations: localized(choices, c.name) })) }
      : {}),
  };
}

/** The deploy JSON with every name, description and choice localized; throws on a missing translation. */
export function localizeCommands<T extends object>(commands: readonly T[]): T[] {
  return commands.map((c) => localizeNode(c as unknown as Node) as unknown as T);
}
