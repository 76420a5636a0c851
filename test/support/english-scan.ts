// The English scan: the pieces of text each en-US message contributes (placeholders removed), and a search
// for them in rendered texts. A non-English reply or alert that shows one of them has English left in it.
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGS } from "../../src/i18n/catalog.js";
import type { Locale } from "../../src/i18n/locales.js";
import { md } from "../../src/i18n/t.js";

/**
 * Words a translation may share with English: the brand, the product, apps, the unit "min" and the
 * credential's name (the cookie: a loanword in most locales, and the name Roblox's settings show).
 */
const SHARED =
  /\b(Roblox|Studio|roguard|QQ|WeChat|QR|min|RBXEventTrackerV2|ROBLOSECURITY|HH:MM|IANA|[Cc]ookie)\b/g;

/** Words some locales share with English (loanwords), allowed in those locales (any case). */
export const COGNATES: Partial<Record<Locale, string[]>> = {
  de: ["online", "offline"],
  "pt-BR": ["online", "offline"],
};

let cached: string[] | undefined;

/** The English source messages, placeholders removed: the pieces of text each message contributes. */
export function englishPieces(): string[] {
  if (cached) return cached;
  const pieces = new Set<string>();
  const GAP = "\u0001";
  for (const message of Object.values(CATALOGS["en-US"].messages)) {
    const f = new IntlMessageFormat(message, "en-US", undefined, { ignoreTag: true });
    const names = new Set<string>();
    const walk = (nodes: unknown[]): void => {
      for (const node of nodes as {
        type: number;
        value?: unknown;
        options?: Record<string, { value: unknown[] }>;
      }[]) {
        if (typeof node.value === "string" && node.type !== 0) names.add(node.value);
        for (const option of Object.values(node.options ?? {})) walk(option.value);
      }
    };
    walk(f.getAst());
    for (const n of [1, 5]) {
      const values: Record<string, unknown> = {};
      for (const name of names) values[name] = name === "n" || name === "count" ? n : md(GAP).text;
      const text = String(f.format(values as never));
      for (const raw of text.split(GAP)) {
        const piece = raw.replace(SHARED, " ").replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
        if (/\p{L}{3,}/u.test(piece)) pieces.add(piece);
      }
    }
  }
  cached = [...pieces];
  return cached;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English source pieces found in `texts` (minus `allowed`). */
export function englishIn(texts: readonly string[], allowed: readonly string[] = []): string[] {
  const found = new Set<string>();
  const ok = new Set(allowed.map((a) => a.toLowerCase()));
  for (const piece of englishPieces()) {
    if (ok.has(piece.toLowerCase())) continue;
    const re = new RegExp(`(?<!\\p{L})${escapeRe(piece)}(?!\\p{L})`, "u");
    for (const text of texts) if (re.test(text)) found.add(piece);
  }
  return [...found];
}
