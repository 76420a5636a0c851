/**
 * Cached public lookups the UI needs on every list: names (users batch, 100 a call) and
 * avatar headshots (thumbnails, 100 a call). Friend and request listings carry ids only.
 * Entries live 10 minutes; the cache is bounded so a large server cannot grow it forever.
 */
import type { CallOptions, RobloxClient } from "./roblox/index.js";

export interface UserName {
  id: string;
  name: string;
  displayName: string;
  hasVerifiedBadge?: boolean | undefined;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 50_000;

class TtlCache<V> {
  #map = new Map<string, { v: V; at: number }>();
  constructor(private readonly now: () => number) {}
  get(k: string): V | undefined {
    const e = this.#map.get(k);
    if (!e) return undefined;
    if (this.now() - e.at > TTL_MS) {
      this.#map.delete(k);
      return undefined;
    }
    return e.v;
  }
  set(k: string, v: V): void {
    if (this.#map.size >= MAX_ENTRIES) {
      const oldest = this.#map.keys().next().value;
      if (oldest !== undefined) this.#map.delete(oldest);
    }
    this.#map.set(k, { v, at: this.now() });
  }
}

export class Lookups {
  readonly #names: TtlCache<UserName>;
  readonly #avatars: TtlCache<string | null>;

  constructor(
    private readonly roblox: RobloxClient,
    now: () => number = Date.now,
  ) {
    this.#names = new TtlCache(now);
    this.#avatars = new TtlCache(now);
  }

  /** Names for ids, from the cache or one users-batch call per 100 missing ids. */
  async names(ids: readonly (string | number)[], o?: CallOptions): Promise<Map<string, UserName>> {
    const out = new Map<string, UserName>();
    const missing: string[] = [];
    for (const raw of ids) {
      const id = String(raw);
      const hit = this.#names.get(id);
      if (hit) out.set(id, hit);
      else if (!missing.includes(id)) missing.push(id);
    }
    if (missing.length > 0) {
      const users = await this.roblox.users.byIds(missing, {}, o);
      for (const u of users) {
        const entry: UserName = {
          id: String(u.id),
          name: u.name,
          displayName: u.displayName ?? u.name,
          hasVerifiedBadge: u.hasVerifiedBadge ?? undefined,
        };
        this.#names.set(entry.id, entry);
        out.set(entry.id, entry);
      }
    }
    return out;
  }

  /** Headshot URLs for ids (null when Roblox has none yet); failures leave them out. */
  async avatars(ids: readonly (string | number)[], o?: CallOptions): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const missing: string[] = [];
    for (const raw of ids) {
      const id = String(raw);
      const hit = this.#avatars.get(id);
      if (hit !== undefined) out.set(id, hit);
      else if (!missing.includes(id)) missing.push(id);
    }
    if (missing.length > 0) {
      try {
        const thumbs = await this.roblox.thumbnails.headshots(missing, {}, o);
        for (const t of thumbs) {
          const url = t.state === "Completed" && t.imageUrl ? t.imageUrl : null;
          const id = String(t.targetId);
          if (url) this.#avatars.set(id, url);
          out.set(id, url);
        }
      } catch {
        // Avatars are decoration: a failed lookup never fails the reply.
      }
    }
    return out;
  }

  async avatar(id: string | number, o?: CallOptions): Promise<string | null> {
    return (await this.avatars([id], o)).get(String(id)) ?? null;
  }
}
