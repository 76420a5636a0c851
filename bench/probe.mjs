// Loaded into the bot's process by the benchmarks (`NODE_OPTIONS=--import <this file>`), plain JS so
// it loads before tsx. It measures the process from inside without touching src/: event-loop delay
// (perf_hooks.monitorEventLoopDelay), peak RSS (sampled, and the kernel's maxRSS) and CPU time.
// On SIGUSR2 it writes a snapshot to $BENCH_PROBE_FILE and starts a new window; with
// $BENCH_CPU_PROFILE set it also writes the CPU profile of the window there (for diagnosis).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

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
      cpuMs: (cpu.user + cpu.system) / 1000,
      gc,
    };
  };
  const profile = process.env.BENCH_CPU_PROFILE;
  const session = profile ? new Session() : undefined;
  const startProfile = () => {
    session?.post("Profiler.enable", () => session.post("Profiler.start"));
  };
  if (session) {
    session.connect();
    startProfile();
  }
  process.on("SIGUSR2", () => {
    writeFileSync(file, JSON.stringify(snapshot()));
    session?.post("Profiler.stop", (err, res) => {
      if (!err) writeFileSync(profile, JSON.stringify(res.profile));
      startProfile();
    });
    histogram.reset();
    windowStart = Date.now();
    cpuStart = process.cpuUsage();
    peakRss = 0;
    gc = {};
  });
  writeFileSync(file, JSON.stringify({ ready: true, pid: process.pid }));
}
