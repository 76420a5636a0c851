/**
 * The parent-requests watcher, polled by hand against the simulator (jobs kit); its pure diff is
 * tested beside it (src/jobs/parents/parents-diff.test.ts). The first reading is a baseline; a new
 * request is posted once, with Approve/Deny.
 */
import type { Client } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consentNonce } from "../../src/jobs/parents/parents-diff.js";
import { pollParents } from "../../src/jobs/parents/parents-watcher.js";
import { decodeCustomId } from "../../src/ui/custom-id.js";
import { GUILD, type JobsWorld, jobsWorld, SEED } from "./kit.js";

let w: JobsWorld;
let client: Client;
const kid = SEED.child;

beforeAll(async () => {
  w = await jobsWorld();
  client = makeClient();
});
afterAll(() => w.close());
beforeEach(async () => {
  w.sim.control.reset();
  w.sent.length = 0;
  for (const p of await w.store.parents.list(GUILD)) await w.store.parents.remove(GUILD, p.robloxId);
  await w.store.settings.remove(GUILD);
});

/** A discord.js stand-in whose alert channel records what `channel.send` got (as the kit's does). */
function makeClient(): Client {
  const channel = {
    id: "800000000000000002",
    guildId: GUILD,
    isDMBased: () => false,
    isSendable: () => true,
    send: async (body: unknown) => {
      w.sent.push(JSON.parse(JSON.stringify(body)));
      return { id: String(w.sent.length) };
    },
  };
  return {
    channels: { cache: new Map([[channel.id, channel]]), fetch: async () => channel },
    guilds: { cache: new Map([[GUILD, {}]]) },
  } as unknown as Client;
}

async function linkParent() {
  await w.store.parents.upsert({
    guildId: GUILD,
    robloxId: String(SEED.parent.id),
    robloxName: SEED.parent.name,
    displayName: SEED.parent.displayName,
    label: "Mum",
    linkedBy: "1",
    cookie: SEED.parent.cookie,
    children: [{ userId: String(kid.id), name: kid.name, displayName: kid.displayName }],
  });
}

const poll = () => pollParents(w.ctx, client, 5_000);
const consentsAsked = () => w.sim.log.filter((e) => e.path.includes("/parental-controls/consents"));

describe("parent-requests watcher", () => {
  it("baseline first; then one alert per new request, naming the child and what they ask; never twice", async () => {
    await w.settings({});
    await linkParent();
    w.sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 200 });
    await poll();
    expect(w.sent).toEqual([]); // pending at the first reading: not alerted
    w.sim.control.createUser({ id: 5001, name: "ZedName", displayName: "Zed" });
    const { id } = w.sim.control.requestConsent({ childUserId: kid.id, kind: "trusted", targetUserId: 5001 });
    await poll();
    await poll();
    expect(w.sent).toHaveLength(1);
    const m = w.sent[0]!;
    expect(m.embeds[0]?.description).toContain(
      "**Kid** (@KidAccount) wants to add trusted connection **Zed** (@ZedName)",
    );
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect(m.nonce).toBe(consentNonce(String(SEED.parent.id), id));
    const ids = m.components[0]!.components.map((c) => [c.label, decodeCustomId(c.custom_id)]);
    expect(ids).toEqual([
      ["Approve", { action: "consent", parentId: "1002", childId: "1001", consentId: id, answer: "a" }],
      ["Deny", { action: "consent", parentId: "1002", childId: "1001", consentId: id, answer: "d" }],
    ]);
    // answered in the app: nothing more; a third request: one more alert
    w.sim.control.answerConsent(id, "Deny");
    w.sim.control.requestConsent({ childUserId: kid.id, kind: "block", targetUserId: 2001 });
    await poll();
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1]!.embeds[0]?.description).toContain("wants to block **Pal2001** (@Friend2001)");
  });

  it("toggled off: read, nothing posted, nothing alerted later for those; no alert channel: no Roblox call", async () => {
    await linkParent();
    w.sim.control.clearLog();
    await poll();
    expect(consentsAsked()).toEqual([]);
    await w.settings({ events: { "parent-requests": false } });
    await poll();
    w.sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 10 });
    await poll();
    expect(w.sent).toEqual([]);
    await w.settings({ events: { "parent-requests": true } });
    await poll();
    expect(w.sent).toEqual([]);
  });

  it("children are read again every 10th round: a child linked later is picked up", async () => {
    await w.settings({});
    await linkParent();
    await w.store.parents.setChildren(GUILD, String(SEED.parent.id), []);
    await pollParents(w.ctx, client, 5_000, undefined, 1); // not a children round: nobody to ask
    expect(consentsAsked()).toEqual([]);
    await pollParents(w.ctx, client, 5_000, undefined, 10); // the child is found (baseline)
    expect((await w.store.parents.get(GUILD, String(SEED.parent.id)))?.children.map((c) => c.userId)).toEqual(
      [String(kid.id)],
    );
    w.sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 30 });
    await pollParents(w.ctx, client, 5_000, undefined, 11);
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]!.embeds[0]?.description).toContain("daily screen-time limit to **30 min**");
  });

  it("a guild this process does not hold (another shard's) is not polled", async () => {
    await w.settings({});
    await linkParent();
    w.sim.control.clearLog();
    const elsewhere = { channels: { cache: new Map() }, guilds: { cache: new Map() } } as unknown as Client;
    await pollParents(w.ctx, elsewhere, 5_000);
    expect(w.sim.log).toEqual([]);
  });

  it("a dead parent cookie is not polled", async () => {
    await w.settings({});
    await linkParent();
    await w.store.parents.setHealth(GUILD, String(SEED.parent.id), "dead");
    w.sim.control.clearLog();
    await poll();
    expect(consentsAsked()).toEqual([]);
  });
});
