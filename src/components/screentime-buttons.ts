/**
 * "+15 min" / "+30 min" on screen-time and lock alerts: adds temporary screen time (works while
 * the account is locked), tells the clicker in a private sentence and notes on the alert who
 * granted what and when. The buttons stay: more time can be granted again.
 */
import { type APIEmbed, type APIEmbedField, MessageFlags } from "discord.js";
import { minutes } from "../i18n/format.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { COLORS, fitEmbed, LIMITS } from "../ui/embeds.js";
import { discordTimestamp } from "../ui/format.js";
import { messageLocale } from "./message-locale.js";
import type { ButtonHandler } from "./types.js";

/** The name of the alert's field that lists the grants, in the alert's (the guild's) language. */
const grantsField = (locale: Locale): string => t(locale, "alerts.grant.field");

/** Pure: the alert's embeds with one more grant line (the newest lines kept when long). */
export function noteGrant(embeds: readonly APIEmbed[], line: string, locale: Locale): APIEmbed[] {
  const GRANTS_FIELD = grantsField(locale);
  const out = embeds.map((e) => ({ ...e }));
  const target = out[0];
  if (!target) {
    return [fitEmbed({ color: COLORS.ok, fields: [{ name: GRANTS_FIELD, value: line }] })];
  }
  const fields: APIEmbedField[] = [...(target.fields ?? [])];
  const at = fields.findIndex((f) => f.name === GRANTS_FIELD);
  const previous = at >= 0 ? (fields[at]?.value ?? "") : "";
  const lines = [...previous.split("\n").filter(Boolean), line];
  while (lines.length > 1 && lines.join("\n").length > LIMITS.fieldValue) lines.shift();
  const field = { name: GRANTS_FIELD, value: lines.join("\n") };
  if (at >= 0) fields[at] = field;
  else {
    if (fields.length >= LIMITS.fields) fields.length = LIMITS.fields - 1;
    fields.push(field);
  }
  out[0] = fitEmbed({ ...target, fields });
  return out;
}

export const screenTimeAddButton: ButtonHandler<"st-add"> = {
  action: "st-add",
  level: () => "admin",
  async execute(interaction, action, ctx) {
    await interaction.deferUpdate();
    const linked = await ctx.account(action.accountId);
    await ctx.roblox.parental.addTemporary(linked.session, action.minutes, ctx.call);
    await ctx.audit("screentime.add", linked.account.robloxId, `+${action.minutes} min by button`);
    // the alert is shared: its grant line is in the guild's language; the private answer in the clicker's
    const guild = await messageLocale(interaction, ctx);
    const line = t(guild, "alerts.grant.line", {
      amount: minutes(guild, action.minutes),
      user: md(`<@${ctx.userId}>`),
      when: md(discordTimestamp(ctx.now(), "R")),
    });
    const embeds = noteGrant(
      interaction.message.embeds.map((e) => e.toJSON()),
      line,
      guild,
    );
    await interaction.editReply({ embeds, allowedMentions: { parse: [] } });
    await interaction.followUp({
      content: ctx.t("alerts.grant.added", {
        amount: minutes(ctx.locale, action.minutes),
        name: linked.account.robloxName,
      }),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
