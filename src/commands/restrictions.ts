import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { type BanDetailsT, RestrictionSource, type RestrictionT } from "../roblox/index.js";
import { COLORS, fitEmbed } from "../ui/embeds.js";
import { discordTimestamp, escapeMarkdown } from "../ui/format.js";
import { accountOption, guildCommand } from "./options.js";
import { type Cmd, onAccount, type Reply, type Subcommand } from "./types.js";

export const data = guildCommand("restrictions", "Bans and screen-time locks on the linked Roblox account")
  .addStringOption(accountOption)
  .toJSON();

export interface RestrictionFacts {
  name: string;
  /** usermoderation v2 (null = none). */
  restriction: RestrictionT | null;
  /** usermoderation v1 ban details (null = not banned). */
  ban: BanDetailsT | null;
}

function when(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? `${discordTimestamp(t, "f")} (${discordTimestamp(t, "R")})` : undefined;
}

/** Pure: one embed saying whether the account is restricted, why, and until when. */
export function restrictionEmbed(f: RestrictionFacts, locale: Locale): APIEmbed {
  const name = md(escapeMarkdown(f.name, { max: 100 }));
  const r = f.restriction;
  const ban = f.ban;
  if (!r && !ban) {
    return fitEmbed({
      color: COLORS.ok,
      title: t(locale, "alerts.r.none"),
      description: t(locale, "alerts.r.noneDescription", { name }),
    });
  }
  const isBan = r ? r.source === RestrictionSource.Ban : true;
  const isLock = r?.source === RestrictionSource.ScreenTime;
  const fields: APIEmbedField[] = [];
  const end = when(r?.endTime) ?? when(ban?.endDate);
  const start = when(r?.startTime) ?? when(ban?.beginDate);
  let title: string;
  let description: string;
  const until = md(end ? t(locale, "alerts.r.untilEnd", { end: md(end) }) : "");
  if (isLock) {
    title = t(locale, "alerts.r.lockTitle");
    description = t(locale, "alerts.r.lockDescription", { name, until });
  } else if (isBan) {
    title = t(locale, "alerts.r.bannedTitle");
    const banUntil = end || !r || r.endTime ? until : md(t(locale, "alerts.r.noEndDate"));
    description = t(locale, "alerts.r.bannedDescription", { name, until: banUntil });
  } else {
    title = t(locale, "alerts.r.restrictedTitle");
    description = t(locale, "alerts.r.restrictedDescription", { name, source: String(r?.source), until });
  }
  if (start) fields.push({ name: t(locale, "alerts.r.since"), value: start, inline: true });
  if (end) fields.push({ name: t(locale, "alerts.r.until"), value: end, inline: true });
  if (ban) {
    if (ban.punishmentTypeDescription)
      fields.push({
        name: t(locale, "alerts.r.type"),
        value: escapeMarkdown(ban.punishmentTypeDescription, { max: 200 }),
        inline: true,
      });
    if (ban.messageToUser)
      fields.push({
        name: t(locale, "alerts.r.reason"),
        value: escapeMarkdown(ban.messageToUser, { multiline: true, max: 1000 }),
      });
    const begin = when(ban.beginDate);
    const banEnd = when(ban.endDate);
    if (begin && begin !== start)
      fields.push({ name: t(locale, "alerts.r.banBegan"), value: begin, inline: true });
    if (banEnd && banEnd !== end)
      fields.push({ name: t(locale, "alerts.r.banEnds"), value: banEnd, inline: true });
  }
  return fitEmbed({ color: isLock ? COLORS.warn : COLORS.alert, title, description, fields });
}

async function run(_interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const [restriction, ban] = await Promise.all([
    ctx.roblox.moderation.restriction(linked.session, ctx.call),
    ctx.roblox.moderation.banDetails(linked.session, ctx.call),
  ]);
  return {
    content: "",
    embeds: [restrictionEmbed({ name: linked.account.robloxName, restriction, ban }, ctx.locale)],
  };
}

export const subcommands: Record<string, Subcommand> = { "": onAccount("viewer", run) };
