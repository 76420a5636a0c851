/** Linked parent accounts in the store: sealed with their own purpose, listed apart from children. */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createKeyRing, open } from "../../src/store/crypto.js";
import type { Store } from "../../src/store/index.js";
import { canary, key, linkInput, openStore, tempDir } from "./helpers.js";

let t: ReturnType<typeof tempDir>;
let store: Store;
let file: string;
const k1 = key();

beforeEach(async () => {
  t = tempDir();
  file = join(t.dir, "roguard.sqlite");
  store = await openStore(file, createKeyRing(k1));
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  t.cleanup();
});

const parentInput = (guildId: string, robloxId: string, cookie = canary(`p${robloxId}`)) => ({
  guildId,
  robloxId,
  robloxName: `Parent${robloxId}`,
  displayName: `Mum ${robloxId}`,
  linkedBy: "1000",
  cookie,
  children: [{ userId: "1001", name: "KidAccount", displayName: "Kid" }],
});

describe("parents", () => {
  it("links, re-links in place, resolves, lists apart from child accounts, removes", async () => {
    const c1 = canary("first");
    const a = await store.parents.upsert({ ...parentInput("1", "1002", c1), label: "Mum" });
    expect(a.created).toBe(true);
    expect(a.parent.children).toEqual([{ userId: "1001", name: "KidAccount", displayName: "Kid" }]);
    expect(JSON.stringify(await store.keyv.get("parent:1:1002"))).not.toContain(c1.slice(-24));
    expect(await store.parents.cookie("1", "1002")).toBe(c1);
    const c2 = canary("second");
    const b = await store.parents.upsert(parentInput("1", "1002", c2));
    expect(b.created).toBe(false);
    expect(b.parent.label).toBe("Mum");
    expect(await store.parents.cookie("1", "1002")).toBe(c2);
    expect((await store.parents.resolve("1", "mum"))?.robloxId).toBe("1002");
    expect((await store.parents.resolve("1"))?.robloxId).toBe("1002");
    expect(await store.parents.resolve("1", "nobody")).toBeUndefined();
    expect(await store.accounts.list("1")).toEqual([]);
    expect(await store.parents.guildIds()).toEqual(["1"]);
    expect(await store.parents.remove("1", "1002")).toBe(true);
    expect(await store.parents.list("1")).toEqual([]);
    expect(await store.parents.guildIds()).toEqual([]);
    expect(await store.parents.remove("1", "1002")).toBe(false);
  });

  it("the parent envelope is bound to its purpose, guild and account", async () => {
    await store.parents.upsert(parentInput("1", "1002"));
    const row = await store.parents.get("1", "1002");
    const ring = createKeyRing(k1);
    expect(() => open(ring, row!.cookie, { guildId: "1", robloxId: "1002", purpose: "cookie" })).toThrow(
      /authentication/,
    );
    expect(() =>
      open(ring, row!.cookie, { guildId: "2", robloxId: "1002", purpose: "parent-cookie" }),
    ).toThrow();
    // a parent envelope pasted into a child row does not open as the child's cookie
    await store.accounts.upsert(linkInput("1", "1002"));
    const child = await store.keyv.get("acct:1:1002");
    await store.keyv.set("acct:1:1002", { ...(child as object), cookie: row!.cookie });
    await expect(store.accounts.secrets("1", "1002")).rejects.toThrow(/authentication/);
  });

  it("deleteGuild removes parents and their state; rotate re-seals under the new key", async () => {
    await store.parents.upsert(parentInput("1", "1002"));
    await store.parents.updateState("1", "1002", (s) => ({ ...s, seen: ["x"] }));
    expect(await store.parents.state("1", "1002")).toEqual({ seen: ["x"] });
    await store.parents.updateState("1", "9999", () => ({ orphan: true })); // not linked: nothing written
    expect(await store.parents.state("1", "9999")).toEqual({});
    await store.parents.upsert(parentInput("2", "1002"));
    await store.deleteGuild("1");
    expect(await store.parents.list("1")).toEqual([]);
    expect(await store.keyv.get("parent-index:1")).toBeUndefined();
    expect(await store.keyv.get("parent-state:1:1002")).toBeUndefined();
    expect((await store.parents.list("2")).length).toBe(1);
    expect(await store.parents.guildIds()).toEqual(["2"]);

    const before = (await store.parents.get("2", "1002"))!.cookie;
    const plain = await store.parents.cookie("2", "1002");
    await store.close();
    const k2 = key();
    store = await openStore(file, createKeyRing(k2, [k1]));
    expect(await store.parents.rotate(["2"])).toEqual({ rotated: 1, failed: 0 });
    expect((await store.parents.get("2", "1002"))!.cookie).not.toBe(before);
    await store.close();
    store = await openStore(file, createKeyRing(k2));
    expect(await store.parents.cookie("2", "1002")).toBe(plain);
  });
});
