// The fake Discord, proven with the real discord.js client (no roguard code involved).
import { once } from "node:events";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  type Interaction,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeDiscord, startFakeDiscord, validateSchema, visibleText } from "./fake-discord/index.js";

function png(width: number, height: number): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(200);
  return PNG.sync.write(img);
}

const CHART = png(4, 3);

const commands = [
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
].map((c) => c.toJSON());

async function onInteraction(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    const typed = i.options.getFocused();
    await i.respond(
      ["alice", "albert", "bob"].filter((n) => n.startsWith(typed)).map((n) => ({ name: n, value: n })),
    );
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
      await i.reply({
        content: "A friend request",
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(b)],
      });
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
  }
}

describe("fake Discord with the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (i) => {
      onInteraction(i).catch((e: unknown) => console.error(e));
    });
    const ready = once(client, Events.ClientReady);
    await client.login("fake-token");
    await ready;
    await client.application!.commands.set(commands, fake.world.defaultGuild.id);
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("logs in: READY, GUILD_CREATE with channels, roles and members in discord.js's cache", () => {
    const g = client.guilds.cache.get(fake.world.defaultGuild.id);
    expect(g?.name).toBe("Roguard Family");
    expect(g?.channels.cache.map((c) => c.name).sort()).toEqual(["alerts", "general"]);
    expect(g?.roles.cache.map((r) => r.name)).toEqual(
      expect.arrayContaining(["@everyone", "Parents", "Viewers"]),
    );
    expect(g?.ownerId).toBe(fake.world.people.admin.user.id);
    expect(client.user?.id).toBe(fake.world.bot.id);
    expect(fake.sessions()).toMatchObject([
      { shard: [0, 1], ready: true, intents: GatewayIntentBits.Guilds },
    ]);
    expect(fake.requests.some((r) => r.method === "GET" && r.path === "/gateway/bot")).toBe(true);
    expect(fake.commands(fake.world.defaultGuild.id).map((c) => c.name)).toContain("alerts");
    expect(fake.violations()).toEqual([]);
  });

  it("a reply: what the member sees, with permissions computed from the member", async () => {
    const admin = await (await fake.runCommand({ name: "ping", user: "admin" })).waitForFinal();
    const member = await (await fake.runCommand({ name: "ping", user: "member" })).waitForFinal();
    expect(admin.content).toBe("pong parent_admin manage=true guild=Roguard Family");
    expect(member.content).toBe("pong plain_member manage=false guild=Roguard Family");
    expect(member.ephemeral).toBe(true);
    expect(fake.messages("general")).toHaveLength(0); // ephemeral: nobody else sees it
  });

  it("a deferred reply becomes final when @original is edited", async () => {
    const h = await fake.runCommand({ name: "slow" });
    expect((await h.waitForResponse()).type).toBe(5);
    const final = await h.waitForFinal();
    expect(final.embeds[0]).toMatchObject({
      type: "rich",
      title: "Done slowly",
      description: "after a wait",
    });
    expect(visibleText(final)).toContain("Done slowly");
    expect(fake.messages("general").map((m) => m.id)).toContain(final.id); // public reply, in the channel
  });

  it("subcommands with channel, role and integer options; commands hidden by permissions", async () => {
    const run = {
      name: "alerts",
      subcommand: "channel",
      options: { channel: "alerts", role: "Parents", limit: 5 },
    };
    const h = await fake.runCommand({ ...run, user: "admin" });
    expect((await h.waitForFinal()).content).toBe("channel: #alerts role=Parents limit=5");
    await expect(fake.runCommand({ ...run, user: "viewer" })).rejects.toThrow(/cannot see \/alerts/);
    await expect(fake.runCommand({ ...run, options: { channel: "alerts", limit: 99 } })).rejects.toThrow(
      /out of range/,
    );
    fake.allowCommand("alerts", fake.world.roles.viewers.id);
    await (await fake.runCommand({ ...run, user: "viewer" })).waitForFinal();
  });

  it("a modal (label components) and its submission", async () => {
    const h = await fake.runCommand({ name: "link" });
    const modal = await h.waitForModal();
    expect(modal).toMatchObject({ custom_id: "roblox-link", title: "Link a Roblox account" });
    await expect(fake.submitModal({ customId: "roblox-link", fields: { label: "kid" } })).rejects.toThrow(
      /required/,
    );
    const s = await fake.submitModal({ customId: "roblox-link", fields: { cookie: "abc123", label: "kid" } });
    expect((await s.waitForFinal()).content).toBe('linked cookie of 6 chars as "kid"');
  });

  it("a button click updates the message; a disabled button cannot be clicked", async () => {
    const reply = await (await fake.runCommand({ name: "buttons" })).waitForFinal();
    const click = await fake.clickButton({ message: reply, customId: "accept:v1:42", user: "viewer" });
    expect((await click.waitForResponse()).type).toBe(7);
    const updated = await click.waitForFinal();
    expect(updated.id).toBe(reply.id);
    expect(updated.content).toBe("clicked by viewer_member");
    expect(visibleText(updated)).toContain("Done");
    await expect(fake.clickButton({ message: reply, customId: "ack" })).rejects.toThrow(/disabled/);
  });

  it("autocomplete returns the choices", async () => {
    const h = await fake.autocomplete({ name: "pick", focused: "account", value: "al" });
    expect(await h.choices()).toEqual([
      { name: "alice", value: "alice" },
      { name: "albert", value: "albert" },
    ]);
  });

  it("a channel message with an embed and a PNG attachment, then edited", async () => {
    const h = await fake.runCommand({ name: "post" });
    expect((await h.waitForFinal()).content).toBe("posted");
    const msg = await fake.waitForMessage("alerts", (m) => m.edits > 0);
    expect(msg.content).toBe("edited alert");
    const att = msg.attachments[0]!;
    expect(att).toMatchObject({ filename: "chart.png", content_type: "image/png", width: 4, height: 3 });
    expect(msg.files[String(att.id)]?.data.equals(CHART)).toBe(true);
    expect(msg.embeds[0]).toMatchObject({ title: "Weekly screen time", image: { url: att.url } });
    expect(Buffer.from(await (await fetch(String(att.url))).arrayBuffer()).equals(CHART)).toBe(true);
    const post = fake.requests.find((r) => r.method === "POST" && r.path.endsWith("/messages"));
    expect(post).toMatchObject({ multipart: true, route: "/channels/{channel_id}/messages", violations: [] });
    const { files: _f, ephemeral: _e, deleted: _d, edits: _n, ...json } = msg;
    expect(validateSchema("MessageResponse", json)).toEqual([]);
  });

  it("nothing the client sent so far breaks Discord's rules", () => {
    expect(fake.violations()).toEqual([]);
  });

  it("records what Discord would refuse: schema limits, double acknowledgement, unknown routes", async () => {
    fake.clearRecords();
    const alerts = fake.world.channels.alerts.id;
    await expect(
      client.rest.post(Routes.channelMessages(alerts), { body: { content: "x".repeat(3000) } }),
    ).rejects.toThrow(/Invalid Form Body/);
    const h = await fake.runCommand({ name: "bad" });
    expect((await h.waitForFinal()).content).toBe("fallback");
    await fake.waitForRequest((r) => r.violations.some((v) => v.includes("acknowledged")));
    await expect(client.rest.get("/nowhere" as `/${string}`)).rejects.toThrow();
    const v = fake.violations();
    expect(v.some((x) => x.includes("content") && x.includes("2000"))).toBe(true);
    expect(
      v.some((x) => x.includes("/callback") && x.includes("fields must NOT have more than 25 items")),
    ).toBe(true);
    expect(v.some((x) => x.includes("already acknowledged: second callback (4) to /bad"))).toBe(true);
    expect(v.some((x) => x.startsWith("GET /nowhere"))).toBe(true);
    fake.clearRecords();
  });

  it("survives a dropped gateway: the client resumes and still gets interactions", async () => {
    fake.dropGateway();
    await fake.waitForSessions(1);
    expect(fake.sessions()[0]?.resumes).toBe(1);
    expect((await (await fake.runCommand({ name: "ping" })).waitForFinal()).content).toMatch(/^pong/);
    expect(fake.violations()).toEqual([]);
  });
});

describe("sharding", () => {
  it("two shards: each identifies and gets the guilds that belong to it", async () => {
    const fake = await startFakeDiscord({ shards: 2, maxConcurrency: 2 });
    const { shardOf } = await import("./fake-discord/ids.js");
    const first = shardOf(fake.world.defaultGuild.id, 2);
    fake.world.addGuild({ name: "Second", shard: [1 - first, 2] });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: fake.apiUrl },
      shards: "auto",
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login("fake-token");
      await ready;
      expect(
        fake
          .sessions()
          .map((s) => s.shard)
          .sort(),
      ).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(client.guilds.cache.size).toBe(2);
      const shards = new Set(client.guilds.cache.map((g) => g.shardId));
      expect(shards).toEqual(new Set([0, 1]));
      expect(fake.violations()).toEqual([]);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
