import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKeyRing, parseEnvelope, seal } from "../../src/store/crypto.js";
import { rotateAll } from "../../src/store/index.js";
import { canary, key, linkInput, openStore, runTs, tempDir } from "./helpers.js";

let t: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  t = tempDir();
  file = join(t.dir, "store.sqlite");
});
afterEach(() => t.cleanup());

const oldKey = key();
const newKey = key();
const oldRing = createKeyRing(oldKey);
const bothRing = createKeyRing(newKey, [oldKey]);
const newRing = createKeyRing(newKey);

/** Two guilds, three accounts, four secrets under the old key. */
async function seed(): Promise<Map<string, string>> {
  const s = await openStore(file, oldRing);
  const cookies = new Map<string, string>();
  for (const [g, id, tracker] of [
    ["1", "10", "trk-10"],
    ["1", "20", undefined],
    ["2", "10", undefined],
  ] as const) {
    const c = canary(`${g}-${id}`);
    cookies.set(`${g}:${id}`, c);
    await s.accounts.upsert({ ...linkInput(g, id), cookie: c, ...(tracker ? { tracker } : {}) });
  }
  await s.close();
  return cookies;
}

describe("rotateAll", () => {
  it("end to end: old rows readable with the previous key, rotate, drop the old key, still readable", async () => {
    const cookies = await seed();
    const s = await openStore(file, bothRing);
    expect((await s.accounts.secrets("1", "10")).cookie).toBe(cookies.get("1:10"));
    expect(await s.rotateAll()).toEqual({ rotated: 4, alreadyCurrent: 0, failed: 0 });
    expect(await rotateAll(s, bothRing)).toEqual({ rotated: 0, alreadyCurrent: 4, failed: 0 });
    const row = await s.accounts.get("1", "10");
    expect(parseEnvelope(row!.cookie).kid).toBe(bothRing.currentKid);
    await s.close();

    const after = await openStore(file, newRing);
    for (const [k, cookie] of cookies) {
      const [g, id] = k.split(":") as [string, string];
      expect((await after.accounts.secrets(g, id)).cookie).toBe(cookie);
    }
    expect((await after.accounts.secrets("1", "10")).tracker).toBe("trk-10");
    await after.close();
  });

  it("counts a secret under an unknown key as failed and leaves it untouched", async () => {
    await seed();
    const s = await openStore(file, bothRing);
    const stranger = createKeyRing(key());
    const row = (await s.keyv.get("acct:2:10")) as Record<string, unknown>;
    const foreign = seal(stranger, "x", { guildId: "2", robloxId: "10", purpose: "cookie" });
    await s.keyv.set("acct:2:10", { ...row, cookie: foreign });
    expect(await s.rotateAll()).toEqual({ rotated: 3, alreadyCurrent: 0, failed: 1 });
    expect(((await s.keyv.get("acct:2:10")) as { cookie: string }).cookie).toBe(foreign);
    await s.close();
  });

  it("finds a row whose guild fell out of the guild index", async () => {
    await seed();
    const s = await openStore(file, bothRing);
    await s.keyv.set("guilds", ["1"]);
    expect((await s.rotateAll()).rotated).toBe(4);
    await s.close();
  });
});

describe("scripts", () => {
  it("keygen prints a fresh base64 32-byte key", async () => {
    const a = await runTs("src/scripts/keygen.ts");
    const b = await runTs("src/scripts/keygen.ts");
    expect(a.code).toBe(0);
    expect(Buffer.from(a.stdout.trim(), "base64")).toHaveLength(32);
    expect(a.stdout.trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(a.stdout).not.toBe(b.stdout);
  });

  it("rotate-keys re-encrypts, prints counts and exits 0; a missing old key exits 1 with one line", async () => {
    const cookies = await seed();
    const env = {
      ENCRYPTION_KEY: newKey.toString("base64"),
      ENCRYPTION_KEYS_PREVIOUS: oldKey.toString("base64"),
      STORE_URL: `sqlite://${file}`,
    };
    const missing = await runTs("src/scripts/rotate-keys.ts", {
      cwd: t.dir,
      env: { ...env, ENCRYPTION_KEYS_PREVIOUS: "" },
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/4 secret\(s\) could not be decrypted/);

    const ok = await runTs("src/scripts/rotate-keys.ts", { cwd: t.dir, env });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/4 re-encrypted, 0 already under the current key \([0-9a-f]{8}\), 0 failed/);
    const s = await openStore(file, newRing);
    expect((await s.accounts.secrets("2", "10")).cookie).toBe(cookies.get("2:10"));
    await s.close();

    const bad = await runTs("src/scripts/rotate-keys.ts", {
      cwd: t.dir,
      env: { ...env, STORE_URL: "postgres://u:secret@db/x" },
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^roguard: STORE_URL postgres:\/\/ is not supported in this build.*\n$/);
    expect(bad.stderr).not.toContain("secret");
  });
});
