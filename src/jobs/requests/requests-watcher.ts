/**
 * Friend-request watcher: one call each interval (first page of my/friends/requests, newest
 * first) → diffRequests → one alert per new request, with Accept / Decline / Profile. Trusted-
 * connection requests, which Roblox lists apart, are read every fifth interval (a rarer event,
 * and a call of their own) with the same diff, and alerted with Profile only: the seeds' accept
 * and decline do not answer them (docs/roblox-behaviour.md).
 */
import { type RequestItem, requestCards, withMutualFriends } from "../../domain/friend-requests.js";
import { REQUEST_SORT } from "../../roblox/index.js";
import { avatarOf, type PollInput } from "../scheduling/poll-input.js";
import type { OutMessage, RequestsState } from "../state.js";
import { diffRequests } from "./requests-diff.js";
import { requestAlert } from "./requests-render.js";

/** Page size read each interval (one call whatever the size; room for a burst). */
export const REQUESTS_PAGE = 25;
/** Trusted-connection requests are read when cycle % 5 is this (and at the first poll). */
export const TRUSTED_EVERY = 5;
const TRUSTED_PHASE = 2;

async function alertsFor(
  w: PollInput,
  prev: RequestsState | undefined,
  items: readonly RequestItem[],
  trusted: boolean,
): Promise<{ state: RequestsState; out: OutMessage[] }> {
  const rows = items.map((r) => ({
    item: r,
    senderId: String(r.senderId),
    sentAt: r.friendRequest?.sentAt || null,
  }));
  const d = diffRequests(prev, rows, w.settings, w.now);
  const n = { lookups: w.ctx.lookups, call: w.call, log: w.log, roblox: w.ctx.roblox, session: w.session };
  const cards = await withMutualFriends(
    n,
    await requestCards(
      n,
      d.alerts.map((r) => r.item),
      trusted,
    ),
    w.state.connections?.ids ?? [],
    w.locale,
  );
  const out: OutMessage[] = [];
  for (const c of cards) {
    out.push(requestAlert(w.account, c, await avatarOf(w, c.person.id), w.now, !trusted, w.locale));
  }
  return { state: d.state, out };
}

export async function watchRequests(w: PollInput): Promise<OutMessage[]> {
  if (!w.settings.events["friend-requests"]) {
    delete w.state.requests;
    return [];
  }
  const page = await w.ctx.roblox.requests.list(
    w.session,
    { limit: REQUESTS_PAGE, friendRequestSort: REQUEST_SORT.newestFirst },
    w.call,
  );
  const r = await alertsFor(w, w.state.requests, page.items, false);
  w.state.requests = r.state;
  return r.out;
}

export function trustedDue(w: Pick<PollInput, "cycle" | "state">): boolean {
  return w.cycle % TRUSTED_EVERY === TRUSTED_PHASE || w.state.trusted === undefined;
}

export async function watchTrustedRequests(w: PollInput): Promise<OutMessage[]> {
  if (!w.settings.events["friend-requests"]) {
    delete w.state.trusted;
    return [];
  }
  if (!trustedDue(w)) return [];
  const page = await w.ctx.roblox.requests.trustedList(w.session, { limit: REQUESTS_PAGE }, w.call);
  const r = await alertsFor(w, w.state.trusted, page.items, true);
  w.state.trusted = r.state;
  return r.out;
}
