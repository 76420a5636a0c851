/**
 * Turning `user` / `users` option text into Roblox users, and the small text helpers the
 * friends and presence replies share. Pure where possible; lookups go through ctx.
 */
import type { InteractionContext, LinkedAccount } from "../../context.js";
import { UserError } from "../../errors.js";
import type { UserName } from "../../lookups.js";
import { USERNAME_RE } from "../../roblox/users.js";
import type { ListUser } from "../../ui/embeds.js";
import { escapeMarkdown, experienceName, presenceLabel, truncate } from "../../ui/format.js";

const ID_RE = /^\d{1,20}$/;

/** A Roblox user as the replies name them. */
export interface Person {
  id: string;
  name: string;
  displayName: string;
}

/** "Display (@name)", plain text (callers escape when they put it in markdown). */
export function personText(p: Person): string {
  return p.displayName && p.displayName !== p.name ? `${p.displayName} (@${p.name})` : `@${p.name}`;
}

/** The linked account as a Person. */
export function accountPerson(linked: LinkedAccount): Person {
  const a = linked.account;
  return { id: a.robloxId, name: a.robloxName, displayName: a.displayName || a.robloxName };
}

/** A `user` option → the Roblox user, or the "No Roblox user called …" UserError. */
export async function resolveUser(ctx: InteractionContext, value: string): Promise<Person> {
  const u = await ctx.roblox.users.resolve(value, ctx.call);
  if (!u) throw new UserError(`No Roblox user called “${escapeMarkdown(value.trim(), { max: 40 })}”.`);
  return { id: String(u.id), name: u.name, displayName: u.displayName || u.name };
}

/** An optional `user` option: that user, or the linked account itself when empty. */
export async function userOrSelf(
  ctx: InteractionContext,
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
export async function resolveMany(ctx: InteractionContext, raw: string, max: number): Promise<ResolvedMany> {
  const parts = splitUsers(raw);
  if (parts.length === 0) throw new UserError("Give at least one Roblox username or id.");
  if (parts.length > max) {
    throw new UserError(`That is ${parts.length} users; give at most ${max} at once.`);
  }
  const ids = parts.filter((p) => ID_RE.test(p)).map((p) => p.replace(/^0+(?=\d)/, ""));
  const names = parts.filter((p) => !ID_RE.test(p) && USERNAME_RE.test(p));
  const byId = ids.length > 0 ? await ctx.lookups.names(ids, ctx.call) : new Map<string, UserName>();
  const byName = new Map<string, Person>();
  if (names.length > 0) {
    for (const u of await ctx.roblox.users.byUsernames(names, {}, ctx.call)) {
      const p = { id: String(u.id), name: u.name, displayName: u.displayName || u.name };
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
      users.push({ id: hit.id, name: hit.name, displayName: hit.displayName || hit.name });
    }
  }
  return { users, unknown };
}

/** Ids → list rows with names from the cached users batch (unknown ids keep their id). */
export async function namedRows(
  ctx: InteractionContext,
  items: readonly { id: number | string; name?: string | null; displayName?: string | null }[],
): Promise<ListUser[]> {
  const missing = items.filter((i) => !i.name).map((i) => String(i.id));
  const names = missing.length > 0 ? await ctx.lookups.names(missing, ctx.call) : new Map();
  return items.map((i) => {
    const id = String(i.id);
    const n = names.get(id);
    const name = i.name || n?.name || id;
    return { id, name, displayName: i.displayName || n?.displayName || name };
  });
}

/** "Unknown: a, b, c" for entries that are no Roblox user (cut to stay short; plain text, for footers). */
export function unknownNote(unknown: readonly string[]): string | undefined {
  if (unknown.length === 0) return undefined;
  return truncate(`No Roblox user called: ${unknown.join(", ")}`, 300);
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
 * "In game · Adopt Me!", "In game · an experience" (joins off), "In Studio · X", "Online · Website",
 * "Offline". Invisible shows as Offline, as Roblox shows it to others.
 */
export function presenceText(type: number, lastLocation?: string | null): string {
  const t = type === 4 ? 0 : type;
  const label = presenceLabel(t);
  if (t === 2 || t === 3) return `${label} · ${experienceName(lastLocation)}`;
  const where = (lastLocation ?? "").trim();
  return where ? `${label} · ${truncate(where, 80)}` : label;
}
