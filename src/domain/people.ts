/**
 * One way to name a Roblox user, for every alert, digest, edited message, list and confirmation.
 * Roblox's friend and request listings carry ids only (names absent, or "" — both count as
 * missing, see docs/roblox-behaviour.md): names come from the users batch through the cached
 * lookups, account age from the public profile when a listing has no `created`.
 */
import { UserError } from "../errors.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import type { Logger } from "../logger.js";
import { type Lookups, present } from "../lookups.js";
import type { CallOptions, RobloxClient } from "../roblox/index.js";
import { ageParts, escapeMarkdown, truncate } from "../ui/format.js";

/** A Roblox user as roguard names them. `known: false` when Roblox did not tell the name. */
export interface Person {
  id: string;
  name: string;
  displayName: string;
  known?: boolean;
}

/** What naming needs: the cached lookups and the caller's deadline. */
export interface Namer {
  lookups: Lookups;
  call?: CallOptions | undefined;
  log?: Pick<Logger, "warn"> | undefined;
}

/** Names a listing item may carry (absent or "" since Roblox's 2024 friends rework). */
export interface NameHint {
  name?: string | null | undefined;
  displayName?: string | null | undefined;
}

/** A person Roblox would not name: shown by id, never as "@123". */
export function unknownPerson(id: string): Person {
  return { id, name: id, displayName: id, known: false };
}

/** A person from a name and display name; "" counts as missing, so the result may be unknown. */
export function personFrom(id: string, hint: NameHint | undefined): Person {
  const name = present(hint?.name);
  if (name === undefined) return unknownPerson(id);
  return { id, name, displayName: present(hint?.displayName) ?? name };
}

/** "Display (@name)", "@name", or "user 123" in the locale — plain text (escape before putting it in markdown). */
export function personText(p: Person, locale: Locale): string {
  if (p.known === false) return t(locale, "ui.user", { id: p.id });
  return p.displayName && p.displayName !== p.name ? `${p.displayName} (@${p.name})` : `@${p.name}`;
}

/** "**Display** (@name)" with both parts escaped; "**user 123**" (in the locale) when unknown. */
export function personMd(p: Person, locale: Locale, max = 100): string {
  if (p.known === false) return `**${escapeMarkdown(t(locale, "ui.user", { id: p.id }))}**`;
  const display = escapeMarkdown(truncate(p.displayName, max));
  const name = escapeMarkdown(truncate(p.name, max));
  return p.displayName && p.displayName !== p.name ? `**${display}** (@${name})` : `**@${name}**`;
}

/** A person as a list row (ui/embeds userLine): unknown users show as "user 123", without a handle. */
export function listRow(
  p: Person,
  locale: Locale,
): { id: string; name: string; displayName: string; known?: false } {
  return p.known === false
    ? { id: p.id, name: p.id, displayName: personText(p, locale), known: false }
    : { id: p.id, name: p.name, displayName: p.displayName };
}

/** For the audit log: "123 (name)". */
export function auditName(p: Person): string {
  return p.known === false ? p.id : `${p.id} (${p.name})`;
}

/**
 * Every id named: a hint with a name is taken as it is, the rest through the cached users batch;
 * ids Roblox does not name (or a failed lookup) come back as unknown persons. Never throws.
 */
export async function namePeople(
  n: Namer,
  ids: readonly string[],
  hints?: ReadonlyMap<string, NameHint>,
): Promise<Map<string, Person>> {
  const out = new Map<string, Person>();
  const ask: string[] = [];
  for (const id of ids) {
    const p = personFrom(id, hints?.get(id));
    if (p.known === false) ask.push(id);
    else out.set(id, p);
  }
  if (ask.length > 0) {
    try {
      const names = await n.lookups.names(ask, n.call);
      for (const id of ask) out.set(id, personFrom(id, names.get(id)));
    } catch (err) {
      n.log?.warn({ err }, "could not look up user names; naming them by id");
      for (const id of ask) out.set(id, unknownPerson(id));
    }
  }
  return out;
}

export async function namePerson(n: Namer, id: string, hint?: NameHint): Promise<Person> {
  return (await namePeople(n, [id], hint ? new Map([[id, hint]]) : undefined)).get(id) ?? unknownPerson(id);
}

/**
 * When the account was created (epoch ms): the listing's `created` when it has one, else the
 * public profile (cached). null when neither says; never throws.
 */
export async function createdAt(n: Namer, id: string, created?: string | null): Promise<number | null> {
  const own = present(created);
  const parsed = own === undefined ? Number.NaN : Date.parse(own);
  if (Number.isFinite(parsed)) return parsed;
  try {
    const profile = await n.lookups.profile(id, n.call);
    const t = profile?.created ? Date.parse(profile.created) : Number.NaN;
    return Number.isFinite(t) ? t : null;
  } catch (err) {
    n.log?.warn({ err }, "could not read a user's profile for the account age");
    return null;
  }
}

/** A `user` option ("Name", "@Name" or an id) → the person, or the "No Roblox user called …" UserError. */
export async function resolveUser(
  r: {
    roblox: Pick<RobloxClient, "users">;
    call?: CallOptions | undefined;
    lookups?: Pick<Lookups, "cachedName" | "rememberName">;
  },
  value: string,
): Promise<Person> {
  // An id whose name a list, an alert or an earlier command brought within the cache's 10 minutes
  // needs no Roblox call (a settings command then costs no Roblox exchange; BENCHMARKS.md, burst).
  const text = value.trim().replace(/^@/, "");
  const cached = /^\d{1,20}$/.test(text) ? r.lookups?.cachedName(text) : undefined;
  if (cached) return personFrom(cached.id, cached);
  const u = await r.roblox.users.resolve(value, r.call);
  if (!u)
    throw new UserError("friends.users.notFound", { name: md(escapeMarkdown(value.trim(), { max: 40 })) });
  const id = String(u.id);
  const name = present(u.name);
  if (name) r.lookups?.rememberName({ id, name, displayName: present(u.displayName) ?? name });
  return personFrom(id, u);
}

/** An account's age in a locale: "3 years", "3 Jahre", "less than a day" (plural rules of the locale). */
export function accountAgeText(locale: Locale, created: Date, now: Date): string {
  const age = ageParts(created, now);
  if (age === "unknown") return t(locale, "age.unknown");
  if (age === "less") return t(locale, "age.lessThanDay");
  const key = age.unit === "year" ? "age.years" : age.unit === "month" ? "age.months" : "age.days";
  return t(locale, key, { n: age.n, count: String(age.n) });
}
