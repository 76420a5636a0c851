/**
 * Where each account fires inside the polling interval (pure). The offset is a hash of the
 * account's key, so it is fixed across restarts and the load is even: 10,000 accounts spread
 * over the interval instead of firing in the same second.
 */

/** 32-bit FNV-1a with a murmur3 finaliser (good spread for keys that differ by one digit). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The account's fixed offset in [0, intervalMs). */
export function offsetFor(key: string, intervalMs: number): number {
  return Math.floor((hash32(key) / 2 ** 32) * intervalMs);
}

/** The next time strictly after `now` that is `offset` past a multiple of the interval (epoch-aligned). */
export function nextFireAt(now: number, offset: number, intervalMs: number): number {
  const last = Math.floor((now - offset) / intervalMs) * intervalMs + offset;
  return last + intervalMs;
}
