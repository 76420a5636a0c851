/**
 * Benchmark 4: alert latency. The REAL bot polls accounts (one guild and alert channel each) of
 * the simulator; the bench changes state in the simulator at random moments and times how long
 * the alert takes to appear in that account's channel at the fake Discord.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { startSim } from "../sim/server.js";
import type { FakeMessage } from "../test/e2e/fake-discord/index.js";
import { type BotWorld, botDescription, startBotWorld } from "./lib/bot-world.js";
import type { Section } from "./lib/report.js";
import { fmt, percentile } from "./lib/stats.js";

export type AlertKind = "presence" | "friend-request" | "restriction";

export interface AlertLatencyOptions {
  intervalSeconds: number;
  /** Changes of each kind (spread over `perGroup` accounts per kind). */
  changes: number;
  perGroup: number;
  /** A compiled entry to run with plain node instead of tsx. */
  entry?: string;
  /** Extra Node flags for the bot (NODE_OPTIONS). */
  nodeOptions?: string;
}

export interface KindResult {
  kind: AlertKind;
  n: number;
  missed: number;
  wrong: number;
  p50Ms: number;
  p95Ms: number;
  goalMs: number;
}

export interface AlertLatencyResult {
  kinds: KindResult[];
  opts: AlertLatencyOptions;
  seconds: number;
}

const PRESENCE_CYCLE = [1, 2, 0] as const;

function titleOf(m: FakeMessage): string {
  return m.embeds.map((e) => e.title ?? "").join(" ");
}

const EXPECT: Record<AlertKind, RegExp> = {
  presence: / is now /,
  "friend-request": /New friend request/,
  restriction: /is locked|has ended/,
};

export async function runAlertLatency(o: AlertLatencyOptions): Promise<AlertLatencyResult> {
  const started = Date.now();
  const I = o.intervalSeconds * 1000;
  const sim = await startSim();
  let world: BotWorld | undefined;
  try {
    const bulk = sim.control.bulkAccounts({ count: 3 * o.perGroup });
    const watched = Array.from(
      { length: o.perGroup },
      (_, i) => sim.control.createUser({ name: `Watch${i}` }).id,
    );
    const groups: Record<AlertKind, number[]> = {
      presence: bulk.ids.slice(0, o.perGroup),
      "friend-request": bulk.ids.slice(o.perGroup, 2 * o.perGroup),
      restriction: bulk.ids.slice(2 * o.perGroup),
    };
    world = await startBotWorld({
      simOrigin: sim.origin,
      accounts: bulk.ids.map((id, i) => ({
        robloxId: id,
        cookie: bulk.cookies[i]!,
        ...(i < o.perGroup ? { watch: [watched[i]!] } : {}),
      })),
    });
    const channelOf = new Map(world.links.map((l) => [l.robloxId, l.channelId]));
    const bot = await world.startBot({
      pollIntervalSeconds: o.intervalSeconds,
      ...(o.entry ? { entry: o.entry } : {}),
      ...(o.nodeOptions ? { nodeOptions: o.nodeOptions } : {}),
    });
    const lat: Record<AlertKind, number[]> = { presence: [], "friend-request": [], restriction: [] };
    const wrong: Record<AlertKind, number> = { presence: 0, "friend-request": 0, restriction: 0 };
    try {
      await sleep(2 * I + 1000); // every account's baseline poll, and one more
      const fake = world.fake;
      const rounds = Math.ceil(o.changes / o.perGroup);
      let requester = 0;
      for (let round = 0; round < rounds; round++) {
        const tasks: Promise<void>[] = [];
        for (const kind of Object.keys(groups) as AlertKind[]) {
          groups[kind].forEach((accountId, i) => {
            if (round * o.perGroup + i >= o.changes) return;
            tasks.push(
              (async () => {
                await sleep(Math.random() * I);
                const channel = channelOf.get(accountId)!;
                const before = fake.messages(channel).length;
                if (kind === "presence") {
                  sim.control.setPresence({
                    userId: watched[i]!,
                    userPresenceType: PRESENCE_CYCLE[round % 3]!,
                  });
                } else if (kind === "friend-request") {
                  const from = sim.control.createUser({ name: `Asker${++requester}` }).id;
                  sim.control.sendFriendRequest(from, accountId);
                } else if (round % 2 === 0) {
                  sim.control.startRestriction({ userId: accountId, source: 2 });
                } else {
                  sim.control.endRestriction(accountId);
                }
                const t0 = performance.now();
                try {
                  const m = await fake.waitFor(
                    () => fake.messages(channel)[before],
                    4 * I + 5000,
                    `a ${kind} alert`,
                  );
                  lat[kind].push(performance.now() - t0);
                  if (!EXPECT[kind].test(titleOf(m))) wrong[kind]++;
                } catch {
                  lat[kind].push(Number.POSITIVE_INFINITY);
                }
              })(),
            );
          });
        }
        await Promise.all(tasks);
      }
    } finally {
      await bot.stop();
    }
    const kinds = (Object.keys(lat) as AlertKind[]).map((kind): KindResult => {
      const v = lat[kind];
      return {
        kind,
        n: v.length,
        missed: v.filter((x) => !Number.isFinite(x)).length,
        wrong: wrong[kind],
        p50Ms: percentile(v, 50),
        p95Ms: percentile(v, 95),
        goalMs: kind === "presence" ? 2 * I + 1000 : I + 1000,
      };
    });
    return { kinds, opts: o, seconds: (Date.now() - started) / 1000 };
  } finally {
    await world?.stop();
    await sim.close();
  }
}

export function alertLatencySection(r: AlertLatencyResult): Section {
  const I = r.opts.intervalSeconds * 1000;
  const x = (ms: number) => fmt(ms / I);
  const figures = r.kinds.flatMap((k) => [
    {
      name: `${k.kind} alert p50 (× interval)`,
      value: `${x(k.p50Ms)} (${fmt(k.p50Ms / 1000)} s)`,
      goal: "—",
      met: null,
    },
    {
      name: `${k.kind} alert p95 (× interval)`,
      value: `${x(k.p95Ms)} (${fmt(k.p95Ms / 1000)} s)`,
      goal: k.kind === "presence" ? "≤ 2 × interval + 1 s" : "≤ interval + 1 s",
      met: k.p95Ms <= k.goalMs && k.missed === 0 && k.wrong === 0,
    },
  ]);
  return {
    id: 4,
    title: "Alert latency",
    method: [
      `The real bot, ${botDescription(r.opts.entry, r.opts.nodeOptions)} as a child process, at POLL_INTERVAL_SECONDS=${r.opts.intervalSeconds} polls ${3 * r.opts.perGroup} linked accounts of the`,
      `simulator, each in its own guild with its own alert channel at the fake Discord: ${r.opts.perGroup} accounts watch one user each`,
      `(presence), ${r.opts.perGroup} receive friend requests, ${r.opts.perGroup} get screen-time locks started and ended. In rounds,`,
      "each account gets one change at a uniformly random moment inside an interval; latency = from the change in the",
      "simulator's state to the alert message appearing in that account's channel (one clock: simulator and fake Discord",
      `both run in the bench process). ${r.opts.changes} changes of each kind; presence alerts are debounced (the new state must`,
      "hold for one more poll), so their floor is one interval.",
    ],
    figures,
    notes: r.kinds.map(
      (k) =>
        `- ${k.kind}: ${k.n} changes, ${k.missed} without an alert within 4 intervals + 5 s, ${k.wrong} with an unexpected title; p50 ${fmt(k.p50Ms)} ms, p95 ${fmt(k.p95Ms)} ms (goal ${k.goalMs} ms).`,
    ),
  };
}
