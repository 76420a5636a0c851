/**
 * Alerts as Discord messages (pure: data in, JSON out). Every alert carries an avatar, a Discord
 * timestamp (<t:…:R>) and, where an action fits, buttons; they are stored in the outbox as JSON
 * and posted by outbox.ts (which adds the role mention).
 */
import { randomBytes } from "node:crypto";
import type { APIEmbed } from "discord.js";
import type { RequestCard } from "../../domain/friend-requests.js";
import { type Person, personMd, personText, unknownPerson } from "../../domain/people.js";
import { experienceOf } from "../../domain/presence.js";
import type { AccountRecord } from "../../store/index.js";
import {
  type ButtonRow,
  connectionButtons,
  profileButton,
  requestButtons,
  screenTimeButtons,
} from "../../ui/buttons.js";
import { COLORS, fitEmbed, type Level } from "../../ui/embeds.js";
import {
  accountAge,
  discordTimestamp,
  escapeMarkdown,
  formatMinutes,
  profileUrl,
  truncate,
} from "../../ui/format.js";
import type { ActiveRestriction, OutMessage, Snap } from "../state.js";

export type AccountInfo = Pick<AccountRecord, "robloxId" | "robloxName" | "displayName" | "label">;

export const md = (s: string, max = 100): string => escapeMarkdown(s, { max });

export function alertId(now: number): string {
  return `rg${now.toString(36)}${randomBytes(6).toString("hex")}`.slice(0, 25);
}

export function footerOf(a: AccountInfo): { text: string } {
  const label = a.label ? ` · ${a.label}` : "";
  return { text: truncate(`Roblox account ${a.robloxName}${label}`, 200) };
}

export function message(
  kind: string,
  now: number,
  embed: APIEmbed & { level?: Level },
  rows: ButtonRow[] = [],
  chart?: OutMessage["chart"],
): OutMessage {
  const { level, ...rest } = embed;
  const e = fitEmbed({ color: COLORS[level ?? "info"], timestamp: new Date(now).toISOString(), ...rest });
  return {
    id: alertId(now),
    kind,
    at: now,
    embeds: [e as Record<string, unknown>],
    components: rows.map((r) => r.toJSON() as unknown as Record<string, unknown>),
    ...(chart ? { chart } : {}),
  };
}

const thumb = (url: string | null | undefined) => (url ? { thumbnail: { url } } : {});

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

function ageText(created: number | null, now: number): string {
  return created === null
    ? "unknown"
    : `${accountAge(new Date(created), new Date(now))} (since ${discordTimestamp(created, "D")})`;
}

/** Where a request came from: "player search", "in **Adopt Me!**", both, or nothing. */
function originLine(c: Pick<RequestCard, "origin" | "experience">): string | undefined {
  const where = c.experience === undefined ? undefined : `in **${md(c.experience, 120)}**`;
  if (c.origin && where) return `${c.origin}, ${where}`;
  return c.origin ?? where;
}

/**
 * A new friend request (or trusted-connection request). `actions`: Accept/Decline apply to it
 * (the seeds' accept/decline endpoints), else the alert carries Profile only.
 */
export function requestAlert(
  a: AccountInfo,
  c: RequestCard,
  avatar: string | null,
  now: number,
  actions = true,
): OutMessage {
  const id = c.person.id;
  const what = c.trusted ? "trusted connection request" : "friend request";
  const from = originLine(c);
  const fields = [
    ...(c.person.known === false
      ? []
      : [
          { name: "Name", value: `@${md(c.person.name)}`, inline: true },
          { name: "Display name", value: md(c.person.displayName), inline: true },
        ]),
    { name: "Account age", value: ageText(c.created, now), inline: true },
    { name: "Verified badge", value: c.verified ? "✅ Yes" : "No", inline: true },
    ...(from ? [{ name: "Sent from", value: from, inline: true }] : []),
    ...(c.mutual.length > 0
      ? [{ name: "Mutual friends", value: md(c.mutual.slice(0, 10).join(", "), 900), inline: false }]
      : []),
  ];
  const asks = c.trusted ? "wants to be a trusted connection" : "wants to be friends";
  return message(
    c.trusted ? "trusted-request" : "friend-request",
    now,
    {
      level: "info",
      title: `New ${what} for ${md(a.robloxName)}`,
      url: profileUrl(id),
      description: `${personMd(c.person)}${c.verified ? " ✅" : ""} ${asks} — sent ${discordTimestamp(c.sentAt ?? now)}.`,
      fields,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [actions ? requestButtons(a.robloxId, id, profileUrl(id)) : profileButton(profileUrl(id))],
  );
}

export interface ConnectionCard {
  person: Person;
  created: number | null;
  /** Mutual friends, named (at most 10 shown), and how many there are; null when unknown. */
  mutual: { shown: Person[]; count: number } | null;
}

/** "kid_builder is now connected with **Zed** (@friend_z)", with Profile and Remove. */
export function connectionAlert(
  a: AccountInfo,
  c: ConnectionCard,
  avatar: string | null,
  now: number,
): OutMessage {
  const id = c.person.id;
  const mutual =
    c.mutual === null
      ? "unknown"
      : c.mutual.count === 0
        ? "none"
        : `${c.mutual.count}: ${c.mutual.shown.map((p) => personText(p)).join(", ")}${c.mutual.count > c.mutual.shown.length ? ", …" : ""}`;
  return message(
    "connection",
    now,
    {
      level: "info",
      title: `New connection for ${md(a.robloxName)}`,
      url: profileUrl(id),
      description: `${md(a.robloxName)} is now connected with ${personMd(c.person)} — noticed ${discordTimestamp(now)}.`,
      fields: [
        { name: "Account age", value: ageText(c.created, now), inline: true },
        { name: "Mutual friends", value: md(mutual, 900), inline: false },
      ],
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [connectionButtons(a.robloxId, id, profileUrl(id))],
  );
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

function endText(end: string | null): string {
  const t = end === null ? Number.NaN : Date.parse(end);
  return Number.isFinite(t)
    ? `${discordTimestamp(t, "f")} (${discordTimestamp(t)})`
    : "no end date (permanent)";
}

export interface BanInfo {
  messageToUser?: string | null | undefined;
  punishmentTypeDescription?: string | null | undefined;
}

export function restrictionStartAlert(
  a: AccountInfo,
  r: ActiveRestriction,
  ban: BanInfo | null,
  limit: number | null,
  avatar: string | null,
  now: number,
): OutMessage {
  const since = r.start && Number.isFinite(Date.parse(r.start)) ? Date.parse(r.start) : now;
  if (r.source === 2) {
    const limitText = limit && limit > 0 ? ` (daily limit ${formatMinutes(limit)})` : "";
    return message(
      "restriction-start",
      now,
      {
        level: "warn",
        title: `${md(a.robloxName)} is locked: today's screen time is used up`,
        description: `100 % of today's screen time is used${limitText}. Roblox locked the account ${discordTimestamp(since)}, until ${endText(r.end)}.\nAdd time with the buttons below.`,
        footer: footerOf(a),
        ...thumb(avatar),
      },
      [screenTimeButtons(a.robloxId, [15, 30])],
    );
  }
  const reason =
    ban?.messageToUser?.trim() || ban?.punishmentTypeDescription?.trim() || "Roblox did not say.";
  return message("restriction-start", now, {
    level: "alert",
    title: `${md(a.robloxName)} was banned by Roblox`,
    description: `Restricted ${discordTimestamp(since)}, until ${endText(r.end)}.`,
    fields: [
      { name: "Reason", value: escapeMarkdown(reason, { multiline: true, max: 1000 }), inline: false },
      ...(ban?.punishmentTypeDescription
        ? [{ name: "Type", value: md(ban.punishmentTypeDescription, 200), inline: true }]
        : []),
      { name: "Ends", value: endText(r.end), inline: true },
    ],
    footer: footerOf(a),
    ...thumb(avatar),
  });
}

export function restrictionEndAlert(
  a: AccountInfo,
  r: ActiveRestriction,
  avatar: string | null,
  now: number,
): OutMessage {
  const what = r.source === 2 ? "screen-time lock" : "ban";
  return message("restriction-end", now, {
    level: "ok",
    title: `${md(a.robloxName)}'s ${what} has ended`,
    description: `The ${what} ended ${discordTimestamp(now)}; the account can use Roblox again.`,
    footer: footerOf(a),
    ...thumb(avatar),
  });
}

export function screenTimeAlert(
  a: AccountInfo,
  s: { threshold: number; minutes: number; limit: number },
  avatar: string | null,
  now: number,
): OutMessage {
  const reached = s.threshold >= 100;
  return message(
    "screentime",
    now,
    {
      level: reached ? "alert" : "warn",
      title: `${md(a.robloxName)} used ${s.threshold} % of today's screen time`,
      description: `${formatMinutes(s.minutes)} of the ${formatMinutes(s.limit)} daily limit played today (Roblox's day), as of ${discordTimestamp(now)}.${reached ? "" : ` ${formatMinutes(Math.max(0, s.limit - s.minutes))} left.`}`,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [screenTimeButtons(a.robloxId, [15])],
  );
}

export function cookieAlert(
  a: AccountInfo,
  since: string | undefined,
  avatar: string | null,
  now: number,
): OutMessage {
  const at = since && Number.isFinite(Date.parse(since)) ? Date.parse(since) : now;
  return message("cookie-health", now, {
    level: "alert",
    title: `Roblox no longer accepts the cookie of ${md(a.robloxName)}`,
    description: `The cookie stopped working ${discordTimestamp(at)} (Roblox answered 401). Watching this account is paused until an admin links it again with \`/roblox link\`.`,
    footer: footerOf(a),
    ...thumb(avatar),
  });
}
