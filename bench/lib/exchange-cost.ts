/**
 * What one HTTP exchange costs the client's CPU on this machine, with nothing of roguard in it: undici
 * (keep-alive, as the bot's clients) POSTing a 1 KB JSON body to a node:http server in another
 * process on 127.0.0.1 and reading a small JSON answer. Benchmark 6 sets its CPU figures beside it:
 * a link costs four such exchanges (Discord: modal, reply; Roblox: authenticated user, avatar), a
 * settings command one, so these floors say how much of the goals the machine's network stack takes
 * before any of the bot's own work.
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { type Summary, summarize } from "./stats.js";

const SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id":"1","ok":true}');
  });
});
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
`;

export interface ExchangeCost {
  exchanges: number;
  /** The client's user + system CPU per exchange (ms). */
  cpuMsPerExchange: number;
  /** Request sent to answer read, each exchange (ms). */
  roundTripMs: Summary;
}

/** The exchanges' pace (one at a time, this far apart) and the size of the body each POSTs. */
export const EXCHANGE_GAP_MS = 5;
export const EXCHANGE_BODY_CHARS = 1000;

export async function exchangeCost(exchanges = 1000, gapMs = EXCHANGE_GAP_MS): Promise<ExchangeCost> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  try {
    const port = await new Promise<number>((ok, fail) => {
      child.once("message", (m: { port: number }) => ok(m.port));
      child.once("exit", (code) => fail(new Error(`the exchange-cost server exited (${code})`)));
    });
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 1 });
    const body = JSON.stringify({ type: 4, data: { content: "x".repeat(EXCHANGE_BODY_CHARS), flags: 64 } });
    const times: number[] = [];
    const one = async () => {
      const t0 = performance.now();
      const res = await pool.request({
        path: "/api/v10/interactions/1/token/callback",
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bot token" },
        body,
      });
      await res.body.json();
      times.push(performance.now() - t0);
    };
    // Paced, one at a time: as the bot's exchanges come (tens a second, each to an idle peer), not
    // back to back, where the kernel and the peer stay hot and an exchange costs a fraction of it.
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await one();
        await sleep(gapMs);
      }
    };
    await run(Math.min(200, exchanges)); // warm-up: the connection, JIT
    times.length = 0;
    const start = process.cpuUsage();
    await run(exchanges);
    const cpu = process.cpuUsage(start);
    await pool.close();
    return {
      exchanges,
      cpuMsPerExchange: (cpu.user + cpu.system) / 1000 / exchanges,
      roundTripMs: summarize(times),
    };
  } finally {
    child.kill();
  }
}
