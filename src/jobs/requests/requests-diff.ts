/**
 * Incoming friend requests, pure: the first page of my/friends/requests (newest first) against
 * the requests already seen. A request is new when its sender was not seen, or was seen with
 * another `sentAt` (declined, then sent again). Comparing ids, not counts, means nothing is
 * missed when one request is handled and another arrives in the same interval.
 */
import type { RequestsState } from "../state.js";

/** Most seen requests remembered (the page holds at most 100). */
export const SEEN_MAX = 200;

export interface RequestItem {
  senderId: string;
  sentAt: string | null;
}

export interface RequestsDiff<T extends RequestItem> {
  state: RequestsState;
  /** New requests, oldest first (the order they are posted in). */
  alerts: T[];
}

export function diffRequests<T extends RequestItem>(
  prev: RequestsState | undefined,
  page: readonly T[],
  _settings: unknown,
  _now: number,
): RequestsDiff<T> {
  const seen = new Map(prev?.seen ?? []);
  const fresh: T[] = [];
  const onPage = new Set<string>();
  for (const r of page) {
    if (onPage.has(r.senderId)) continue;
    onPage.add(r.senderId);
    if (
      prev !== undefined &&
      (!seen.has(r.senderId) || (r.sentAt !== null && seen.get(r.senderId) !== r.sentAt))
    )
      fresh.push(r);
  }
  const next: [string, string | null][] = [];
  for (const r of page) {
    if (next.some(([id]) => id === r.senderId)) continue;
    next.push([r.senderId, r.sentAt]);
  }
  for (const entry of prev?.seen ?? []) {
    if (next.length >= SEEN_MAX) break;
    if (!onPage.has(entry[0])) next.push(entry);
  }
  return { state: { seen: next.slice(0, SEEN_MAX) }, alerts: fresh.reverse() };
}
