// Resharding from 1 to 2 on the same Redis store: buttons on alerts posted by the single process
// still work when a shard process handles them, what was already done is still known ("already",
// no second Roblox call), and nothing is alerted again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shardOf } from "../e2e/fake-discord/ids.js";
import type { FakeChannel, FakeGuild } from "../e2e/fake-discord/index.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "../e2e/harness.js";
import { link, pollTimes, processesWith, sleep, waitUntil, withStore } from "./kit.js";
import { type RedisServer, startRedis } from "./redis.js";

const KID = SEED.child.id;
const PARENT = SEED.parent.id;
const INTERVAL = 1_000;
let redis: RedisServer;
let w: World;
let a: { guild: FakeGuild; alerts: FakeChannel; admin: string };
let b: { guild: FakeGuild; alerts: FakeChannel; admin: string };

const requestAlerts = (ch: FakeChannel) =>
  w.fake.messages(ch.id).filter((m) => (m.embeds[0]?.title ?? "").includes("friend request"));
const accepts = (requester: number) =>
  w.sim.log.filter((e) => e.method === "POST" && !e.csrfRejected && e.path.includes(`/${requester}/accept`));

function button(m: FakeMessage, label: string, requester: number): string {
  for (const row of m.components)
    for (const c of (row.components ?? []) as Record<string, unknown>[])
      if (c.label === label && String(c.custom_id).endsWith(`:${requester}`) && c.disabled !== true)
        return String(c.custom_id);
  throw new Error(`no enabled ${label} for ${requester}: ${JSON.stringify(m.components)}`);
}

async function alertFor(ch: FakeChannel, requester: number): Promise<FakeMessage> {
  return w.fake.waitForMessage(
    ch.id,
    (m) => JSON.stringify(m.embeds).includes(`Requester${requester}`),
    8_000,
  );
}

beforeAll(async () => {
  redis = await startRedis();
  w = await startWorld({ pollIntervalSeconds: INTERVAL / 1000, env: { STORE_URL: redis.url } });
  const g = w.fake.world.defaultGuild;
  a = { guild: g, alerts: w.fake.world.channels.alerts, admin: w.fake.world.people.admin.user.id };
  const other = w.fake.world.addGuild({ name: "Second Family", shard: [1 - shardOf(g.id, 2), 2] });
  b = { guild: other, alerts: w.fake.world.addChannel(other.id, "alerts"), admin: other.owner_id };
  await withStore(redis.url, async (s) => {
    await link(s, w.sim, { guildId: a.guild.id, robloxId: KID, channelId: a.alerts.id, linkedBy: a.admin });
    await link(s, w.sim, {
      guildId: b.guild.id,
      robloxId: PARENT,
      channelId: b.alerts.id,
      linkedBy: b.admin,
    });
  });
}, 60_000);

afterAll(async () => {
  await w?.stop();
  await redis?.close();
});

describe("resharding from 1 to 2 on the same store", () => {
  let staleList: FakeMessage;
  let alertB: FakeMessage;

  it("one process: an alert in each guild; one is accepted from its button", async () => {
    const since = Date.now();
    await waitUntil(
      "baseline polls of both accounts",
      () => pollTimes(w.sim, KID, since).length >= 2 && pollTimes(w.sim, PARENT, since).length >= 2,
      10_000,
      w.logs,
    );
    w.sim.control.sendFriendRequest(3003, KID);
    w.sim.control.sendFriendRequest(3004, PARENT);
    const alertA = await alertFor(a.alerts, 3003);
    alertB = await alertFor(b.alerts, 3004);
    staleList = await w.run({ name: "requests", subcommand: "list" }); // an older view, clicked later
    await (
      await w.fake.clickButton({ message: alertA, customId: button(alertA, "Accept", 3003) })
    ).waitForFinal();
    expect(w.sim.state.areFriends(KID, 3003)).toBe(true);
    expect(accepts(3003)).toHaveLength(1);
  });

  it("the same store under two shards: old buttons work, what was done is known, nothing re-alerted", async () => {
    expect(await w.stopBot()).toBe(0);
    const before = { a: requestAlerts(a.alerts).length, b: requestAlerts(b.alerts).length };
    expect(before).toEqual({ a: 1, b: 1 });
    w.env.SHARDS = "2";
    await w.startBot();
    await w.fake.waitFor(
      () => w.fake.sessions().filter((s) => s.ready && s.shard[1] === 2).length === 2,
      20_000,
      "two shard sessions",
    );
    expect(processesWith(`STORE_URL=${redis.url}`)).toHaveLength(3); // the manager and two shards

    // The alert posted by the single process, clicked now: guild B's shard accepts it.
    const click = await w.fake.clickButton({
      message: alertB,
      customId: button(alertB, "Accept", 3004),
      user: b.admin,
    });
    const edited = await click.waitForFinal();
    expect(w.sim.state.areFriends(PARENT, 3004)).toBe(true);
    expect(visibleText(edited)).toMatch(new RegExp(`Accepted\\nby <@${b.admin}>`));

    // An older view of guild A's request: answered from the store, no second Roblox call.
    const second = await w.fake.clickButton({
      message: staleList,
      customId: button(staleList, "Accept", 3003),
    });
    expect((await second.waitForFollowUp()).content).toContain("already accepted");
    expect(accepts(3003)).toHaveLength(1);

    // Three intervals of both shards polling: no alert is sent again.
    const since = Date.now();
    await waitUntil(
      "polls by the shards",
      () => pollTimes(w.sim, KID, since).length >= 3 && pollTimes(w.sim, PARENT, since).length >= 3,
      10_000,
      w.logs,
    );
    expect({ a: requestAlerts(a.alerts).length, b: requestAlerts(b.alerts).length }).toEqual(before);

    // A new request after the reshard: one alert, in its guild only.
    w.sim.control.sendFriendRequest(3005, KID);
    await alertFor(a.alerts, 3005);
    await sleep(2 * INTERVAL);
    expect(requestAlerts(a.alerts)).toHaveLength(2);
    expect(requestAlerts(b.alerts)).toHaveLength(1);
    expect(w.fake.violations()).toEqual([]);
  }, 45_000);
});
