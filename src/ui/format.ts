/**
 * Small pure text helpers shared by embeds, buttons and replies. No I/O, no clock unless a
 * default `now` is used.
 */
export type TimestampStyle = "t" | "T" | "d" | "D" | "f" | "F" | "R";

/** Discord's dynamic timestamp, e.g. `<t:1700000000:R>` ("3 minutes ago" in the client). */
export function discordTimestamp(date: Date | number, style: TimestampStyle = "R"): string {
  const ms = typeof date === "number" ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("discordTimestamp: invalid date");
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

export interface FormatMinutesOptions {
  /** When true, 0 means "no limit" (screen-time limits: 0 = none). */
  asLimit?: boolean;
}

/** "45 min", "1 h 05 min", "2 h 00 min"; with `asLimit`, 0 → "no limit". */
export function formatMinutes(minutes: number, options: FormatMinutesOptions = {}): string {
  const n = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  if (n === 0 && options.asLimit) return "no limit";
  if (n < 60) return `${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return `${h} h ${String(m).padStart(2, "0")} min`;
}

const PRESENCE_LABELS = [
  "ui.presence.offline",
  "ui.presence.online",
  "ui.presence.inGame",
  "ui.presence.inStudio",
  "ui.presence.invisible",
] as const;

/**
 * Roblox presence type → the message key of its words (0 Offline, 1 Online, 2 In game, 3 In Studio,
 * 4 Invisible); say it with `t(locale, presenceLabel(type))`.
 */
export function presenceLabel(type: number | null | undefined): (typeof PRESENCE_LABELS)[number] {
  if (type === null || type === undefined || !Number.isInteger(type)) return "ui.presence.offline";
  return PRESENCE_LABELS[type] ?? "ui.presence.offline";
}

const ID_RE = /^\d{1,20}$/;

/** `https://www.roblox.com/users/<id>/profile`; throws RangeError for a non-numeric id. */
export function profileUrl(userId: string | number | bigint): string {
  const id = String(userId);
  if (!ID_RE.test(id)) throw new RangeError("profileUrl: id must be 1-20 digits");
  return `https://www.roblox.com/users/${id}/profile`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** Calendar age of an account: "3 years", "5 months", "12 days", "less than a day". */
export function accountAge(createdIso: string | Date, now: Date = new Date()): string {
  const age = ageParts(createdIso, now);
  if (age === "unknown") return "unknown age";
  if (age === "less") return "less than a day";
  return plural(age.n, age.unit);
}

/** How old an account is, in its largest whole unit (the words are the caller's: accountAge, domain/people). */
export function ageParts(
  createdIso: string | Date,
  now: Date = new Date(),
): { unit: "year" | "month" | "day"; n: number } | "less" | "unknown" {
  const created = createdIso instanceof Date ? createdIso : new Date(createdIso);
  if (Number.isNaN(created.getTime()) || Number.isNaN(now.getTime())) return "unknown";
  if (created.getTime() > now.getTime()) return "less";
  let months =
    (now.getUTCFullYear() - created.getUTCFullYear()) * 12 + (now.getUTCMonth() - created.getUTCMonth());
  const anniversary = new Date(created.getTime());
  anniversary.setUTCMonth(anniversary.getUTCMonth() + months);
  if (anniversary.getTime() > now.getTime()) months -= 1;
  if (months >= 12) return { unit: "year", n: Math.floor(months / 12) };
  if (months >= 1) return { unit: "month", n: months };
  const days = Math.floor((now.getTime() - created.getTime()) / 86_400_000);
  return days >= 1 ? { unit: "day", n: days } : "less";
}

/**
 * Shortens `s` to at most `n` UTF-16 units, ending with "…" when cut. Never splits a
 * surrogate pair, nor leaves an emoji's zero-width joiner at the cut.
 */
export function truncate(s: string, n: number): string {
  if (n <= 0) return "";
  if (s.length <= n) return s;
  if (n === 1) return "…";
  let cut = n - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  // A zero-width joiner cut from the emoji it joined would be left invisible on its own.
  while (cut > 0 && s.charCodeAt(cut - 1) === 0x200d) cut -= 1;
  return s.slice(0, cut) + "…";
}

export interface EscapeOptions {
  /**
   * Keep line breaks (a profile description, a ban reason). By default every line break becomes a
   * space: a name or a sentence fragment is one line, and a break inside `**…**` would end the bold.
   */
  multiline?: boolean;
  /** Cut to at most this many characters, before escaping (on the visible text) and after. */
  max?: number;
}

/** Line breaks in all their forms (CR LF, CR, NEL, LS, PS, VT, FF). */
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029\v\f]/g;
/**
 * Characters that show nothing but can split a token, reorder text (bidi overrides and isolates)
 * or make a blank name: controls and format characters (zero-width space, joiners, BOM, word
 * joiner, bidi marks, tags), the combining grapheme joiner and the Hangul fillers.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0]|\u034f/gu;
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\ufe0f\u{1f3fb}-\u{1f3ff}]*$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
/** Marks that act anywhere in a line: emphasis, code, spoilers, masked links, `<@…>` `<#…>` `<t:…>` `<:e:…>`. */
const INLINE = /[\\*_~`|[\]<]|@(?=everyone|here)|:(?=\/\/)/gi;
/**
 * Marks that act at the start of a line (headings `#`, subtext `-#`, quotes `>`, lists `-` `+`
 * `1.`), after optional indentation.
 */
const LINE_START = /(^|\n)([ \t]*)(?:([#>+-])|(\d+)([.)]))/g;

function dropInvisible(s: string): string {
  return s.replace(INVISIBLE, (c: string, at: number) => {
    if (c === "\n" || c === "\t") return c === "\t" ? " " : c;
    // A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the emoji; elsewhere it goes.
    if (
      c === "\u200d" &&
      EMOJI_BEFORE.test(s.slice(Math.max(0, at - 4), at)) &&
      EMOJI_AFTER.test(s.slice(at + 1))
    ) {
      return c;
    }
    return "";
  });
}

/**
 * Makes text from Roblox (names, display names, descriptions, experience and group names, ban
 * reasons, nicknames) or typed by a member show as itself wherever Discord renders markdown:
 * no emphasis, code, spoiler, masked or bare link, heading, subtext, quote, list, mention,
 * channel, timestamp or custom emoji survives, and invisible characters are dropped. Every
 * builder puts such text through this one function. Linear in the length of the text.
 */
export function escapeMarkdown(s: string, opts: EscapeOptions = {}): string {
  let out = dropInvisible(String(s).replace(LINE_BREAKS, "\n"));
  if (!opts.multiline) out = out.replace(/\n/g, " ");
  if (opts.max !== undefined) out = truncate(out, opts.max);
  out = out
    .replace(INLINE, (c) => `\\${c}`)
    .replace(LINE_START, (_m, br: string, indent: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${br}${indent}\\${mark}` : `${br}${indent}${digits}\\${dot}`,
    );
  return opts.max === undefined ? out : truncate(out, opts.max);
}

const HHMM_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "07:30" → 450 (minutes after midnight); null when not a valid 24-hour time. */
export function parseHHMM(s: string): number | null {
  const m = HHMM_RE.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → "07:30". */
export function formatHHMM(minutes: number): string {
  const n = ((Math.floor(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}`;
}

/** True when `zone` is an IANA time zone this runtime knows (UTC included). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zoneCache: readonly string[] | undefined;

function allZones(): readonly string[] {
  if (!zoneCache) {
    const zones = new Set(Intl.supportedValuesOf("timeZone"));
    zones.add("UTC");
    zoneCache = [...zones].sort();
  }
  return zoneCache;
}

export interface Choice {
  name: string;
  value: string;
}

/**
 * Autocomplete choices for the `zone` option: IANA zones matching `query` (case-insensitive,
 * spaces match underscores), prefix matches of the zone or its city first. Empty query →
 * UTC first, then alphabetical.
 */
export function timeZoneChoices(query: string, limit = 25): Choice[] {
  const max = Math.max(0, Math.min(25, Math.floor(limit)));
  const q = query.trim().toLowerCase().replace(/\s+/g, "_");
  const zones = allZones();
  let picked: string[];
  if (q === "") {
    picked = ["UTC", ...zones.filter((z) => z !== "UTC")];
  } else {
    const rank = (z: string): number => {
      const lz = z.toLowerCase();
      const city = lz.slice(lz.lastIndexOf("/") + 1);
      if (lz === q || city === q) return 0;
      if (lz.startsWith(q) || city.startsWith(q)) return 1;
      if (lz.includes(q)) return 2;
      return -1;
    };
    picked = zones
      .map((z) => ({ z, r: rank(z) }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => a.r - b.r || a.z.localeCompare(b.z))
      .map((x) => x.z);
  }
  return picked.slice(0, max).map((z) => ({ name: z, value: z }));
}
