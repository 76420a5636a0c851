// A tiny discord.js bot used only to prove the fake Discord (test/e2e/fake-discord.test.ts):
// one command per kind of response a real bot gives.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  EmbedBuilder,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { PNG } from "pngjs";

function png(width: number, height: number): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(200);
  return PNG.sync.write(img);
}

export const CHART = png(4, 3);

export const probeCommands = [
  new SlashCommandBuilder().setName("ping").setDescription("Replies"),
  new SlashCommandBuilder().setName("slow").setDescription("Defers, then edits"),
  new SlashCommandBuilder()
    .setName("alerts")
    .setDescription("Alert settings")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName("channel")
        .setDescription("Where alerts go")
        .addChannelOption((o) =>
          o
            .setName("channel")
            .setDescription("Text channel")
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText),
        )
        .addRoleOption((o) => o.setName("role").setDescription("Role to mention"))
        .addIntegerOption((o) => o.setName("limit").setDescription("Limit").setMinValue(1).setMaxValue(50)),
    ),
  new SlashCommandBuilder().setName("link").setDescription("Opens a modal"),
  new SlashCommandBuilder().setName("buttons").setDescription("Shows a button"),
  new SlashCommandBuilder()
    .setName("pick")
    .setDescription("Autocomplete")
    .addStringOption((o) => o.setName("account").setDescription("Account").setAutocomplete(true)),
  new SlashCommandBuilder().setName("post").setDescription("Posts an alert with a chart"),
  new SlashCommandBuilder().setName("bad").setDescription("Sends an invalid reply"),
  new SlashCommandBuilder().setName("late").setDescription("Replies after 80 ms"),
  new SlashCommandBuilder().setName("legacy").setDescription("Modal with action rows"),
  new SlashCommandBuilder().setName("choose").setDescription("Shows a select menu"),
].map((c) => c.toJSON());

/** What the probe saw go wrong (errors thrown by discord.js calls). */
export const probeErrors: string[] = [];
/** What the probe learned from Discord's answers (e.g. with_response=true). */
export const probeNotes: string[] = [];

export async function onProbeInteraction(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    const typed = i.options.getFocused();
    await i.respond(
      ["alice", "albert", "bob"].filter((n) => n.startsWith(typed)).map((n) => ({ name: n, value: n })),
    );
    return;
  }
  if (i.isStringSelectMenu()) {
    await i.update({ content: `sorted by ${i.values.join(",")}`, components: [] });
    return;
  }
  if (i.isButton()) {
    const done = new ButtonBuilder()
      .setCustomId("ack")
      .setLabel("Done")
      .setStyle(ButtonStyle.Success)
      .setDisabled(true);
    await i.update({
      content: `clicked by ${i.user.username}`,
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(done)],
    });
    return;
  }
  if (i.isModalSubmit() && i.customId === "legacy-modal") {
    await i.reply(`note: ${i.fields.getTextInputValue("note")}`);
    return;
  }
  if (i.isModalSubmit()) {
    const label = i.fields.getTextInputValue("label");
    await i.reply({
      content: `linked cookie of ${i.fields.getTextInputValue("cookie").length} chars as "${label}"`,
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  if (!i.isChatInputCommand()) return;
  switch (i.commandName) {
    case "ping":
      await i.reply({
        content: `pong ${i.user.username} manage=${i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)} guild=${i.guild?.name}`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    case "slow":
      await i.deferReply();
      await new Promise((r) => setTimeout(r, 50));
      await i.editReply({
        embeds: [new EmbedBuilder().setTitle("Done slowly").setDescription("after a wait")],
      });
      return;
    case "alerts": {
      const ch = i.options.getChannel("channel", true);
      const role = i.options.getRole("role");
      await i.reply(
        `${i.options.getSubcommand()}: #${ch.name} role=${role?.name ?? "none"} limit=${i.options.getInteger("limit")}`,
      );
      return;
    }
    case "link":
      await i.showModal(
        new ModalBuilder()
          .setCustomId("roblox-link")
          .setTitle("Link a Roblox account")
          .addLabelComponents(
            new LabelBuilder()
              .setLabel("Cookie")
              .setTextInputComponent(
                new TextInputBuilder().setCustomId("cookie").setStyle(TextInputStyle.Paragraph),
              ),
          )
          .addLabelComponents(
            new LabelBuilder()
              .setLabel("Label")
              .setTextInputComponent(
                new TextInputBuilder().setCustomId("label").setStyle(TextInputStyle.Short).setRequired(false),
              ),
          ),
      );
      return;
    case "buttons": {
      const b = new ButtonBuilder()
        .setCustomId("accept:v1:42")
        .setLabel("Accept")
        .setStyle(ButtonStyle.Primary);
      const r = await i.reply({
        content: "A friend request",
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(b)],
        withResponse: true,
      });
      probeNotes.push(`reply ${r.resource?.message?.id} loading=${r.interaction.responseMessageLoading}`);
      return;
    }
    case "post": {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const channel = i.guild?.channels.cache.find((c) => c.name === "alerts");
      if (!channel?.isTextBased()) throw new Error("no alerts channel");
      const embed = new EmbedBuilder().setTitle("Weekly screen time").setImage("attachment://chart.png");
      const msg = await channel.send({ embeds: [embed], files: [{ attachment: CHART, name: "chart.png" }] });
      await msg.edit({ content: "edited alert" });
      await i.editReply("posted");
      return;
    }
    case "bad":
      await i
        .reply({
          embeds: [
            {
              title: "too many",
              fields: Array.from({ length: 30 }, (_, n) => ({ name: `f${n}`, value: "v" })),
            },
          ],
        })
        .catch(() => i.reply("fallback"));
      // discord.js itself refuses a second reply, so go around it, as a buggy bot could.
      await i.client.rest
        .post(Routes.interactionCallback(i.id, i.token), {
          body: { type: 4, data: { content: "again" } },
          auth: false,
        })
        .catch(() => undefined);
      return;
    case "late":
      await new Promise((r) => setTimeout(r, 80));
      await i.reply("too late").catch((e: unknown) => probeErrors.push(String(e)));
      return;
    case "legacy":
      await i.showModal(
        new ModalBuilder()
          .setCustomId("legacy-modal")
          .setTitle("Classic modal")
          .addComponents(
            new ActionRowBuilder<TextInputBuilder>().addComponents(
              new TextInputBuilder().setCustomId("note").setLabel("Note").setStyle(TextInputStyle.Short),
            ),
          ),
      );
      return;
    case "choose": {
      const menu = new StringSelectMenuBuilder()
        .setCustomId("menu")
        .setPlaceholder("Pick a sort")
        .addOptions({ label: "Newest", value: "0" }, { label: "Oldest", value: "1" });
      await i.reply({ components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      return;
    }
  }
}
