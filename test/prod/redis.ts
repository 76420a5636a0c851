/**
 * A real redis-server for the production tests: its own temp dir, a free 127.0.0.1 port, no
 * snapshots or AOF (`--save '' --appendonly no`). `stop()` ends it (optionally saving first, so a
 * `start()` on the same port and dir brings the data back); `close()` ends it and removes the dir.
 * `.ci/run` installs redis-server on a fresh machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisServer {
  port: number;
  url: string;
  dir: string;
  /** Sends one command, returns the raw reply ("" when the server closed the connection). */
  command(...args: string[]): Promise<string>;
  /** Ends the server; with `save`, writes dump.rdb first so `start()` reloads the data. */
  stop(opts?: { save?: boolean }): Promise<void>;
  /** Starts it again on the same port and dir. */
  start(): Promise<void>;
  /** Stops it and removes its dir. */
  close(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  await new Promise<void>((r) => server.close(() => r()));
  if (!addr || typeof addr === "string") throw new Error("no port");
  return addr.port;
}

function resp(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

export function redisCommand(port: number, args: string[], timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const socket = connect(port, "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis ${args[0]}: no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    const done = (v: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    socket.once("connect", () => socket.write(resp(args)));
    socket.on("data", (d) => {
      out += String(d);
      if (out.endsWith("\r\n")) done(out);
    });
    socket.once("close", () => done(out));
    socket.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "roguard-redis-"));
  let child: ChildProcess | undefined;
  let log = "";
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  const start = async () => {
    const p = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = p;
    p.stdout?.on("data", (d) => {
      log += String(d);
    });
    p.stderr?.on("data", (d) => {
      log += String(d);
    });
    const end = Date.now() + 10_000;
    for (;;) {
      if (p.exitCode !== null) throw new Error(`redis-server exited (${p.exitCode}):\n${log}`);
      const pong = await redisCommand(port, ["PING"], 500).catch(() => "");
      if (pong.startsWith("+PONG")) return;
      if (Date.now() > end) throw new Error(`redis-server did not answer on ${port}:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async (opts: { save?: boolean } = {}) => {
    const p = child;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once("exit", r));
    if (opts.save) await redisCommand(port, ["SHUTDOWN", "SAVE"]).catch(() => "");
    else p.kill("SIGTERM");
    await exited;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    command: (...args) => redisCommand(port, args),
    stop,
    start,
    async close() {
      await stop();
      process.off("exit", killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
