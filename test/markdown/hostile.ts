/**
 * Hostile text as Roblox could hand it to us (names, display names, descriptions, experience and
 * group names, ban reasons, nicknames), and its "plain" twin: the same text with every ASCII
 * punctuation mark replaced by its own letter, line breaks normalised and invisible characters
 * dropped, so a builder takes the same branches with it but can show no markup from it.
 */
import fc from "fast-check";

/** Pieces that are markup somewhere in Discord, or try to sneak past an escaper. */
export const ATOMS = [
  "[free robux](https://evil.example/login)",
  "[x](<https://evil.example>)",
  "# HEADING",
  "## h2",
  "### h3",
  "> quote",
  ">>> quote",
  "-# small",
  "- list",
  "* list",
  "+ list",
  "1. list",
  "2) list",
  "<@&123>",
  "<@123>",
  "<@!123>",
  "@everyone",
  "@here",
  "<t:0:R>",
  "<t:1>",
  "<#1>",
  "<:e:1>",
  "<a:e:1>",
  "</cmd:1>",
  "<id:customize>",
  "`code`",
  "```js\nblock```",
  "**bold**",
  "*it*",
  "__under__",
  "_it_",
  "~~strike~~",
  "||spoiler||",
  "\\",
  "\\*",
  "\\\\",
  "https://evil.example",
  "discord://x",
  "@\u200beveryone",
  "<\u200b@123>",
  "*\u200d*",
  "\u200b# x",
  "\u202egnp.exe",
  "\u2066x\u2069",
  "\ufeff",
  "\u200e\u200f",
  "\u3164",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u2029",
  "\u0085",
  "\t",
  " ",
  "  ",
  "Ab",
  "x",
  "9",
  "42",
  ".",
  ")",
  "é",
  "👨\u200d👩\u200d👧",
  "🎮",
] as const;

/** Single characters that matter to markdown or to an escaper. */
const CHARS = [..."\\*_~`|[]()<>#-+.:@!&/ \n\r\t1aZ", "\u200b", "\u200d", "\u202e", "\u2028", "é", "🎮"];

/** One hostile string: atoms glued together, random marks, or any Unicode. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...ATOMS), { maxLength: 8 }).map((a) => a.join("")) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...ATOMS), fc.integer({ min: 50, max: 600 }))
      .map(([a, n]) => a.repeat(n)),
  },
);

/** One string with every atom, for the end-to-end test (deterministic). */
export const KITCHEN_SINK = ATOMS.join(" ");

const PUNCT = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
const GREEK = [..."αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘ"];
/** One distinct letter per ASCII punctuation mark (a bijection keeps equal texts equal). */
const LETTER = new Map(PUNCT.map((c, i) => [c, GREEK[i] as string]));
const INVISIBLE = /[\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f/gu;

/** The plain twin of `s` (see the module comment). */
export function plain(s: string): string {
  return s
    .replace(/\r\n|[\r\u0085\u2028\u2029\v\f]/g, "\n")
    .replace(/\t/g, " ")
    .replace(INVISIBLE, (c) => (c === "\n" ? c : ""))
    .replace(/[!-/:-@[-`{-~]/g, (c) => LETTER.get(c) ?? "x");
}
