/**
 * Paged-list state under a short key: Roblox cursors are too long for a custom id (≤ 100
 * chars), so the button carries the key. Each entry is bound to the guild, account and list
 * it was made for, and only resolves there; entries expire (at most 1 h) and each guild holds
 * at most MAX_CURSORS_PER_GUILD of them: a new one takes the oldest one's slot.
 *
 * Short key = two characters naming the slot + ten random ones. The entry lives at
 * `cursor:<guildId>:<slot>`, so the count is bounded by construction, with no index to keep.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { Keyv } from "keyv";
import { z } from "zod";
import { K } from "./keys.js";

export const CURSOR_TTL_MS = 60 * 60 * 1000;
export const MAX_CURSORS_PER_GUILD = 1000;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SHORT_KEY = /^[A-Za-z0-9_-]{12}$/;
const NONCE_CHARS = 10;

/** Where a cursor may be used: the guild, the linked account and the kind of list. */
export interface CursorScope {
  guildId: string;
  accountId: string;
  kind: string;
}

export type CursorRead =
  | { ok: true; value: string }
  /** missing: unknown, expired, replaced, or made in another guild; elsewhere: another account or list. */
  | { ok: false; reason: "missing" | "elsewhere" };

const entrySchema = z.object({ n: z.string(), a: z.string(), k: z.string(), v: z.string() });

/** Pure: the short key for a slot and a nonce. */
export function encodeKey(slot: number, nonce: string): string {
  return `${ALPHABET[slot >> 6]}${ALPHABET[slot & 63]}${nonce}`;
}

/** Pure: the slot and nonce of a short key, or undefined when it is not one. */
export function decodeKey(shortKey: string): { slot: number; nonce: string } | undefined {
  if (typeof shortKey !== "string" || !SHORT_KEY.test(shortKey)) return undefined;
  const slot = ALPHABET.indexOf(shortKey[0] as string) * 64 + ALPHABET.indexOf(shortKey[1] as string);
  return slot < MAX_CURSORS_PER_GUILD ? { slot, nonce: shortKey.slice(2) } : undefined;
}

/** Pure: does a stored entry answer this key in this scope? */
export function check(raw: unknown, nonce: string, scope: CursorScope): CursorRead {
  const e = entrySchema.safeParse(raw);
  if (!e.success || e.data.n !== nonce) return { ok: false, reason: "missing" };
  if (e.data.a !== scope.accountId || e.data.k !== scope.kind) return { ok: false, reason: "elsewhere" };
  return { ok: true, value: e.data.v };
}

export type Cursors = ReturnType<typeof createCursors>;

export function createCursors(deps: { keyv: Keyv }) {
  const { keyv } = deps;
  // The next slot of each guild (a guild's lists are made by the one process that owns it).
  const next = new Map<string, number>();
  const takeSlot = (guildId: string): number => {
    const slot = next.get(guildId) ?? randomInt(MAX_CURSORS_PER_GUILD);
    next.set(guildId, (slot + 1) % MAX_CURSORS_PER_GUILD);
    return slot;
  };
  return {
    /** Stores the value for this scope; returns a 12-char base64url key. */
    async put(scope: CursorScope, value: string, ttlMs = CURSOR_TTL_MS): Promise<string> {
      const slot = takeSlot(scope.guildId);
      const nonce = randomBytes(8).toString("base64url").slice(0, NONCE_CHARS);
      const entry = { n: nonce, a: scope.accountId, k: scope.kind, v: value };
      await keyv.set(K.cursor(scope.guildId, slot), entry, Math.min(ttlMs, CURSOR_TTL_MS));
      return encodeKey(slot, nonce);
    },
    /** The value, if the key was made in this scope and is still there. */
    async get(scope: CursorScope, shortKey: string): Promise<CursorRead> {
      const k = decodeKey(shortKey);
      if (!k) return { ok: false, reason: "missing" };
      return check(await keyv.get(K.cursor(scope.guildId, k.slot)), k.nonce, scope);
    },
  };
}
