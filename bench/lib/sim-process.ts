/** Starts the simulator in a child process and talks to it over its /__sim/ HTTP API. */
import { type ChildProcess, fork } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { RequestLogEntry } from "../../sim/server.js";

const TSX = pathToFileURL(resolve(import.meta.dirname, "../../node_modules/tsx/dist/esm/index.mjs")).href;

export interface SimProcess {
  origin: string;
  child: ChildProcess;
  /** A /__sim/ control call; throws on a non-2xx answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  log(): Promise<RequestLogEntry[]>;
  clearLog(): Promise<void>;
  /** CPU time the simulator used since it started (ms). */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

export async function startSimProcess(opts: { latencyMs?: number; log?: boolean } = {}): Promise<SimProcess> {
  const child = fork(resolve(import.meta.dirname, "sim-child.ts"), [], {
    execArgv: ["--import", TSX],
    env: {
      PATH: process.env.PATH ?? "",
      BENCH_SIM_LATENCY_MS: String(opts.latencyMs ?? 0),
      BENCH_SIM_LOG: opts.log === false ? "0" : "1",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const origin = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("the simulator process did not start")), 20_000);
    child.once("exit", (code) => fail(new Error(`the simulator process exited (${code})`)));
    child.on("message", (m: { type?: string; origin?: string }) => {
      if (m.type === "ready" && m.origin) {
        clearTimeout(timer);
        ok(m.origin);
      }
    });
  });
  let seq = 0;
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}/__sim/${path.replace(/^\/+/, "")}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sim ${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    origin,
    child,
    control,
    log: () => control<RequestLogEntry[]>("GET", "log"),
    clearLog: async () => {
      await control("DELETE", "log");
    },
    cpuMs: () =>
      new Promise<number>((ok) => {
        const id = ++seq;
        const on = (m: { type?: string; id?: number; cpuMs?: number }) => {
          if (m.type === "cpu" && m.id === id) {
            child.off("message", on);
            ok(m.cpuMs ?? Number.NaN);
          }
        };
        child.on("message", on);
        child.send({ type: "cpu", id });
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.send({ type: "close" });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
