// The fake Discord, proven with the real discord.js client (no roguard code involved).
import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeDiscord, startFakeDiscord, validateSchema, visibleText } from "./fake-discord/index.js";
import {
  CHART,
  onProbeInteraction,
  probeCommands,
  probeErrors,
  probeNotes,
} from "./fake-discord/probe-bot.js";

describe("fake Discord with the real discord.js client", () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (i) => {
      onProbeInteraction(i).catch((e: unknown) => console.error(e));
    });
    const ready = once(client, Events.ClientReady);
    await client.login("fake-token");
    await ready;
    await client.application!.commands.set(probeCommands, fake.world.defaultGuild.id);
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
    await vi.waitFor(() => expect(probeNotes).toContain(`reply ${reply.id} loading=false`)); // with_response=true
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

  it("a select menu pick updates the message; options not offered cannot be picked", async () => {
    const reply = await (await fake.runCommand({ name: "choose" })).waitForFinal();
    const pick = { message: reply, customId: "menu" };
    await expect(fake.selectMenu({ ...pick, values: ["9"] })).rejects.toThrow(/offers no 9/);
    const updated = await (await fake.selectMenu({ ...pick, values: ["1"] })).waitForFinal();
    expect(updated).toMatchObject({ id: reply.id, content: "sorted by 1", components: [] });
  });

  it("a classic modal with action rows", async () => {
    await (await fake.runCommand({ name: "legacy" })).waitForModal();
    const s = await fake.submitModal({ customId: "legacy-modal", fields: { note: "hi" } });
    expect((await s.waitForFinal()).content).toBe("note: hi");
    expect(s.payload.data).toMatchObject({
      components: [{ type: 1, components: [{ type: 4, custom_id: "note", value: "hi" }] }],
    });
  });

  it("only registered commands can be run, and only valid ones registered", async () => {
    await expect(fake.runCommand({ name: "nope" })).rejects.toThrow(/not registered/);
    expect(() => fake.registerCommands([{ name: "Bad Name", description: "x" }])).toThrow(/refuse/);
    expect(fake.violations().join("\n")).toMatch(/does not match/);
    fake.clearRecords();
  });

  it("a callback later than the deadline gets 404 Unknown interaction and is a violation", async () => {
    fake.setAckDeadline(30);
    try {
      const h = await fake.runCommand({ name: "late" });
      await vi.waitFor(() => expect(probeErrors).toHaveLength(1), { timeout: 2000 });
      expect(probeErrors.join()).toMatch(/Unknown interaction/);
      expect(h.callbacks).toMatchObject([{ type: 4, accepted: false }]);
      expect(fake.violations().join()).toMatch(/the deadline is 30 ms/);
    } finally {
      fake.setAckDeadline(3000);
      fake.clearRecords();
    }
  });

  it("guilds joined and left, and new roles, reach the client while connected", async () => {
    const joined = once(client, Events.GuildCreate);
    const g = fake.world.addGuild({ name: "Cousins" });
    expect((await joined)[0].name).toBe("Cousins");
    const role = once(client, Events.GuildRoleCreate);
    fake.world.addRole(g.id, "Uncles");
    expect((await role)[0].name).toBe("Uncles");
    const left = once(client, Events.GuildDelete);
    fake.world.removeGuild(g.id);
    expect((await left)[0].id).toBe(g.id);
  });

  it("heartbeats are acknowledged; without ACKs the client drops the zombie connection and resumes", async () => {
    expect(fake.sessions()[0]!.heartbeats).toBeGreaterThan(0);
    const before = fake.sessions()[0]!.resumes;
    fake.setHeartbeatAcks(false);
    await fake.waitFor(
      () => fake.sessions().some((s) => !s.connected),
      3000,
      "the zombie connection to close",
    );
    fake.setHeartbeatAcks(true);
    const [s] = await fake.waitForSessions(1);
    expect(s!.resumes).toBe(before + 1);
  });

  it("survives a dropped gateway: the client resumes and still gets interactions", async () => {
    const before = fake.sessions()[0]!.resumes;
    fake.dropGateway();
    await fake.waitForSessions(1);
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.sessions()[0]?.resumes).toBe(before + 1);
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
