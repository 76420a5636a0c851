import { ChannelType } from "discord.js";
import { ALERT_EVENTS } from "../domain/alert-events.js";
import { LOCALE_NAMES, LOCALES } from "../i18n/locales.js";
import { channel, language, mention, quietHours, summaryTime, timezone, toggle } from "./alerts/settings.js";
import { show, watchAdd, watchList, watchRemove } from "./alerts/watch.js";
import { accountSub, guildCommand, hhmmOpt, subcommand, text, userOpt } from "./options.js";
import { onAccount, plain, type Subcommand } from "./types.js";

export const data = guildCommand("alerts", "Where and when roguard posts alerts", true)
  .addSubcommand((s) =>
    subcommand(
      "channel",
      "Post alerts in this channel",
    )(s).addChannelOption((o) =>
      o
        .setName("channel")
        .setDescription("A text channel the bot can post in")
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  )
  .addSubcommand(accountSub("watch-add", "Watch a user's presence", userOpt(true)))
  .addSubcommand(accountSub("watch-remove", "Stop watching a user's presence", userOpt(true)))
  .addSubcommand(accountSub("watch-list", "Users whose presence is watched"))
  .addSubcommand((s) =>
    subcommand(
      "toggle",
      "Turn an alert on or off",
    )(s)
      .addStringOption((o) =>
        o
          .setName("event")
          .setDescription("Which alert")
          .setRequired(true)
          .addChoices(...ALERT_EVENTS.map((e) => ({ name: e, value: e }))),
      )
      .addBooleanOption((o) => o.setName("enabled").setDescription("On or off").setRequired(true)),
  )
  .addSubcommand(
    subcommand(
      "quiet-hours",
      "Hold presence alerts during these hours",
      hhmmOpt("start", "Start, HH:MM (leave both empty to turn quiet hours off)", false),
      hhmmOpt("end", "End, HH:MM", false),
    ),
  )
  .addSubcommand(
    subcommand(
      "timezone",
      "This server's time zone (summary time, quiet hours)",
      text("zone", "IANA zone, e.g. Europe/Paris", { required: true, autocomplete: true }),
    ),
  )
  .addSubcommand(
    subcommand(
      "summary-time",
      "When the daily summary is posted",
      hhmmOpt("time", "HH:MM in this server's time zone", true),
    ),
  )
  .addSubcommand((s) =>
    subcommand(
      "mention",
      "Role to mention in alerts (empty = none)",
    )(s).addRoleOption((o) => o.setName("role").setDescription("Role to mention")),
  )
  .addSubcommand((s) =>
    subcommand(
      "language",
      "The language of alerts and digests in this server",
    )(s).addStringOption((o) =>
      o
        .setName("language")
        .setDescription("Language")
        .setRequired(true)
        .addChoices(...LOCALES.map((l) => ({ name: LOCALE_NAMES[l], value: l }))),
    ),
  )
  .addSubcommand(subcommand("show", "Show the alert settings"))
  .toJSON();

/** Every subcommand is admin's; the settings ones answer at once, the others ask Roblox or read more. */
export const subcommands: Record<string, Subcommand> = {
  channel: plain("admin", channel),
  "watch-add": onAccount("admin", watchAdd),
  "watch-remove": onAccount("admin", watchRemove),
  "watch-list": onAccount("admin", watchList),
  toggle: plain("admin", toggle),
  "quiet-hours": plain("admin", quietHours),
  timezone: plain("admin", timezone),
  "summary-time": plain("admin", summaryTime),
  mention: plain("admin", mention),
  language: plain("admin", language),
  show: plain("admin", show, "ephemeral"),
};
