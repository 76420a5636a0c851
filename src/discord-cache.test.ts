// discord.js's caches as roguard configures them: guilds, channels and roles whole (permissions
// and routing need them), the bot's own member and user kept, messages/members/emojis not.
import { Client, ClientUser } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { makeCache } from "./discord-cache.js";

const ME = "900000000000000001";
let client: Client;
afterEach(async () => {
  await client?.destroy();
});

function guildPayload(id: string) {
  return {
    id,
    name: `g${id}`,
    owner_id: "1",
    channels: [1, 2, 3].map((i) => ({ id: `${id}${i}`, type: 0, name: `c${i}`, position: i })),
    roles: [
      {
        id,
        name: "@everyone",
        permissions: "0",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
      },
      {
        id: `${id}9`,
        name: "parents",
        permissions: "0",
        position: 1,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
      },
    ],
    emojis: [{ id: `${id}7`, name: "e", roles: [], animated: false, available: true }],
    members: [
      {
        user: { id: ME, username: "roguard", discriminator: "0", bot: true },
        roles: [],
        joined_at: new Date(0).toISOString(),
      },
      {
        user: { id: `${id}5`, username: "parent", discriminator: "0" },
        roles: [],
        joined_at: new Date(0).toISOString(),
      },
    ],
  };
}

describe("discord.js caches", () => {
  it("keep guilds, channels, roles and the bot itself; drop emojis, other members, users and messages", () => {
    client = new Client({ intents: [], makeCache });
    client.user = new (ClientUser as unknown as new (c: Client, d: object) => ClientUser)(client, {
      id: ME,
      username: "roguard",
      discriminator: "0",
      bot: true,
    });
    for (const id of ["100", "200"])
      (client.guilds as unknown as { _add(d: object): void })._add(guildPayload(id));
    expect(client.guilds.cache.size).toBe(2);
    const g = client.guilds.cache.get("100")!;
    expect(g.channels.cache.size).toBe(3);
    expect(client.channels.cache.size).toBe(6);
    expect(g.roles.cache.size).toBe(2);
    expect(g.emojis.cache.size).toBe(0);
    // the caches roguard never reads are one shared, always-empty collection, not one per guild
    const other = client.guilds.cache.get("200")!;
    expect(other.emojis.cache).toBe(g.emojis.cache);
    expect(other.stickers.cache).toBe(g.emojis.cache);
    expect(other.members.cache).not.toBe(g.members.cache);
    expect([...g.members.cache.keys()]).toEqual([ME]);
    expect(g.members.me?.id).toBe(ME);
    expect([...client.users.cache.keys()]).toEqual([ME]);
    const ch = client.channels.cache.get("1001");
    expect(ch?.isTextBased()).toBe(true);
    if (ch?.isTextBased() && "messages" in ch) {
      (ch.messages as unknown as { _add(d: object): void })._add({
        id: "5000",
        channel_id: "1001",
        content: "x",
        author: { id: ME, username: "roguard", discriminator: "0" },
        timestamp: new Date(0).toISOString(),
        attachments: [],
        embeds: [],
        mentions: [],
        mention_roles: [],
        type: 0,
      });
      expect(ch.messages.cache.size).toBe(0);
    } else throw new Error("channel 1001 should be a text channel with messages");
  });
});
