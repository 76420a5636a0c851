/**
 * Alerts as Discord messages (pure: data in, JSON out). Every alert carries an avatar, a Discord
 * timestamp (<t:…:R>) and, where an action fits, buttons; they are stored in the outbox as JSON
 * and posted by outbox.ts (which adds the role mention).
 */
import { randomBytes } from "node:crypto";
import type { APIEmbed } from "discord.js";
import type { AccountRecord } from "../store/index.js";
import { type ButtonRow, profileButton, requestButtons, screenTimeButtons } from "../ui/buttons.js";
import { COLORS, fitEmbed, type Level } from "../ui/embeds.js";
import {
  accountAge,
  discordTimestamp,
  escapeMarkdown,
  experienceName,
  formatMinutes,
  profileUrl,
  truncate,
} from "../ui/format.js";
import type { ActiveRestriction, OutMessage, Snap } from "./state.js";

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

/** "online", "in game: **Adopt Me!**", "in Roblox Studio", "offline". */
export function describeSnap(s: Snap): string {
  switch (s.t) {
    case 1:
      return "online";
    case 2:
      return `in game: **${md(experienceName(s.loc), 120)}**`;
    case 3:
      return "in Roblox Studio";
    default:
      return "offline";
  }
}

export interface RequestInfo {
  senderId: string;
  name?: string | null | undefined;
  displayName?: string | null | undefined;
  created?: string | null | undefined;
  hasVerifiedBadge?: boolean | null | undefined;
  sentAt?: string | null | undefined;
  mutualFriendsList?: string[] | null | undefined;
}

export function requestAlert(a: AccountInfo, r: RequestInfo, avatar: string | null, now: number): OutMessage {
  const name = r.name ?? `User ${r.senderId}`;
  const display = r.displayName ?? name;
  const sent = r.sentAt && Number.isFinite(Date.parse(r.sentAt)) ? Date.parse(r.sentAt) : now;
  const created = r.created && Number.isFinite(Date.parse(r.created)) ? Date.parse(r.created) : null;
  const mutual = r.mutualFriendsList ?? [];
  const fields = [
    { name: "Name", value: `@${md(name)}`, inline: true },
    { name: "Display name", value: md(display), inline: true },
    {
      name: "Account age",
      value:
        created === null
          ? "unknown"
          : `${accountAge(new Date(created), new Date(now))} (since ${discordTimestamp(created, "D")})`,
      inline: true,
    },
    { name: "Verified badge", value: r.hasVerifiedBadge ? "✅ Yes" : "No", inline: true },
    ...(mutual.length > 0
      ? [{ name: "Mutual friends", value: md(mutual.slice(0, 10).join(", "), 900), inline: false }]
      : []),
  ];
  return message(
    "friend-request",
    now,
    {
      level: "info",
      title: `New friend request for ${md(a.robloxName)}`,
      url: profileUrl(r.senderId),
      description: `**${md(display)}** (@${md(name)})${r.hasVerifiedBadge ? " ✅" : ""} wants to be friends — sent ${discordTimestamp(sent)}.`,
      fields,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [requestButtons(a.robloxId, r.senderId, profileUrl(r.senderId))],
  );
}

export interface UserLabel {
  name: string;
  displayName: string;
}

export function presenceAlert(
  a: AccountInfo,
  userId: string,
  user: UserLabel | undefined,
  from: Snap,
  to: Snap,
  avatar: string | null,
  at: number,
  now: number,
): OutMessage {
  const display = user ? md(user.displayName) : `User ${userId}`;
  const handle = user ? ` (@${md(user.name)})` : "";
  const level: Level = to.t === 0 ? "info" : to.t === 2 ? "ok" : "info";
  return message(
    "presence",
    now,
    {
      level,
      title: `${user ? md(user.displayName) : `User ${userId}`} is now ${to.t === 2 ? "in game" : describeSnap(to).replace(/\*\*/g, "")}`,
      description: `**${display}**${handle} is now ${describeSnap(to)} (was ${describeSnap(from)}) — ${discordTimestamp(at)}.`,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [profileButton(profileUrl(userId))],
  );
}

export function digestAlert(
  a: AccountInfo,
  changes: readonly { userId: string; from: Snap; to: Snap; at: number }[],
  names: ReadonlyMap<string, UserLabel>,
  avatar: string | null,
  now: number,
): OutMessage {
  const MAX_LINES = 30;
  const head = `Quiet hours ended ${discordTimestamp(now)}. Held back meanwhile:`;
  const budget = 4096 - head.length - 40; // room for the "…and N more" line
  const lines: string[] = [];
  let used = 0;
  for (const c of changes) {
    const u = names.get(c.userId);
    const who = u ? `**${md(u.displayName)}** (@${md(u.name)})` : `**User ${c.userId}**`;
    const line = `${discordTimestamp(c.at, "t")} ${who}: ${describeSnap(c.from)} → ${describeSnap(c.to)}`;
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
