/**
 * New-connection watcher: my/friends/count every fifth interval; the friends list (friends/find,
 * 50 a page) only when the count moved → diffConnections → one alert per new connection, with
 * account age, mutual friends, Profile and Remove.
 */

import { mutualFriends } from "../../domain/friendship.js";
import { acceptedSince } from "../../domain/handled-requests.js";
import { createdAt, namePeople, type Person, unknownPerson } from "../../domain/people.js";
import { collect } from "../../roblox/index.js";
import { avatarOf, type PollInput } from "../scheduling/poll-input.js";
import type { OutMessage } from "../state.js";
import { CONNECTIONS_ALERT_MAX, connectionsDue, diffConnections, listNeeded } from "./connections-diff.js";
import { type ConnectionCard, connectionAlert } from "./connections-render.js";

/** Mutual friends named in an alert, at most. */
const MUTUAL_SHOWN = 10;

async function card(w: PollInput, person: Person, friendIds: readonly string[]): Promise<ConnectionCard> {
  const n = { lookups: w.ctx.lookups, call: w.call, log: w.log };
  let mutual: ConnectionCard["mutual"] = null;
  try {
    const ids = await mutualFriends(w.ctx.roblox, w.session, person.id, friendIds, w.call);
    const named = await namePeople(n, ids.slice(0, MUTUAL_SHOWN));
    mutual = { shown: [...named.values()], count: ids.length };
  } catch (err) {
    w.log.warn({ err }, "jobs: could not read mutual friends for a connection alert");
  }
  return { person, created: await createdAt(n, person.id), mutual };
}

export async function watchConnections(w: PollInput): Promise<OutMessage[]> {
  if (!w.settings.events.connections) {
    delete w.state.connections;
    return [];
  }
  const prev = w.state.connections;
  if (!connectionsDue(w.cycle, prev)) return [];
  const me = w.account.robloxId;
  const count = await w.ctx.roblox.friends.myCount(w.session, w.call);
  let ids: string[] | undefined;
  if (listNeeded(prev, count)) {
    const friends = await collect(w.ctx.roblox.friends.findAll(w.session, me, {}, w.call));
    ids = friends.map((f) => String(f.id));
  }
  const botMade = acceptedSince(w.state.handledRequests, prev?.at ?? w.now);
  const d = diffConnections(prev, count, ids, botMade, w.now);
  w.state.connections = d.state;
  if (d.added.length === 0) return [];
  if (d.added.length > CONNECTIONS_ALERT_MAX) {
    w.log.info(
      { added: d.added.length },
      "jobs: more new connections than one reading alerts; the rest are not alerted",
    );
  }
  const added = d.added.slice(0, CONNECTIONS_ALERT_MAX);
  const people = await namePeople({ lookups: w.ctx.lookups, call: w.call, log: w.log }, added);
  const out: OutMessage[] = [];
  for (const id of added) {
    const c = await card(w, people.get(id) ?? unknownPerson(id), d.state.ids);
    out.push(connectionAlert(w.account, c, await avatarOf(w, id), w.now, w.locale));
  }
  return out;
}
