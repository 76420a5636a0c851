import {
  ChannelType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { Invocation } from "../context.js";
import { ALERT_EVENTS } from "../domain/alert-events.js";
import type { Level } from "../permissions.js";
import { channel, mention, quietHours, summaryTime, timezone, toggle } from "./alerts/settings.js";
import { show, watchAdd, watchList, watchRemove } from "./alerts/watch.js";
import { accountOpt, userOpt, withOpts } from "./options.js";

const hhmm =
  (name: string, description: string, required: boolean) => (s: Parameters<typeof accountOpt>[0]) =>
    s.addStringOption((o) =>
      o.setName(name).setDescription(description).setRequired(required).setMinLength(4).setMaxLength(5),
    );

export const data = new SlashCommandBuilder()
  .setName("alerts")
  .setDescription("Where and when roguard posts alerts")
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName("channel")
      .setDescription("Post alerts in this channel")
      .addChannelOption((o) =>
        o
          .setName("channel")
          .setDescription("A text channel the bot can post in")
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  )
  .addSubcommand((s) =>
    withOpts(
      (x) => userOpt(x, true),
      accountOpt,
    )(s.setName("watch-add").setDescription("Watch a user's presence")),
  )
  .addSubcommand((s) =>
    withOpts(
      (x) => userOpt(x, true),
      accountOpt,
    )(s.setName("watch-remove").setDescription("Stop watching a user's presence")),
  )
  .addSubcommand((s) => accountOpt(s.setName("watch-list").setDescription("Users whose presence is watched")))
  .addSubcommand((s) =>
    s
      .setName("toggle")
      .setDescription("Turn an alert on or off")
      .addStringOption((o) =>
        o
          .setName("event")
          .setDescription("Which alert")
          .setRequired(true)
          .addChoices(...ALERT_EVENTS.map((e) => ({ name: e, value: e }))),
      )
      .addBooleanOption((o) => o.setName("enabled").setDescription("On or off").setRequired(true)),
  )
  .addSubcommand((s) =>
    withOpts(
      hhmm("start", "Start, HH:MM (leave both empty to turn quiet hours off)", false),
      hhmm("end", "End, HH:MM", false),
    )(s.setName("quiet-hours").setDescription("Hold presence alerts during these hours")),
  )
  .addSubcommand((s) =>
    s
      .setName("timezone")
      .setDescription("This server's time zone (summary time, quiet hours)")
      .addStringOption((o) =>
        o
          .setName("zone")
          .setDescription("IANA zone, e.g. Europe/Paris")
          .setRequired(true)
          .setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    withOpts(hhmm("time", "HH:MM in this server's time zone", true))(
      s.setName("summary-time").setDescription("When the daily summary is posted"),
    ),
  )
  .addSubcommand((s) =>
    s
      .setName("mention")
      .setDescription("Role to mention in alerts (empty = none)")
      .addRoleOption((o) => o.setName("role").setDescription("Role to mention")),
  )
  .addSubcommand((s) => s.setName("show").setDescription("Show the alert settings"))
  .toJSON();

export const level = (_sub: string | null): Level => "admin";

type Cmd = ChatInputCommandInteraction<"cached">;

const subcommands: Record<string, (i: Cmd, ctx: Invocation) => Promise<void>> = {
  channel,
  "watch-add": watchAdd,
  "watch-remove": watchRemove,
  "watch-list": watchList,
  toggle,
  "quiet-hours": quietHours,
  timezone,
  "summary-time": summaryTime,
  mention,
  show,
};

export async function execute(interaction: Cmd, ctx: Invocation): Promise<void> {
  const sub = subcommands[interaction.options.getSubcommand()];
  if (!sub) throw new Error(`/alerts ${interaction.options.getSubcommand()} is not implemented`);
  await sub(interaction, ctx);
}
