/**
 * New connections, pure. The friends count is read every fifth interval; the friends list only
 * when the count moved since the last list reading. The first reading is a silent baseline; an
 * unfriend is not alerted; a connection the bot made itself (an Accept from Discord since the
 * last list reading) is not alerted again.
 */
import type { ConnectionsState } from "../state.js";

/** The count is read when cycle % 5 is this (and whenever there is no baseline). */
export const CONNECTIONS_EVERY = 5;
const CONNECTIONS_PHASE = 1;
/** Most connection alerts from one reading (the rest are logged, not lost from the state). */
export const CONNECTIONS_ALERT_MAX = 10;

export function connectionsDue(cycle: number, prev: ConnectionsState | undefined): boolean {
  return prev === undefined || cycle % CONNECTIONS_EVERY === CONNECTIONS_PHASE;
}

/** True when the list must be read: no baseline, or the count moved. */
export function listNeeded(prev: ConnectionsState | undefined, count: number): boolean {
  return prev === undefined || prev.count !== count;
}

export interface ConnectionsDiff {
  state: ConnectionsState;
  /** New connections to alert, in the list's order. */
  added: string[];
}

/**
 * `ids`: the friends list just read (undefined when only the count was read).
 * `botMade`: ids the bot accepted from Discord since `prev.at`.
 */
export function diffConnections(
  prev: ConnectionsState | undefined,
  count: number,
  ids: readonly string[] | undefined,
  botMade: ReadonlySet<string>,
  now: number,
): ConnectionsDiff {
  if (ids === undefined) {
    // Count unchanged (listNeeded said no): nothing to learn.
    return { state: prev ?? { at: now, count, ids: [] }, added: [] };
  }
  const unique = [...new Set(ids)];
  const state: ConnectionsState = { at: now, count, ids: unique };
  if (prev === undefined) return { state, added: [] };
  const before = new Set(prev.ids);
  return { state, added: unique.filter((id) => !before.has(id) && !botMade.has(id)) };
}
