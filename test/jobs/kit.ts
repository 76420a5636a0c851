/**
 * A jobs test world without Discord: the Roblox simulator, an in-memory store, the real Roblox
 * client and sessions, and a stand-in for the discord.js client whose alert channel records what
 * `channel.send` got. Polls are driven by hand (`poll(cycle)`), so request counts are exact.
 */
import type { Client } from "discord.js";
import { cookieFor, SEED, type Sim, startSim, trackerFor } from "../../sim/server.js";
import type { Config } from "../../src/config.js";
import type { Context } from "../../src/context.js";
import { pollAccount } from "../../src/jobs/scheduling/poll.js";
import { accountStateSchema } from "../../src/jobs/state.js";
import { runSummary } from "../../src/jobs/summary/summary-job.js";
import { createLogger } from "../../src/logger.js";
import { Lookups } from "../../src/lookups.js";
import { createRobloxClient } from "../../src/roblox/index.js";
import { Sessions } from "../../src/sessions.js";
import { createKeyRing, createStore, type KeyRing, type SettingsPatch } from "../../src/store/index.js";

export const GUILD = "800000000000000001";
export const CHANNEL = "800000000000000002";
export { SEED };

export interface Sent {
  content?: string;
  embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components: { components: { custom_id?: string; label?: string; url?: string }[] }[];
  files: unknown[];
  allowedMentions: unknown;
  nonce?: string;
}

export interface JobsWorldOptions {
  /** Default: an in-memory SQLite store. */
  storeUrl?: string;
  keyring?: KeyRing;
}

export async function jobsWorld(opts: JobsWorldOptions = {}) {
  const sim = await startSim();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const store = await createStore({
    url: opts.storeUrl ?? "sqlite://:memory:",
    keyring: opts.keyring ?? createKeyRing(Buffer.alloc(32, 9)),
    logger,
    defaultTimeZone: "UTC",
  });
  const roblox = createRobloxClient({
    origin: sim.origin,
    logger,
    retry: { attempts: 2, baseMs: 5, capMs: 20 },
  });
  let offset = 0;
  const ctx: Context = {
    config: { pollIntervalSeconds: 1 } as Config,
    logger,
    store,
    roblox,
    sessions: new Sessions(store, roblox, logger),
    lookups: new Lookups(roblox),
    now: () => Date.now() + offset,
  };
  const sent: Sent[] = [];
  let failPosts = 0;
  const channel = {
    id: CHANNEL,
    guildId: GUILD,
    isDMBased: () => false,
    isSendable: () => true,
    send: async (body: Sent) => {
      if (failPosts > 0) {
        failPosts--;
        throw Object.assign(new Error("Missing Permissions"), { code: 50013, status: 403 });
      }
      sent.push(JSON.parse(JSON.stringify(body)) as Sent);
      return { id: String(sent.length) };
    },
  };
  const client = {
    channels: { cache: new Map([[CHANNEL, channel]]), fetch: async () => channel },
    guilds: { cache: new Map([[GUILD, {}]]) },
  } as unknown as Client;
  const deps = { ctx, client, budgetMs: 5_000 };
  const signal = new AbortController().signal;

  const w = {
    sim,
    ctx,
    store,
    sent,
    lines,
    async link(robloxId: number = SEED.child.id) {
      const u = sim.state.users.get(robloxId);
      await store.accounts.upsert({
        guildId: GUILD,
        robloxId: String(robloxId),
        robloxName: u?.name ?? `User${robloxId}`,
        displayName: u?.displayName ?? `User${robloxId}`,
        linkedBy: "1",
        cookie: sim.control.cookieOf(robloxId) ?? cookieFor(robloxId),
        tracker: trackerFor(robloxId),
      });
    },
    settings: (patch: SettingsPatch) => store.settings.update(GUILD, { alertChannelId: CHANNEL, ...patch }),
    watch: (ids: number[], robloxId: number = SEED.child.id) =>
      store.settings.update(GUILD, (s) => {
        s.watch[String(robloxId)] = ids.map(String);
        return s;
      }),
    poll: (cycle: number, robloxId: number = SEED.child.id) =>
      pollAccount(
        deps,
        { key: `${GUILD}:${robloxId}`, guildId: GUILD, robloxId: String(robloxId) },
        { cycle, signal },
      ),
    summary: (robloxId: number = SEED.child.id) =>
      runSummary(deps, { key: `${GUILD}:${robloxId}`, guildId: GUILD, robloxId: String(robloxId) }, signal),
    state: (robloxId: number = SEED.child.id) =>
      store.alertState.get(GUILD, String(robloxId), accountStateSchema),
    failNextPosts: (n: number) => {
      failPosts = n;
    },
    /** Moves the bot's clock (it keeps running) so that it reads `t` now; null = real time. */
    setClock: (t: number | null) => {
      offset = t === null ? 0 : t - Date.now();
    },
    /** Titles of the alerts posted since `from`. */
    titles: (from = 0) => sent.slice(from).map((m) => m.embeds[0]?.title ?? ""),
    async close() {
      await roblox.close();
      await store.close();
      await sim.close();
    },
  };
  return w;
}

export type JobsWorld = Awaited<ReturnType<typeof jobsWorld>>;
export type { Sim };

/** Every test of a file starts from the seeded simulator, the kid linked and alerts set up, nothing sent. */
export async function freshStart(w: JobsWorld): Promise<void> {
  w.sim.control.reset();
  w.setClock(null);
  await w.store.alertState.delete(GUILD, String(SEED.child.id));
  await w.store.settings.update(GUILD, (s) => ({ ...s, watch: {}, quietHours: null }));
  await w.store.settings.update(GUILD, { mentionRoleId: undefined });
  await w.link(SEED.child.id);
  await w.settings({});
  w.sent.length = 0;
}
