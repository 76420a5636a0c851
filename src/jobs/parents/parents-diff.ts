/** The parent-requests watcher's pure parts: which requests are new, what to remember, the nonce. */
import { z } from "zod";

/** Ids kept at most: the pending ones of a family, with room to spare. */
const SEEN_MAX = 500;

export const parentStateSchema = z.object({ channelId: z.string(), seen: z.array(z.string()) });
export type ParentState = z.infer<typeof parentStateSchema>;

/**
 * Pure: which pending ids to alert. No state (or another channel) → a baseline: nothing to
 * alert, everything pending is seen. Ids no longer pending are forgotten, so the list stays small.
 */
export function diffConsents(
  state: ParentState | undefined,
  channelId: string,
  pending: readonly string[],
): { fresh: string[]; baseline: boolean } {
  if (!state || state.channelId !== channelId) return { fresh: [], baseline: true };
  const seen = new Set(state.seen);
  return { fresh: pending.filter((id) => !seen.has(id)), baseline: false };
}

/** Pure: the seen list after posting `posted` (ids still pending first, bounded). */
export function nextSeen(
  pending: readonly string[],
  previous: readonly string[],
  posted: readonly string[],
): string[] {
  const keep = new Set(pending);
  const out = [...new Set([...previous.filter((id) => keep.has(id)), ...posted])];
  return out.slice(-SEEN_MAX);
}

/** Discord's nonce (≤ 25 chars) for a request's alert: the same request is never posted twice. */
export function consentNonce(parentId: string, consentId: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${parentId}:${consentId}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `pc${h.toString(36)}${consentId.replace(/[^A-Za-z0-9]/g, "").slice(-12)}`.slice(0, 25);
}
