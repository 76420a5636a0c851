import type { EmbedBuilder } from "discord.js";
import type { Invocation } from "../context.js";
import { accountAgeText } from "../domain/people.js";
import { UserError } from "../errors.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { ID_RE, type PublicUserT } from "../roblox/index.js";
import { profileButton } from "../ui/buttons.js";
import { type KeyValueField, keyValueEmbed } from "../ui/embeds.js";
import { discordTimestamp, escapeMarkdown, profileUrl } from "../ui/format.js";
import { guildCommand, subcommand, userOpt } from "./options.js";
import { type Cmd, plain, type Reply, type Subcommand } from "./types.js";

export const data = guildCommand("user", "Public Roblox profiles")
  .addSubcommand(subcommand("lookup", "Look up a public Roblox profile", userOpt(true)))
  .toJSON();

/** The public profile as an embed in `locale` (pure; `now` for the account's age). */
export function profileEmbed(
  u: PublicUserT,
  avatarUrl: string | null,
  now: Date,
  locale: Locale,
): EmbedBuilder {
  const fields: KeyValueField[] = [
    { name: t(locale, "ui.field.robloxId"), value: String(u.id), inline: true },
  ];
  const created = u.created ? new Date(u.created) : undefined;
  if (created && !Number.isNaN(created.getTime())) {
    fields.push({
      name: t(locale, "friends.user.created"),
      value: t(locale, "friends.user.createdValue", {
        date: md(discordTimestamp(created, "D")),
        age: md(accountAgeText(locale, created, now)),
      }),
      inline: true,
    });
  }
  fields.push(
    {
      name: t(locale, "friends.user.verified"),
      value: t(locale, u.hasVerifiedBadge ? "common.yes" : "common.no"),
      inline: true,
    },
    {
      name: t(locale, "friends.user.banned"),
      value: t(locale, u.isBanned ? "friends.user.bannedYes" : "common.no"),
      inline: true,
    },
  );
  const about = (u.description ?? "").trim();
  const title = `${escapeMarkdown(u.displayName, { max: 100 })} (@${escapeMarkdown(u.name, { max: 60 })})`;
  const embed = keyValueEmbed(title, fields, {
    description: about
      ? escapeMarkdown(about, { multiline: true, max: 1000 })
      : t(locale, "friends.user.noDescription"),
    color: u.isBanned ? "alert" : "info",
  }).setURL(profileUrl(u.id));
  if (avatarUrl) embed.setThumbnail(avatarUrl);
  return embed;
}

async function lookup(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const input = interaction.options.getString("user", true).trim();
  const plain = input.replace(/^@/, "");
  let id: string | undefined;
  if (ID_RE.test(plain)) id = plain;
  else id = (await ctx.roblox.users.resolve(plain, ctx.call))?.id.toString();
  const user = id === undefined ? null : await ctx.roblox.users.get(id, ctx.call);
  if (!user) throw new UserError("friends.user.notFound", { name: md(escapeMarkdown(input, { max: 40 })) });
  const avatarUrl = await ctx.lookups.avatar(user.id, ctx.call);
  return {
    embeds: [profileEmbed(user, avatarUrl, new Date(ctx.now()), ctx.locale)],
    components: [profileButton(profileUrl(user.id), ctx.locale)],
  };
}

export const subcommands: Record<string, Subcommand> = { lookup: plain("anyone", lookup, "ephemeral") };
