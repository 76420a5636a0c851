/**
 * Presence watcher: ⌈watched/50⌉ calls (none without watched users) → diffPresence → alerts
 * (or held for the quiet-hours digest) → the poll posts and persists.
 */
import { unknownPerson } from "../../domain/people.js";
import { avatarOf, gamesOf, type PollInput, peopleOf } from "../scheduling/poll-input.js";
import { HELD_MAX, type OutMessage, type Snap } from "../state.js";
import { diffPresence, snapOf } from "./presence-diff.js";
import { presenceAlert } from "./presence-render.js";

export function watchedIds(w: Pick<PollInput, "settings" | "account">): string[] {
  return w.settings.watch[w.account.robloxId] ?? [];
}

export async function watchPresence(w: PollInput): Promise<OutMessage[]> {
  const ids = watchedIds(w);
  if (!w.settings.events.presence || ids.length === 0) {
    delete w.state.presence;
    return [];
  }
  const list = await w.ctx.roblox.presence.users(w.session, ids, w.call);
  const current: Record<string, Snap> = {};
  for (const p of list) current[String(p.userId)] = snapOf(p);
  // A watched id Roblox left out keeps what we knew of it.
  for (const id of ids) {
    const known = w.state.presence?.[id];
    if (!(id in current) && known) current[id] = known.pending ?? known.shown;
  }
  const d = diffPresence(w.state.presence, current, w.settings, w.now);
  w.state.presence = d.state;
  if (d.held.length > 0) w.state.held = [...w.state.held, ...d.held].slice(-HELD_MAX);
  if (d.alerts.length === 0) return [];
  const names = await peopleOf(
    w,
    d.alerts.map((c) => c.userId),
  );
  const games = await gamesOf(w, d.alerts);
  const out: OutMessage[] = [];
  for (const c of d.alerts) {
    const avatar = await avatarOf(w, c.userId);
    out.push(
      presenceAlert(
        w.account,
        names.get(c.userId) ?? unknownPerson(c.userId),
        c.from,
        c.to,
        avatar,
        c.at,
        w.now,
        games,
        w.locale,
      ),
    );
  }
  return out;
}
