/**
 * Cached public lookups the UI needs on every list and alert: names (users batch, 100 a call),
 * public profiles (account creation date), avatar headshots (100 a call) and experience names by
 * universe (50 a call). Friend and request listings carry ids only. Entries live 10 minutes in
 * bounded LRU caches, so a large server cannot grow them forever.
 */
import { LRUCache } from "lru-cache";
import type { CallOptions, RobloxClient } from "./roblox/index.js";

export interface UserName {
  id: string;
  name: string;
  displayName: string;
  hasVerifiedBadge?: boolean | undefined;
}

export interface UserProfile {
  id: string;
  /** ISO date the account was created; null when Roblox does not say. */
  created: string | null;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 50_000;

/** Roblox sends "" where it has no value since its 2024 friends rework: "" counts as missing. */
export function present(s: string | null | undefined): string | undefined {
  return typeof s === "string" && s.trim() !== "" ? s : undefined;
}

/** A cache entry for "Roblox has nothing" (LRUCache stores no undefined). */
const NONE = Symbol("none");
type Cached<V> = V | typeof NONE;

function cache<V extends {}>(now: () => number): LRUCache<string, V> {
  return new LRUCache<string, V>({ max: MAX_ENTRIES, ttl: TTL_MS, ttlAutopurge: false, perf: { now } });
}

/** The cached entries of `ids` (NONE = a known miss) and the ids the cache lacks, once each. */
function split<V extends {}>(
  c: LRUCache<string, Cached<V>>,
  ids: readonly (string | number)[],
): { hits: Map<string, Cached<V>>; missing: string[] } {
  const hits = new Map<string, Cached<V>>();
  const missing = new Set<string>();
  for (const raw of ids) {
    const id = String(raw);
    const hit = c.get(id);
    if (hit !== undefined) hits.set(id, hit);
    else missing.add(id);
  }
  return { hits, missing: [...missing] };
}

export class Lookups {
  readonly #names: LRUCache<string, Cached<UserName>>;
  readonly #profiles: LRUCache<string, Cached<UserProfile>>;
  readonly #avatars: LRUCache<string, Cached<string>>;
  readonly #games: LRUCache<string, Cached<string>>;

  constructor(
    private readonly roblox: RobloxClient,
    now: () => number = Date.now,
  ) {
    this.#names = cache(now);
    this.#profiles = cache(now);
    this.#avatars = cache(now);
    this.#games = cache(now);
  }

  /** Names for ids, from the cache or one users-batch call per 100 missing ids. Unknown ids are left out. */
  async names(ids: readonly (string | number)[], o?: CallOptions): Promise<Map<string, UserName>> {
    const { hits, missing } = split(this.#names, ids);
    const out = new Map<string, UserName>();
    for (const [id, v] of hits) if (v !== NONE) out.set(id, v);
    if (missing.length === 0) return out;
    const users = await this.roblox.users.byIds(missing, {}, o);
    for (const u of users) {
      const name = present(u.name);
      if (name === undefined) continue;
      const entry: UserName = {
        id: String(u.id),
        name,
        displayName: present(u.displayName) ?? name,
        hasVerifiedBadge: u.hasVerifiedBadge ?? undefined,
      };
      this.#names.set(entry.id, entry);
      out.set(entry.id, entry);
    }
    return out;
  }

  /** The cached name of one id, without a call (undefined when not cached). */
  cachedName(id: string): UserName | undefined {
    const hit = this.#names.get(id);
    return hit === undefined || hit === NONE ? undefined : hit;
  }

  /** Keeps a name another call brought (e.g. resolving a command's `user` option). */
  rememberName(u: UserName): void {
    this.#names.set(u.id, u);
  }

  /** A user's public profile (one call per id not cached); null when Roblox has no such user. */
  async profile(id: string | number, o?: CallOptions): Promise<UserProfile | null> {
    const key = String(id);
    const hit = this.#profiles.get(key);
    if (hit !== undefined) return hit === NONE ? null : hit;
    const u = await this.roblox.users.get(key, o);
    if (u === null) {
      this.#profiles.set(key, NONE);
      return null;
    }
    const profile: UserProfile = { id: key, created: present(u.created) ?? null };
    this.#profiles.set(key, profile);
    const name = present(u.name);
    if (name !== undefined && !this.#names.has(key)) {
      this.#names.set(key, { id: key, name, displayName: present(u.displayName) ?? name });
    }
    return profile;
  }

  /** Headshot URLs for ids (null when Roblox has none yet); failures leave them out. */
  async avatars(ids: readonly (string | number)[], o?: CallOptions): Promise<Map<string, string | null>> {
    const { hits, missing } = split(this.#avatars, ids);
    const out = new Map<string, string | null>();
    for (const [id, v] of hits) out.set(id, v === NONE ? null : v);
    if (missing.length === 0) return out;
    try {
      const thumbs = await this.roblox.thumbnails.headshots(missing, {}, o);
      for (const t of thumbs) {
        const url = t.state === "Completed" && t.imageUrl ? t.imageUrl : null;
        const id = String(t.targetId);
        // A pending headshot is asked again next time; a completed one is kept.
        if (url) this.#avatars.set(id, url);
        out.set(id, url);
      }
    } catch {
      // Avatars are decoration: a failed lookup never fails the reply.
    }
    return out;
  }

  async avatar(id: string | number, o?: CallOptions): Promise<string | null> {
    return (await this.avatars([id], o)).get(String(id)) ?? null;
  }

  /**
   * Experience names for universe ids (one call per 50 missing), public. Ids Roblox does not know
   * are left out; a failed lookup leaves them all out (names are decoration in an alert).
   */
  async games(universeIds: readonly (string | number)[], o?: CallOptions): Promise<Map<string, string>> {
    const { hits, missing } = split(this.#games, universeIds);
    const out = new Map<string, string>();
    for (const [id, v] of hits) if (v !== NONE) out.set(id, v);
    if (missing.length === 0) return out;
    try {
      const found = new Set<string>();
      for (const g of await this.roblox.games.byUniverseIds(missing, o)) {
        const id = String(g.id);
        const name = present(g.name);
        if (name === undefined) continue;
        found.add(id);
        this.#games.set(id, name);
        out.set(id, name);
      }
      for (const id of missing) if (!found.has(id)) this.#games.set(id, NONE);
    } catch {
      // The alert says "an experience" instead.
    }
    return out;
  }
}
