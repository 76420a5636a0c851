// The cookie canary on the paths where cookies change hands while the bot works: Roblox
// rotating cookies during polls, sessions missing the cache at once, the 401 retry with the
// stored cookie, and `npm run rotate-keys` (a separate process) re-sealing rows in the middle of
// all that. Afterwards no account is dead, no cookie-health alert went out, the store holds the
// live cookies under the new key, and no cookie — nor a recognizable piece of one — appears in a
// log line, an error, an alert, the script's output or the SQLite file (database and WAL).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COOKIE_PREFIX } from "../../sim/seed.js";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing, parseEnvelope } from "../../src/store/crypto.js";
import { createStore } from "../../src/store/index.js";
import { key, runTs, tempDir } from "../store/helpers.js";
import { GUILD, type JobsWorld, jobsWorld, SEED } from "./kit.js";

const IDS = [SEED.child.id, SEED.parent.id];
const oldKey = key();
const newKey = key();
const newRing = createKeyRing(newKey, [oldKey]);

let t: ReturnType<typeof tempDir>;
let file: string;
let w: JobsWorld;
const errors: unknown[] = [];
let script = { code: null as number | null, stdout: "", stderr: "" };

/** Links both accounts into the file under the OLD key, as a bot running before the key change did. */
async function linkUnderOldKey(): Promise<void> {
  const s = await createStore({
    url: `sqlite://${file}`,
    keyring: createKeyRing(oldKey),
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
  for (const id of IDS) {
    const u = w.sim.state.users.get(id);
    await s.accounts.upsert({
      guildId: GUILD,
      robloxId: String(id),
      robloxName: u?.name ?? `User${id}`,
      displayName: u?.displayName ?? `User${id}`,
      linkedBy: "1",
      cookie: w.sim.control.cookieOf(id) ?? "",
    });
  }
  await s.close();
}

const account = async (id: number) => {
  const a = await w.store.accounts.row(GUILD, String(id));
  if (!a) throw new Error(`account ${id} is not linked`);
  return a;
};
const guard = <T>(p: Promise<T>) => p.catch((err: unknown) => void errors.push(err));

/** One round: Roblox rotates both cookies, then polls, cache misses and parallel calls race. */
async function round(cycle: number): Promise<void> {
  for (const id of IDS) w.sim.control.rotateCookie(id);
  if (cycle % 2 === 0) w.ctx.sessions.forget(GUILD); // the next lookups all miss at once
  await Promise.all(
    IDS.flatMap((id) => [
      guard(w.poll(cycle, id)),
      guard(
        account(id)
          .then((a) => w.ctx.sessions.get(a))
          .then((s) =>
            Promise.all([w.ctx.roblox.users.authenticated(s), w.ctx.roblox.users.authenticated(s)]),
          ),
      ),
    ]),
  );
}

beforeAll(async () => {
  t = tempDir();
  file = join(t.dir, "store.sqlite");
  w = await jobsWorld({ storeUrl: `sqlite://${file}`, keyring: newRing });
  await linkUnderOldKey();
  await w.settings({});
  for (const id of IDS) await w.poll(0, id); // baselines

  // "Another process" (a second connection) got a rotation for the kid: the bot's held session
  // now carries a retired cookie, the store the live one — the 401 retry path.
  const held = await w.ctx.sessions.get(await account(SEED.child.id));
  const other = await createStore({
    url: `sqlite://${file}`,
    keyring: newRing,
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
  await other.accounts.setCookie(GUILD, String(SEED.child.id), w.sim.control.issueCookie(SEED.child.id));
  await other.close();
  await guard(w.ctx.roblox.users.authenticated(held));

  // rotate-keys runs (its own process) while rounds go on until it has finished.
  const rotating = runTs("src/scripts/rotate-keys.ts", {
    cwd: t.dir,
    env: {
      ENCRYPTION_KEY: newKey.toString("base64"),
      ENCRYPTION_KEYS_PREVIOUS: oldKey.toString("base64"),
      STORE_URL: `sqlite://${file}`,
    },
    timeoutMs: 60_000,
  }).then((r) => {
    script = r;
  });
  let done = false;
  void rotating.finally(() => {
    done = true;
  });
  let cycle = 1;
  while (!done || cycle <= 6) await round(cycle++);
  await rotating;
  for (const id of IDS) await w.poll(cycle, id);
}, 120_000);

afterAll(async () => {
  await w?.close();
  t?.cleanup();
});

describe("cookies changing hands during polls", () => {
  it("rotate-keys finished cleanly while the polls ran", () => {
    expect(script.stderr).toBe("");
    expect(script.code).toBe(0);
    expect(script.stdout).toMatch(/rotate-keys: \d+ re-encrypted/);
  });

  it("the 401 retry ran, and no call failed", () => {
    const refused = w.sim.log.filter((e) => e.status === 401);
    expect(refused.length).toBeGreaterThan(0);
    expect(errors.map((e) => String(e))).toEqual([]);
  });

  it("no account is dead, no cookie-health alert, and the store holds the live cookies under the new key", async () => {
    for (const id of IDS) {
      const a = await account(id);
      expect(a.health.state).toBe("ok");
      expect(parseEnvelope(a.cookie).kid).toBe(newRing.currentKid);
      expect((await w.store.accounts.secrets(GUILD, String(id))).cookie).toBe(w.sim.control.cookieOf(id));
    }
    expect(w.titles().filter((title) => /cookie/i.test(title))).toEqual([]);
  });

  it("the canary: no cookie in logs, errors, alerts, the script's output or the store file", async () => {
    const cookies = IDS.map((id) => w.sim.control.cookieOf(id) ?? "");
    const texts = [
      w.lines.join("\n"),
      JSON.stringify(w.sent),
      errors.map((e) => `${String(e)} ${inspect(e)}`).join("\n"),
      script.stdout + script.stderr,
    ];
    for (const text of texts) {
      expect(text).not.toContain("SIMCOOKIE");
      expect(text).not.toContain(COOKIE_PREFIX.slice(0, 30));
    }
    for (const f of [file, `${file}-wal`].filter(existsSync)) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from("SIMCOOKIE"))).toBe(false);
      expect(bytes.includes(Buffer.from(COOKIE_PREFIX.slice(0, 30)))).toBe(false);
      for (const c of cookies) {
        expect(bytes.includes(Buffer.from(Buffer.from(c).toString("base64").slice(4, 40)))).toBe(false);
      }
    }
  });
});
