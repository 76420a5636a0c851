/**
 * The Roblox simulator in its own process (benchmark 2: it must not share the bot's event loop).
 * Started by sim-process.ts with an IPC channel; answers {type:"cpu"} with its CPU time.
 */
import { startSim } from "../../sim/server.js";

const latencyMs = Number(process.env.BENCH_SIM_LATENCY_MS ?? "0");
const logLimit = Number(process.env.BENCH_SIM_LOG_LIMIT ?? "1000000");
const sim = await startSim({ latencyMs, logLimit, log: process.env.BENCH_SIM_LOG !== "0" });
const started = process.cpuUsage();

process.on("message", (m: { type?: string; id?: number }) => {
  if (m.type === "cpu") {
    const c = process.cpuUsage(started);
    process.send?.({ type: "cpu", id: m.id, cpuMs: (c.user + c.system) / 1000 });
  } else if (m.type === "close") {
    void sim.close().finally(() => process.exit(0));
  }
});
process.on("disconnect", () => {
  void sim.close().finally(() => process.exit(0));
});
process.send?.({ type: "ready", origin: sim.origin });
