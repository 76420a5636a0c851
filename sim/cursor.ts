import { createHash } from "node:crypto";

/**
 * Opaque page cursors, long like Roblox's (> 60 chars): base64url(JSON) + "." + a digest.
 * A cursor that was tampered with, or minted for another listing, decodes to undefined.
 */
interface CursorData {
  k: string;
  o: number;
}

const SECRET = "roguard-sim-cursor";

function sign(payload: string): string {
  return createHash("sha256").update(SECRET).update(payload).digest("hex").slice(0, 48);
}

export function encodeCursor(kind: string, offset: number): string {
  const payload = Buffer.from(JSON.stringify({ k: kind, o: offset, t: "RBX-PAGE" })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor(cursor: string, kind: string): number | undefined {
  const dot = cursor.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const payload = cursor.slice(0, dot);
  if (sign(payload) !== cursor.slice(dot + 1)) return undefined;
  try {
    const d = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as CursorData;
    return d.k === kind && Number.isInteger(d.o) && d.o >= 0 ? d.o : undefined;
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  items: T[];
  next: string | null;
  previous: string | null;
}

/** Slices `all` at the cursor's offset; undefined when the cursor is invalid. */
export function paginate<T>(
  all: readonly T[],
  kind: string,
  cursor: string | null,
  limit: number,
): Page<T> | undefined {
  let offset = 0;
  if (cursor) {
    const o = decodeCursor(cursor, kind);
    if (o === undefined) return undefined;
    offset = o;
  }
  const items = all.slice(offset, offset + limit);
  const nextOffset = offset + items.length;
  return {
    items,
    next: nextOffset < all.length ? encodeCursor(kind, nextOffset) : null,
    previous: offset > 0 ? encodeCursor(kind, Math.max(0, offset - limit)) : null,
  };
}
