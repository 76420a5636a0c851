// Page cursors: a short key resolves only in the guild, account and list it was made for; each
// guild holds a bounded number of them and none outlives an hour.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Invocation } from "../../src/context.js";
import { loadPage, PAGE_ELSEWHERE, PAGE_EXPIRED, pageKey } from "../../src/domain/paging.js";
import { CURSOR_TTL_MS, decodeKey, encodeKey, MAX_CURSORS_PER_GUILD } from "../../src/store/cursors.js";
import type { Store } from "../../src/store/index.js";
import { openStore, tempDir } from "./helpers.js";

let t: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(async () => {
  t = tempDir();
  store = await openStore(`${t.dir}/s.sqlite`);
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  t.cleanup();
});

const A = { guildId: "1", accountId: "10", kind: "friends" };
const cursorRows = async () =>
  Number(
    (
      (await store.keyv.store.query(
        "SELECT COUNT(*) AS n FROM keyv WHERE key LIKE 'roguard:cursor:%'",
      )) as Array<{ n: number }>
    )[0]?.n,
  );

describe("cursors", () => {
  it("short keys read back in their own scope and expire", async () => {
    const long = "x".repeat(2000);
    const k = await store.cursors.put(A, long);
    expect(k).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await store.cursors.get(A, k)).toEqual({ ok: true, value: long });
    const short = await store.cursors.put(A, "soon", 30);
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.cursors.get(A, short)).toEqual({ ok: false, reason: "missing" });
    expect(await store.cursors.get(A, "not a key!")).toEqual({ ok: false, reason: "missing" });
    expect(await store.cursors.get(A, "AAAAAAAAAAAA")).toEqual({ ok: false, reason: "missing" });
  });

  it("a key resolved in another guild, account or list is refused", async () => {
    const k = await store.cursors.put(A, "page 2");
    expect(await store.cursors.get({ ...A, guildId: "2" }, k)).toEqual({ ok: false, reason: "missing" });
    expect(await store.cursors.get({ ...A, accountId: "11" }, k)).toEqual({ ok: false, reason: "elsewhere" });
    expect(await store.cursors.get({ ...A, kind: "requests" }, k)).toEqual({
      ok: false,
      reason: "elsewhere",
    });
    expect(await store.cursors.get(A, k)).toEqual({ ok: true, value: "page 2" });
  });

  it(`a guild holds at most ${MAX_CURSORS_PER_GUILD}: a new one takes the oldest one's place`, async () => {
    const first = await store.cursors.put(A, "first");
    const keys: string[] = [];
    for (let i = 0; i < MAX_CURSORS_PER_GUILD + 200; i++) keys.push(await store.cursors.put(A, `v${i}`));
    expect(await cursorRows()).toBe(MAX_CURSORS_PER_GUILD);
    expect((await store.cursors.get(A, first)).ok).toBe(false);
    expect(await store.cursors.get(A, keys.at(-1)!)).toEqual({
      ok: true,
      value: `v${MAX_CURSORS_PER_GUILD + 199}`,
    });
    // Another guild has its own room.
    const other = await store.cursors.put({ ...A, guildId: "2" }, "theirs");
    expect(await store.cursors.get({ ...A, guildId: "2" }, other)).toEqual({ ok: true, value: "theirs" });
  }, 60_000);

  it("no cursor lives longer than an hour, whatever it asks", async () => {
    await store.cursors.put(A, "v", 10 * CURSOR_TTL_MS);
    const rows = (await store.keyv.store.query(
      "SELECT json_extract(value, '$.expires') AS e FROM keyv WHERE key LIKE 'roguard:cursor:%'",
    )) as Array<{ e: number }>;
    expect(rows[0]!.e).toBeLessThanOrEqual(Date.now() + CURSOR_TTL_MS);
  });

  it("keys encode their slot: every slot round-trips, none past the cap", () => {
    for (const slot of [0, 1, 63, 64, 999]) expect(decodeKey(encodeKey(slot, "abcdefghij"))?.slot).toBe(slot);
    expect(decodeKey(encodeKey(MAX_CURSORS_PER_GUILD, "abcdefghij"))).toBeUndefined();
  });

  it("leave with the guild", async () => {
    await store.cursors.put(A, "v");
    await store.deleteGuild("1");
    expect(await cursorRows()).toBe(0);
  });
});

describe("page buttons", () => {
  const ctxIn = (guildId: string) => ({ guildId, store }) as unknown as Invocation;

  it("a page key from another guild, account or list gets a plain sentence, not the page", async () => {
    const k = await pageKey(
      ctxIn("1"),
      { kind: "friends", accountId: "10" },
      { cursor: "abc", args: { sort: 1 } },
    );
    expect(k).not.toBeNull();
    const key = k as string;
    expect(await loadPage(ctxIn("1"), { kind: "friends", accountId: "10" }, key)).toEqual({
      ok: true,
      state: { cursor: "abc", args: { sort: 1 } },
    });
    expect(await loadPage(ctxIn("2"), { kind: "friends", accountId: "10" }, key)).toEqual({
      ok: false,
      refusal: PAGE_EXPIRED,
    });
    expect(await loadPage(ctxIn("1"), { kind: "friends", accountId: "11" }, key)).toEqual({
      ok: false,
      refusal: PAGE_ELSEWHERE,
    });
    expect(await loadPage(ctxIn("1"), { kind: "search", accountId: "10" }, key)).toEqual({
      ok: false,
      refusal: PAGE_ELSEWHERE,
    });
  });
});
