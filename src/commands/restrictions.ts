import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
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
export function restrictionEmbed(f: RestrictionFacts): APIEmbed {
  const name = escapeMarkdown(f.name, { max: 100 });
  const r = f.restriction;
  const ban = f.ban;
  if (!r && !ban) {
    return fitEmbed({
      color: COLORS.ok,
      title: "No restriction",
      description: `**${name}** is not banned or locked right now.`,
    });
  }
  const isBan = r ? r.source === RestrictionSource.Ban : true;
  const isLock = r?.source === RestrictionSource.ScreenTime;
  const fields: APIEmbedField[] = [];
  const end = when(r?.endTime) ?? when(ban?.endDate);
  const start = when(r?.startTime) ?? when(ban?.beginDate);
  let title: string;
  let description: string;
  if (isLock) {
    title = "Screen-time lock";
    description = `**${name}** used up today's screen time and is locked${end ? ` until ${end}` : ""}. An admin can grant extra minutes with \`/screentime add\`.`;
  } else if (isBan) {
    title = "Banned";
    description = `**${name}** is banned by Roblox${end ? ` until ${end}` : r && !r.endTime ? " with no end date" : ""}.`;
  } else {
    title = "Restricted";
    description = `**${name}** is restricted by Roblox (source ${r?.source})${end ? ` until ${end}` : ""}.`;
  }
  if (start) fields.push({ name: "Since", value: start, inline: true });
  if (end) fields.push({ name: "Until", value: end, inline: true });
  if (ban) {
    if (ban.punishmentTypeDescription)
      fields.push({
        name: "Type",
        value: escapeMarkdown(ban.punishmentTypeDescription, { max: 200 }),
        inline: true,
      });
    if (ban.messageToUser)
      fields.push({
        name: "Reason",
        value: escapeMarkdown(ban.messageToUser, { multiline: true, max: 1000 }),
      });
    const begin = when(ban.beginDate);
    const until = when(ban.endDate);
    if (begin && begin !== start) fields.push({ name: "Ban began", value: begin, inline: true });
    if (until && until !== end) fields.push({ name: "Ban ends", value: until, inline: true });
  }
  return fitEmbed({ color: isLock ? COLORS.warn : COLORS.alert, title, description, fields });
}

async function run(_interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const [restriction, ban] = await Promise.all([
    ctx.roblox.moderation.restriction(linked.session, ctx.call),
    ctx.roblox.moderation.banDetails(linked.session, ctx.call),
  ]);
  return { content: "", embeds: [restrictionEmbed({ name: linked.account.robloxName, restriction, ban })] };
}

export const subcommands: Record<string, Subcommand> = { "": onAccount("viewer", run) };
