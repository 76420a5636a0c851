/**
 * A small reader of Discord markdown for tests: what in a piece of text Discord would render as
 * markup rather than show as typed. It knows Discord's escape rule (a backslash before any
 * character that is not a letter, digit or space shows that character as itself), code spans
 * (nothing inside them is markup), and the constructs that matter for text from Roblox:
 *
 * - `line:#` … a line that starts with a heading, subtext, quote or list mark;
 * - `link:<url>` a masked link, `url:<url>` a bare link Discord would make clickable;
 * - `token:<@123>` a user, role, channel, slash-command, timestamp or custom-emoji token;
 * - `everyone` / `here` an unescaped @everyone / @here;
 * - `code` a code span or block;
 * - `mark:*` (and `_` `~` `|`) one unescaped emphasis, strike or spoiler character each;
 * - `invisible` a zero-width, bidi or other format character.
 *
 * It is deliberately simpler than Discord (it flags marks Discord might still leave alone, e.g. a
 * lone `*`), which is the safe side for a test that says "none of these came from Roblox".
 */

export interface Finding {
  kind: string;
  text: string;
}

/** Stands in for an escaped character, so no pattern below can match it. */
const ESCAPED = "\uE000";

/**
 * Discord's escape rule, applied: every escaped character becomes a placeholder, so a search for
 * raw markup in the result finds only markup that Discord would render.
 */
export function applyEscapes(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "\\" && next !== undefined && !/[0-9A-Za-z\s]/.test(next)) {
      out += ESCAPED;
      i++;
    } else out += c;
  }
  return out;
}

const CODE = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const LINE_START = /^[ \t]*(#{1,3}[ \t]|-#[ \t]|>>>[ \t]|>[ \t]|[-*+][ \t]|\d+[.)][ \t])/;
const TOKEN = /<(?:@[!&]?\d+|#\d+|t:-?\d+(?::[A-Za-z])?|a?:\w+:\d+|\/[^<>\n]+:\d+|id:\w+)>/g;
const LINK = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;
const URL = /\b(?:https?|steam|discord):\/\/[^\s<]+/gi;
const EVERYONE = /@(everyone|here)/g;
const MARKS = /[*_~|]/g;
const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f/gu;
/** A zero-width joiner between two emoji belongs to the emoji (👨‍👩‍👧), it is not a trick. */
const EMOJI_JOINER =
  /(\p{Extended_Pictographic}[\ufe0f\u{1f3fb}-\u{1f3ff}]*)\u200d(?=\p{Extended_Pictographic})/gu;

/** What in `text` Discord would render as markup (see the module comment). */
export function liveMarkdown(text: string): Finding[] {
  const found: Finding[] = [];
  let live = applyEscapes(text);
  // Code first: what is inside a code span is shown as typed.
  live = live.replace(CODE, (m) => {
    found.push({ kind: "code", text: m });
    return ESCAPED.repeat(m.length);
  });
  for (const line of live.split("\n")) {
    const m = LINE_START.exec(line);
    if (m) found.push({ kind: `line:${(m[1] as string).trim()}`, text: line });
  }
  for (const m of live.matchAll(TOKEN)) found.push({ kind: "token", text: m[0] });
  for (const m of live.matchAll(LINK)) found.push({ kind: "link", text: m[2] as string });
  for (const m of live.matchAll(URL)) found.push({ kind: "url", text: m[0] });
  for (const m of live.matchAll(EVERYONE)) found.push({ kind: m[1] as string, text: m[0] });
  for (const m of live.matchAll(MARKS)) found.push({ kind: `mark:${m[0]}`, text: m[0] });
  // A text that is one zero-width space is the placeholder of an empty embed field, not a trick.
  const visible = text === "\u200b" ? "" : text.replace(EMOJI_JOINER, "$1");
  for (const m of visible.matchAll(INVISIBLE)) {
    found.push({ kind: "invisible", text: `U+${m[0].codePointAt(0)?.toString(16)}` });
  }
  return found;
}

/** A message or interaction payload as Discord receives it (JSON), or a discord.js builder. */
export type Payload = Record<string, unknown>;

function json(x: unknown): unknown {
  return typeof x === "object" && x !== null && "toJSON" in x && typeof x.toJSON === "function"
    ? x.toJSON()
    : x;
}

/**
 * The parts of a payload where Discord renders markdown: content, and each embed's title,
 * description, field names and values. (Footers, author names and button labels are plain text.)
 */
export function renderedTexts(payload: Payload): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  if (typeof payload.content === "string") out.push({ where: "content", text: payload.content });
  const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
  embeds.forEach((raw, i) => {
    const e = json(raw) as Record<string, unknown>;
    for (const k of ["title", "description"] as const) {
      if (typeof e[k] === "string") out.push({ where: `embeds[${i}].${k}`, text: e[k] });
    }
    const fields = Array.isArray(e.fields) ? (e.fields as Record<string, unknown>[]) : [];
    fields.forEach((f, j) => {
      if (typeof f.name === "string") out.push({ where: `embeds[${i}].fields[${j}].name`, text: f.name });
      if (typeof f.value === "string") out.push({ where: `embeds[${i}].fields[${j}].value`, text: f.value });
    });
  });
  return out;
}

/** Every live construct of every rendered part of the payloads, as "kind text" keys. */
export function liveIn(payloads: readonly Payload[]): string[] {
  return payloads.flatMap((p) =>
    renderedTexts(p).flatMap(({ text }) => liveMarkdown(text).map((f) => `${f.kind} ${f.text}`)),
  );
}

/**
 * The keys of `found` that `allowed` does not account for (as multisets): what the hostile run
 * shows that the same builder never shows with plain letters.
 */
export function beyond(found: readonly string[], allowed: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of allowed) left.set(k, (left.get(k) ?? 0) + 1);
  const extra: string[] = [];
  for (const k of found) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else extra.push(k);
  }
  return extra;
}
