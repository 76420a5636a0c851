/**
 * Crash safety on a real SQLite file: a child rewrites cookies in a loop and is killed with
 * SIGKILL at random moments. After each kill the file passes PRAGMA integrity_check (read with
 * the sqlite3 package directly) and every cookie decrypts to its last acknowledged value or to
 * the one write that was in flight.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createKeyRing } from "../../src/store/crypto.js";
import { linkInput, openStore, ROOT, TSX, tempDir } from "./helpers.js";

const KILLS = 20;
const ACCOUNTS = 4;
const AHEAD = 2;
const t = tempDir();
const cleanups: Array<() => void> = [() => t.cleanup()];
afterAll(() => {
  for (const c of cleanups) c();
});

function integrity(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all("PRAGMA integrity_check", (e, rows: Array<{ integrity_check: string }>) => {
        db.close();
        if (e) reject(e);
        else resolve(rows.map((r) => r.integrity_check).join(","));
      });
    });
  });
}

interface Writer {
  /** Lets the writer open the store and write from `start`; kills it `delayMs` after it is ready. */
  run(start: number, delayMs: number): Promise<Array<[number, number]>>;
}

const WRITER = join(ROOT, "test/store/writer.ts");
let writerArgs = ["--import", TSX, WRITER];

/**
 * Bundles the writer to plain JS once (esbuild, which tsx brings), so each of the 20 children
 * starts in ~0.3 s instead of ~1 s; falls back to `node --import tsx` if esbuild is unavailable.
 */
beforeAll(async () => {
  try {
    const esbuild = await import("esbuild");
    const out = join(ROOT, "node_modules", ".cache", "roguard-store-test", `writer-${process.pid}.mjs`);
    await esbuild.build({
      entryPoints: [WRITER],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile: out,
      logLevel: "silent",
    });
    writerArgs = [out];
    cleanups.push(() => rmSync(out, { force: true }));
  } catch {
    // keep tsx
  }
});

/** Spawns a writer that loads its modules and waits (so start-up overlaps the previous run). */
function spawnWriter(env: Record<string, string>): Writer {
  const child = spawn(process.execPath, writerArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let onReady = () => {};
  child.stderr.on("data", (d) => {
    err += String(d);
  });
  child.stdout.on("data", (d) => {
    const first = !out.includes("ready\n");
    out += String(d);
    if (first && out.includes("ready\n")) onReady();
  });
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve(signal));
  });
  return {
    async run(start, delayMs) {
      onReady = () => setTimeout(() => child.kill("SIGKILL"), delayMs);
      const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.stdin.write(`go ${start}\n`);
      const signal = await closed;
      clearTimeout(guard);
      if (signal !== "SIGKILL" || !out.includes("ready\n")) {
        throw new Error(`writer ended without the planned kill (${signal}): ${err.slice(0, 500)}`);
      }
      return [...out.matchAll(/^ack (\d+) (\d+)$/gm)].map(
        (m) => [Number(m[1]), Number(m[2])] as [number, number],
      );
    },
  };
}

it(`survives ${KILLS} SIGKILLs mid-write: integrity ok, every cookie old or new`, async () => {
  const file = join(t.dir, "crash.sqlite");
  const k = randomBytes(32);
  const ring = createKeyRing(k);
  const prefix = `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${randomBytes(6).toString("hex")}`;
  const seedStore = await openStore(file, ring);
  for (let i = 0; i < ACCOUNTS; i++) {
    await seedStore.accounts.upsert({ ...linkInput("1", String(100 + i)), cookie: `${prefix}-${i}-0` });
  }
  await seedStore.close();

  const last = Array.from({ length: ACCOUNTS }, () => 0);
  let start = 1;
  let totalAcks = 0;
  let inFlightSeen = 0;
  const env = { STORE_FILE: file, KEY: k.toString("base64"), PREFIX: prefix, ACCOUNTS: String(ACCOUNTS) };
  // Writers load ahead, a few at a time; each touches the file only after its "go".
  const ahead: Writer[] = [];
  let spawned = 0;
  const refill = () => {
    while (ahead.length < AHEAD && spawned < KILLS) {
      ahead.push(spawnWriter(env));
      spawned++;
    }
  };
  for (let kill = 0; kill < KILLS; kill++) {
    refill();
    const current = ahead.shift()!;
    const acks = await current.run(start, randomInt(0, 200));
    totalAcks += acks.length;
    const ackedHere = new Map<number, number>();
    for (const [i, n] of acks) ackedHere.set(i, n);

    expect(await integrity(file)).toBe("ok");
    const s = await openStore(file, ring);
    for (let i = 0; i < ACCOUNTS; i++) {
      const acked = ackedHere.get(i) ?? last[i]!;
      const inFlight = ackedHere.has(i) ? acked + 1 : start;
      const { cookie } = await s.accounts.secrets("1", String(100 + i));
      const m = new RegExp(`^${prefix.replace(/[|.]/g, "\\$&")}-${i}-(\\d+)$`).exec(cookie);
      expect(m, "cookie decrypts to one of the written values").not.toBeNull();
      const n = Number(m![1]);
      expect([acked, inFlight]).toContain(n);
      if (n === inFlight && n !== acked) inFlightSeen++;
      last[i] = n;
    }
    expect((await s.accounts.list("1")).map((a) => a.robloxId)).toEqual(["100", "101", "102", "103"]);
    await s.close();
    start = Math.max(start, ...acks.map(([, n]) => n)) + 2;
  }
  // The writes really happened, and no cookie ever reached the file in plaintext.
  expect(totalAcks).toBeGreaterThan(KILLS);
  for (const f of [file, `${file}-wal`].filter(existsSync)) {
    expect(readFileSync(f).includes(Buffer.from("CANARY"))).toBe(false);
  }
  console.log(
    `crash test: ${KILLS} kills, ${totalAcks} acknowledged writes, ${inFlightSeen} in-flight writes landed`,
  );
}, 30_000);
