// Loaded into the bot's process by the benchmarks (`NODE_OPTIONS=--import <this file>`), plain JS so
// it loads before tsx. It measures the process from inside without touching src/: event-loop delay
// (perf_hooks.monitorEventLoopDelay), peak RSS (sampled, and the kernel's maxRSS) and CPU time.
// On SIGUSR2 it writes a snapshot to $BENCH_PROBE_FILE and starts a new window; with
// $BENCH_CPU_PROFILE set it also writes the CPU profile of the window there, with
// $BENCH_HEAP_SNAPSHOT a heap snapshot (both for diagnosis).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";
import { getHeapStatistics, writeHeapSnapshot } from "node:v8";

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const RESOLUTION_MS = 10;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let windowStart = Date.now();
  let cpuStart = process.cpuUsage();
  let peakRss = 0;
  // Garbage collections in the window: count, total and longest pause (ms), by kind.
  let gc = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" }[e.detail?.kind] ?? "other";
      const g = gc[kind] ?? { count: 0, totalMs: 0, maxMs: 0 };
      gc[kind] = g;
      g.count++;
      g.totalMs += e.duration;
      if (e.duration > g.maxMs) g.maxMs = e.duration;
    }
  }).observe({ entryTypes: ["gc"] });
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
  };
  setInterval(sample, 100).unref();
  // The histogram records the time between its 10 ms timer ticks: the delay is what exceeds 10 ms.
  const delay = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const snapshot = () => {
    sample();
    const cpu = process.cpuUsage(cpuStart);
    const now = Date.now();
    const mem = process.memoryUsage();
    return {
      at: now,
      windowMs: now - windowStart,
      loopDelayMs: {
        p50: delay(histogram.percentile(50)),
        p99: delay(histogram.percentile(99)),
        max: delay(histogram.max),
        mean: delay(histogram.mean),
      },
      peakRssBytes: peakRss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      heapTotalBytes: mem.heapTotal,
      externalBytes: mem.external,
      heapLimitBytes: getHeapStatistics().heap_size_limit,
      cpuMs: (cpu.user + cpu.system) / 1000,
      gc,
      store,
      storeGetMs: getMs.length
        ? { n: getMs.length, p50: pct(getMs, 50), p99: pct(getMs, 99), max: pct(getMs, 100) }
        : undefined,
      interactionsMs: handled.length
        ? {
            n: handled.length,
            p50: pct(handled, 50),
            p95: pct(handled, 95),
            p99: pct(handled, 99),
            max: pct(handled, 100),
          }
        : undefined,
    };
  };
  const profile = process.env.BENCH_CPU_PROFILE;
  const session = profile ? new Session() : undefined;
  // With a CPU profile, also where the window allocated (sampling heap profiler, objects a scavenge
  // or a full collection freed included: what makes the young-generation collections).
  const allocations = profile ? profile.replace(/\.cpuprofile$/, ".heapprofile") : undefined;
  const startProfile = () => {
    session?.post("Profiler.enable", () => session.post("Profiler.start"));
    session?.post("HeapProfiler.enable", () =>
      session.post("HeapProfiler.startSampling", {
        samplingInterval: 16384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      }),
    );
  };
  if (session) {
    session.connect();
    startProfile();
  }
  // Diagnosis only: count store operations by key prefix (wraps Keyv's prototype in this process).
  let store = {};
  // Diagnosis only: how long each Keyv get waits for its answer (store.getMs in the snapshot).
  let getMs = [];
  if (process.env.BENCH_TIME_STORE) {
    const { Keyv } = await import("keyv");
    const orig = Keyv.prototype.get;
    Keyv.prototype.get = function (...args) {
      const t = performance.now();
      const p = orig.apply(this, args);
      p.then(
        () => getMs.push(performance.now() - t),
        () => undefined,
      );
      return p;
    };
  }
  if (process.env.BENCH_COUNT_STORE) {
    const { Keyv } = await import("keyv");
    for (const op of ["get", "set", "delete"]) {
      const orig = Keyv.prototype[op];
      Keyv.prototype[op] = function (key, ...rest) {
        const k = `${op} ${String(key).split(":")[0]}`;
        store[k] = (store[k] ?? 0) + 1;
        return orig.call(this, key, ...rest);
      };
    }
  }
  // Diagnosis only: time inside the bot from an INTERACTION_CREATE frame arriving on the gateway
  // socket to the interaction's callback request being created (undici diagnostics channel).
  let handled = [];
  if (process.env.BENCH_TRACE_INTERACTIONS) {
    const { WebSocket } = await import("ws");
    const { subscribe } = await import("node:diagnostics_channel");
    const arrived = new Map();
    const emit = WebSocket.prototype.emit;
    WebSocket.prototype.emit = function (event, data, ...rest) {
      if (event === "message") {
        const text = typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString("utf8") : "";
        const id = text.includes('"INTERACTION_CREATE"') ? /"d":\{"id":"(\d+)"/.exec(text)?.[1] : undefined;
        if (id) arrived.set(id, performance.now());
      }
      return emit.call(this, event, data, ...rest);
    };
    subscribe("undici:request:create", ({ request }) => {
      const id = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(request.path)?.[1];
      const t = id && arrived.get(id);
      if (t !== undefined && t !== "") {
        handled.push(performance.now() - t);
        arrived.delete(id);
      }
    });
  }
  const pct = (v, p) => {
    if (v.length === 0) return null;
    const sorted = [...v].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  };
  process.on("SIGUSR2", () => {
    writeFileSync(file, JSON.stringify(snapshot()));
    if (process.env.BENCH_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
    session?.post("HeapProfiler.stopSampling", (err, res) => {
      if (!err && allocations) writeFileSync(allocations, JSON.stringify(res.profile));
      session.post("Profiler.stop", (err2, res2) => {
        if (!err2) writeFileSync(profile, JSON.stringify(res2.profile));
        startProfile();
      });
    });
    histogram.reset();
    windowStart = Date.now();
    cpuStart = process.cpuUsage();
    peakRss = 0;
    gc = {};
    store = {};
    handled = [];
    getMs = [];
  });
  writeFileSync(file, JSON.stringify({ ready: true, pid: process.pid }));
}
