/**
 * Friend-request watcher: one call (first page of my/friends/requests, newest first) →
 * diffRequests → one alert per new request, with Accept / Decline / Profile.
 */

import { requestAlert } from "./render.js";
import { diffRequests } from "./requests-diff.js";
import type { OutMessage } from "./state.js";
import { avatarOf, type Watch } from "./watch.js";

/** Page size read each interval (one call whatever the size; room for a burst). */
export const REQUESTS_PAGE = 25;

export async function watchRequests(w: Watch): Promise<OutMessage[]> {
  if (!w.settings.events["friend-requests"]) {
    delete w.state.requests;
    return [];
  }
  const page = await w.ctx.roblox.requests.list(
    w.session,
    { limit: REQUESTS_PAGE, sortOrder: "Desc" },
    w.call,
  );
  const items = page.items.map((r) => ({
    ...r,
    senderId: String(r.senderId),
    sentAt: r.friendRequest?.sentAt ?? null,
  }));
  const d = diffRequests(w.state.requests, items, w.settings, w.now);
  w.state.requests = d.state;
  const out: OutMessage[] = [];
  for (const r of d.alerts) out.push(requestAlert(w.account, r, await avatarOf(w, r.senderId), w.now));
  return out;
}
