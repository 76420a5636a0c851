// A working cookie is never marked dead by a race between sessions of one account: concurrent
// cache misses share one session, a cookie Roblox rotated on one session never relabels
// another's cache entry, and a 401 is retried once with the stored cookie before the account
// is marked dead.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GUILD, type JobsWorld, jobsWorld, SEED } from "./kit.js";

const KID = SEED.child.id;
let w: JobsWorld;

beforeEach(async () => {
  w = await jobsWorld();
  await w.link();
  await w.settings({});
});
afterEach(async () => {
  await w.close();
});

const account = async () => {
  const a = await w.store.accounts.row(GUILD, String(KID));
  if (!a) throw new Error("the account is not linked");
  return a;
};
const health = async () => (await account()).health.state;
/** The simulator's answers to the kid's cookie since `from`, as "status path". */
const answers = (from = 0) => w.sim.log.slice(from).map((e) => `${e.status} ${e.path.replace(/\?.*/, "")}`);
const cookieAlerts = () => w.titles().filter((t) => /cookie/i.test(t));

describe("Sessions: one session per account", () => {
  it("concurrent cache misses share one session (one lookup in flight)", async () => {
    const a = await account();
    const [s1, s2, s3] = await Promise.all([
      w.ctx.sessions.get(a),
      w.ctx.sessions.get(a),
      w.ctx.sessions.get(a),
    ]);
    expect(s2).toBe(s1);
    expect(s3).toBe(s1);
  });

  it("concurrent misses, then Roblox rotates the cookie on one: the next polls work, never dead", async () => {
    await w.poll(0); // baseline
    w.ctx.sessions.forget(GUILD);
    const a = await account();
    const [s1] = await Promise.all([w.ctx.sessions.get(a), w.ctx.sessions.get(a)]);
    w.sim.control.rotateCookie(KID);
    await w.ctx.roblox.users.authenticated(s1);
    const from = w.sim.log.length;
    await w.poll(1);
    await w.poll(2);
    expect(answers(from).filter((x) => x.startsWith("401"))).toEqual([]);
    expect(await health()).toBe("ok");
    expect(cookieAlerts()).toEqual([]);
  });

  it("a rotation on a session that was replaced in the cache updates only its own entry", async () => {
    const old = await w.ctx.sessions.get(await account());
    // A re-link with the same cookie: a new envelope, so the next lookup builds a new session
    // while a poll may still hold the old one.
    await w.link();
    const replaced = await w.ctx.sessions.get(await account());
    expect(replaced).not.toBe(old);
    w.sim.control.rotateCookie(KID);
    await w.ctx.roblox.users.authenticated(old); // Roblox rotates on the old session: stored
    const next = await w.ctx.sessions.get(await account());
    expect(next).not.toBe(replaced); // `replaced` still carries the cookie Roblox just retired
    const from = w.sim.log.length;
    await w.ctx.roblox.users.authenticated(next);
    expect(answers(from)).toEqual(["200 /users/v1/users/authenticated"]);
    expect(await health()).toBe("ok");
  });
});

describe("Sessions: a 401 is retried once with the stored cookie", () => {
  it("another process stored a rotated cookie: the held session retries with it and works", async () => {
    const held = await w.ctx.sessions.get(await account());
    // Another process's session got the rotation: Roblox retired ours, the store has the new one.
    const fresh = w.sim.control.issueCookie(KID);
    await w.store.accounts.setCookie(GUILD, String(KID), fresh);
    const from = w.sim.log.length;
    const me = await w.ctx.roblox.users.authenticated(held);
    expect(me.id).toBe(KID);
    expect(answers(from)).toEqual(["401 /users/v1/users/authenticated", "200 /users/v1/users/authenticated"]);
    expect(await health()).toBe("ok");
  });

  it("two requests in flight when Roblox rotates: the one that carried the old cookie retries", async () => {
    const s = await w.ctx.sessions.get(await account());
    w.sim.control.rotateCookie(KID);
    const from = w.sim.log.length;
    const both = await Promise.all([
      w.ctx.roblox.users.authenticated(s),
      w.ctx.roblox.users.authenticated(s),
    ]);
    expect(both.map((u) => u.id)).toEqual([KID, KID]);
    expect(answers(from).filter((x) => x.startsWith("200"))).toHaveLength(2);
    expect(await health()).toBe("ok");
    const stored = await w.store.accounts.secrets(GUILD, String(KID));
    expect(stored.cookie).toBe(w.sim.control.cookieOf(KID));
  });

  it("a cookie that is really dead: one 401, no retry with the same cookie, marked dead once", async () => {
    await w.poll(0);
    w.sim.control.expireCookie(KID);
    const from = w.sim.log.length;
    await expect(
      w.ctx.roblox.users.authenticated(await w.ctx.sessions.get(await account())),
    ).rejects.toThrow();
    expect(answers(from)).toEqual(["401 /users/v1/users/authenticated"]);
    expect(await health()).toBe("dead");
    await w.poll(1);
    expect(cookieAlerts()).toHaveLength(1);
  });
});
