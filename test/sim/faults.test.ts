import { request } from "undici";
import { describe, expect, it } from "vitest";
import { OVERSIZED_BYTES } from "../../sim/faults.js";
import { SEED, startSim } from "../../sim/server.js";
import { call, useSim } from "../support/sim-kit.js";

const fx = useSim();
const kid = SEED.child;
const COUNT = "/friends/v1/my/friends/count";

const addFault = (spec: Record<string, unknown>) => call(fx.sim, "POST", "/__sim/faults", { body: spec });
const get = () => call(fx.sim, "GET", COUNT, { cookie: kid.cookie });

describe("faults", () => {
  it("429 with Retry-After hits `times` requests, then the normal answer returns", async () => {
    expect(
      (await addFault({ pathIncludes: COUNT, status: 429, headers: { "retry-after": "2" }, times: 2 }))
        .status,
    ).toBe(200);
    const a = await get();
    expect(a.status).toBe(429);
    expect(a.headers.get("retry-after")).toBe("2");
    expect((a.json as { errors: unknown[] }).errors).toHaveLength(1);
    expect((await get()).status).toBe(429);
    const c = await get();
    expect(c.json).toEqual({ count: 130 });
    expect(fx.sim.log.map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it("an HTTP-date Retry-After and a 503 body are passed through; method filters apply", async () => {
    const date = new Date(Date.now() + 3000).toUTCString();
    await addFault({ method: "POST", status: 503, headers: { "retry-after": date }, body: "down" });
    expect((await get()).status).toBe(200);
    const r = await call(fx.sim, "POST", "/users/v1/users", { body: { userIds: [1001] } });
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe(date);
    expect(r.text).toBe("down");
  });

  it("times: 0 lasts until cleared", async () => {
    await addFault({ pathIncludes: "/friends/", status: 500, times: 0 });
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(500);
    expect((await call(fx.sim, "DELETE", "/__sim/faults")).status).toBe(200);
    expect((await get()).status).toBe(200);
  });

  it("malformed, html and oversized bodies come with 200", async () => {
    await addFault({ kind: "malformed" });
    const m = await get();
    expect(m.status).toBe(200);
    expect(() => JSON.parse(m.text)).toThrow();
    await addFault({ kind: "html" });
    const h = await get();
    expect(h.headers.get("content-type")).toMatch(/text\/html/);
    expect(h.text).toMatch(/<html/);
    await addFault({ kind: "oversized" });
    const o = await get();
    expect(o.text.length).toBe(OVERSIZED_BYTES);
    expect(JSON.parse(o.text)).toHaveProperty("data");
  });

  it("delay answers normally after delayMs", async () => {
    await addFault({ kind: "delay", delayMs: 150 });
    const t0 = performance.now();
    const r = await get();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.json).toEqual({ count: 130 });
  });

  it("redirect points at another host and is not followed here", async () => {
    await addFault({ kind: "redirect" });
    const r = await get();
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe(`http://evil.example${COUNT}`);
    await addFault({ kind: "redirect", location: "http://127.0.0.2:{port}{path}" });
    const r2 = await get();
    expect(r2.headers.get("location")).toBe(`http://127.0.0.2:${fx.sim.port}${COUNT}`);
  });

  it("reset destroys the socket; hang never answers until the client gives up", async () => {
    await addFault({ kind: "reset" });
    await expect(
      request(fx.sim.origin + COUNT, { headers: { cookie: `.ROBLOSECURITY=${kid.cookie}` } }),
    ).rejects.toThrow();
    await addFault({ kind: "hang" });
    const t0 = performance.now();
    await expect(
      call(fx.sim, "GET", COUNT, { cookie: kid.cookie, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
    expect((await get()).status).toBe(200);
  });

  it("a fx.sim with a hanging request still closes promptly", async () => {
    const other = await startSim({ log: false });
    other.control.addFault({ kind: "hang" });
    const pending = fetch(`${other.origin}${COUNT}`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await other.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    expect(other.log).toHaveLength(0);
  });

  it("rejects an unknown fault kind", async () => {
    const r = await addFault({ kind: "explode" });
    expect(r.status).toBe(400);
    expect(r.json).toHaveProperty("error");
  });
});
