/**
 * Paged-list state under a short random key: Roblox cursors are too long for a custom id
 * (≤ 100 chars), so the button carries the key. Entries expire (default 1 h).
 */
import { randomBytes } from "node:crypto";
import type { Keyv } from "keyv";
import { K } from "./keys.js";

export const CURSOR_TTL_MS = 60 * 60 * 1000;
const SHORT_KEY = /^[A-Za-z0-9_-]{1,12}$/;

export type Cursors = ReturnType<typeof createCursors>;

export function createCursors(deps: { keyv: Keyv }) {
  const { keyv } = deps;
  return {
    /** Stores the value; returns a 12-char base64url key. */
    async put(value: string, ttlMs = CURSOR_TTL_MS): Promise<string> {
      const key = randomBytes(9).toString("base64url");
      await keyv.set(K.cursor(key), value, ttlMs);
      return key;
    },
    /** The value, or undefined when unknown, expired or not a short key. */
    async get(shortKey: string): Promise<string | undefined> {
      if (typeof shortKey !== "string" || !SHORT_KEY.test(shortKey)) return undefined;
      const v = await keyv.get(K.cursor(shortKey));
      return typeof v === "string" ? v : undefined;
    },
  };
}
