/**
 * The shape every locale file must have: the source locale's keys, each with a string. A locale file that
 * misses a key, or has one the source does not, fails the build (`satisfies Catalog` in each file).
 */

import { de } from "./locales/de.js";
import { enUS } from "./locales/en-US.js";
import { es419 } from "./locales/es-419.js";
import { esES } from "./locales/es-ES.js";
import { fr } from "./locales/fr.js";
import { id } from "./locales/id.js";
import { ptBR } from "./locales/pt-BR.js";
import { tr } from "./locales/tr.js";
import type { Locale } from "./locales.js";

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalog = Shape<typeof enUS>;

export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
  "en-US": enUS,
  "es-ES": esES,
  "es-419": es419,
  "pt-BR": ptBR,
  fr,
  de,
  tr,
  id,
};
