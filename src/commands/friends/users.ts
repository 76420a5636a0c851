/**
 * Turning `user` / `users` option text into Roblox users, and the small text helpers the
 * friends and presence replies share. Pure where possible; lookups go through ctx.
 */
import type { Invocation, LinkedAccount } from "../../context.js";
import {
  listRow,
  namePeople,
  type Person,
  personFrom,
  resolveUser,
  unknownPerson,
} from "../../domain/people.js";
import { UserError } from "../../errors.js";
import type { Locale } from "../../i18n/locales.js";
import { md, t } from "../../i18n/t.js";
import type { UserName } from "../../lookups.js";
import { USERNAME_RE } from "../../roblox/api/users.js";
import type { ListUser } from "../../ui/embeds.js";
import { escapeMarkdown, presenceLabel, truncate } from "../../ui/format.js";

const ID_RE = /^\d{1,20}$/;

/** The linked account as a Person. */
export function accountPerson(linked: LinkedAccount): Person {
  const a = linked.account;
  return personFrom(a.robloxId, { name: a.robloxName, displayName: a.displayName });
}

/** An optional `user` option: that user, or the linked account itself when empty. */
export async function userOrSelf(
  ctx: Invocation,
  linked: LinkedAccount,
  value: string | null,
): Promise<Person & { self: boolean }> {
  if (value === null || value.trim() === "") return { ...accountPerson(linked), self: true };
  const p = await resolveUser(ctx, value);
  return { ...p, self: p.id === linked.account.robloxId };
}

/** Splits a comma-separated `users` option: trimmed, "@" dropped, duplicates once (case-insensitive). */
export function splitUsers(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[,;\s]+/)) {
    const v = part.trim().replace(/^@/, "");
    if (v === "") continue;
    const key = v.toLowerCase().replace(/^0+(?=\d)/, "");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

export interface ResolvedMany {
  /** Users Roblox knows, in the order given. */
  users: Person[];
  /** Entries that are no Roblox user (or not a username/id at all), as typed. */
  unknown: string[];
}

/**
 * A `users` option → users, in the order given: ids through the cached users batch, names
 * through one usernames batch. More than `max` entries is a UserError.
 */
export async function resolveMany(ctx: Invocation, raw: string, max: number): Promise<ResolvedMany> {
  const parts = splitUsers(raw);
  if (parts.length === 0) throw new UserError("friends.users.none");
  if (parts.length > max) {
    throw new UserError("friends.users.tooMany", { count: String(parts.length), max: String(max) });
  }
  const ids = parts.filter((p) => ID_RE.test(p)).map((p) => p.replace(/^0+(?=\d)/, ""));
  const names = parts.filter((p) => !ID_RE.test(p) && USERNAME_RE.test(p));
  const byId = ids.length > 0 ? await ctx.lookups.names(ids, ctx.call) : new Map<string, UserName>();
  const byName = new Map<string, Person>();
  if (names.length > 0) {
    for (const u of await ctx.roblox.users.byUsernames(names, {}, ctx.call)) {
      const p = personFrom(String(u.id), u);
      byName.set((u.requestedUsername ?? u.name).toLowerCase(), p);
    }
  }
  const users: Person[] = [];
  const unknown: string[] = [];
  const taken = new Set<string>();
  for (const p of parts) {
    const hit = ID_RE.test(p) ? byId.get(p.replace(/^0+(?=\d)/, "")) : byName.get(p.toLowerCase());
    if (!hit) unknown.push(p);
    else if (!taken.has(hit.id)) {
      taken.add(hit.id);
      users.push(personFrom(hit.id, hit));
    }
  }
  return { users, unknown };
}

/** Ids → list rows named the one way (domain/people); ids Roblox does not name are shown as such. */
export async function namedRows(
  ctx: Invocation,
  items: readonly { id: number | string; name?: string | null; displayName?: string | null }[],
): Promise<ListUser[]> {
  const ids = items.map((i) => String(i.id));
  const people = await namePeople(ctx, ids, new Map(items.map((i) => [String(i.id), i])));
  return ids.map((id) => listRow(people.get(id) ?? unknownPerson(id), ctx.locale));
}

/** "No Roblox user called: a, b, c" for entries that are no Roblox user (cut to stay short; plain text, for footers). */
export function unknownNote(unknown: readonly string[], locale: Locale): string | undefined {
  if (unknown.length === 0) return undefined;
  return truncate(t(locale, "friends.users.unknown", { names: md(unknown.join(", ")) }), 300);
}

/** The same note as a UserError (said in the member's language, escaped for a reply), or undefined. */
export function unknownError(unknown: readonly string[]): UserError | undefined {
  if (unknown.length === 0) return undefined;
  // "No Roblox user called: " is 23 characters: the names keep the English note's 300.
  return new UserError("friends.users.unknown", {
    names: md(escapeMarkdown(truncate(unknown.join(", "), 277))),
  });
}

const PRESENCE_NAMES: Record<string, number> = {
  offline: 0,
  online: 1,
  ingame: 2,
  instudio: 3,
  invisible: 4,
};

/** A presence type as Roblox sends it (number, or a name like "InGame") → 0..4. */
export function presenceType(v: string | number | null | undefined): number {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 4 ? v : 0;
  if (typeof v === "string") return PRESENCE_NAMES[v.replace(/[\s_]/g, "").toLowerCase()] ?? 0;
  return 0;
}

/**
 * "In game · Adopt Me!", "In game · an experience (joins off)", "In Studio · X", "Online · Website",
 * "Offline". Invisible shows as Offline, as Roblox shows it to others. `where` from domain/presence.
 */
export function presenceText(type: number, where: string | undefined, locale: Locale): string {
  const shown = type === 4 ? 0 : type;
  const label = t(locale, presenceLabel(shown));
  const line = (w: string) => t(locale, "friends.where.line", { label: md(label), where: md(w) });
  if (shown === 2 || shown === 3) return line(where ?? t(locale, "request.anExperience"));
  return where && shown !== 0 ? line(truncate(where, 80)) : label;
}
