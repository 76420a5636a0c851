/** The presence alert, and the digest of the changes held back by quiet hours (pure). */
import { type Person, personMd, personText, unknownPerson } from "../../domain/people.js";
import { experienceOf } from "../../domain/presence.js";
import { profileButton } from "../../ui/buttons.js";
import type { Level } from "../../ui/embeds.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, thumb } from "../delivery/alert-message.js";
import type { OutMessage, Snap } from "../state.js";

/**
 * "online", "in game: **Adopt Me!**", "in **Adopt Me!** (joins off)", "in an experience (joins
 * off)", "in Roblox Studio", "offline". `games`: experience names by universe (domain/presence).
 */
export function describeSnap(s: Snap, games: ReadonlyMap<string, string> = new Map()): string {
  switch (s.t) {
    case 1:
      return "online";
    case 2: {
      const name = experienceOf(s.loc, s.u, games);
      const known = name !== "an experience";
      if (s.off) return known ? `in **${md(name, 120)}** (joins off)` : "in an experience (joins off)";
      return known ? `in game: **${md(name, 120)}**` : "in game: an experience";
    }
    case 3:
      return "in Roblox Studio";
    default:
      return "offline";
  }
}

export function presenceAlert(
  a: AccountInfo,
  user: Person,
  from: Snap,
  to: Snap,
  avatar: string | null,
  at: number,
  now: number,
  games: ReadonlyMap<string, string> = new Map(),
): OutMessage {
  const level: Level = to.t === 0 ? "info" : to.t === 2 ? "ok" : "info";
  return message(
    "presence",
    now,
    {
      level,
      title: `${md(user.known === false ? personText(user) : user.displayName)} is now ${to.t === 2 ? (to.off ? "in an experience (joins off)" : "in game") : describeSnap(to).replace(/\*\*/g, "")}`,
      description: `${personMd(user)} is now ${describeSnap(to, games)} (was ${describeSnap(from, games)}) — ${discordTimestamp(at)}.`,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [profileButton(profileUrl(user.id))],
  );
}

export function digestAlert(
  a: AccountInfo,
  changes: readonly { userId: string; from: Snap; to: Snap; at: number }[],
  names: ReadonlyMap<string, Person>,
  avatar: string | null,
  now: number,
  games: ReadonlyMap<string, string> = new Map(),
): OutMessage {
  const MAX_LINES = 30;
  const head = `Quiet hours ended ${discordTimestamp(now)}. Held back meanwhile:`;
  const budget = 4096 - head.length - 40; // room for the "…and N more" line
  const lines: string[] = [];
  let used = 0;
  for (const c of changes) {
    const who = personMd(names.get(c.userId) ?? unknownPerson(c.userId));
    const line = `${discordTimestamp(c.at, "t")} ${who}: ${describeSnap(c.from, games)} → ${describeSnap(c.to, games)}`;
    if (lines.length >= MAX_LINES || used + line.length + 1 > budget) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (changes.length > lines.length) lines.push(`…and ${changes.length - lines.length} more`);
  const n = changes.length;
  return message("presence-digest", now, {
    level: "info",
    title: `Quiet hours are over: ${n} presence change${n === 1 ? "" : "s"} held back`,
    description: `${head}\n${lines.join("\n")}`,
    footer: footerOf(a),
    ...thumb(avatar),
  });
}
