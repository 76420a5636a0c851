/**
 * The language of a line a click edits into the message clicked: an ephemeral reply is the
 * member's own (only they see it and click it); any other message (an alert) speaks the guild's
 * language, like the alert itself.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Invocation } from "../context.js";
import { guildLocale, type Locale } from "../i18n/locales.js";

export async function messageLocale(
  interaction: ButtonInteraction<"cached">,
  ctx: Invocation,
): Promise<Locale> {
  const flags = interaction.message.flags as { has?(f: number): boolean } | undefined;
  if (flags?.has?.(MessageFlags.Ephemeral)) return ctx.locale;
  // A store hiccup must not lose the line of an answer Roblox already took: the guild's own locale then.
  const settings = await ctx.store.settings.get(ctx.guildId).catch((err: unknown) => {
    ctx.log.warn({ err }, "could not read the guild's language; the line follows the guild's locale");
    return undefined;
  });
  return guildLocale(settings?.language, interaction.guild?.preferredLocale);
}
