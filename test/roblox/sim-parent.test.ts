/** The parent-side client over real HTTP against the simulator, and its pure parsers. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED, type Sim, startSim } from "../../sim/server.js";
import { type RobloxClient, toChildren, toPendingConsent } from "../../src/roblox/index.js";
import { expectNoCookie, failsInto, rawLogger, simClient } from "./sim-helpers.js";

let sim: Sim;
let c: RobloxClient;
const log = rawLogger();
const errors: unknown[] = [];
const fails = failsInto(errors);
const kid = SEED.child;
const parentSession = () => c.session({ id: "guild:parent", cookie: SEED.parent.cookie });

beforeAll(async () => {
  sim = await startSim();
  c = simClient(sim, log.logger);
});
afterAll(async () => {
  await c.close();
  await sim.close();
});
beforeEach(() => sim.control.reset());

describe("parent side of parental controls", () => {
  it("children, settings, week: the seeded parent sees the seeded child", async () => {
    const s = parentSession();
    expect(await c.parent.children(s)).toEqual([
      { userId: kid.id, name: kid.name, displayName: kid.displayName },
    ]);
    const settings = await c.parent.childSettings(s, kid.id);
    expect(settings.dailyScreenTimeLimit?.currentValue).toBe(kid.dailyLimit);
    const week = await c.parent.childWeekly(s, kid.id);
    expect(week.days).toEqual(kid.weekly);
    // a stranger's cookie is not linked to the child: 403, a plain error, no crash
    const stranger = c.session({ id: "guild:x", cookie: sim.control.issueCookie(4001) });
    const e = await fails(c.parent.childSettings(stranger, kid.id));
    expect(e.status).toBe(403);
    expect(await c.parent.children(stranger)).toEqual([]);
  });

  it("pending consents are parsed; answer once, the second answer is Roblox's error", async () => {
    const s = parentSession();
    const { id } = sim.control.requestConsent({ childUserId: kid.id, kind: "trusted", targetUserId: 3001 });
    sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 45 });
    const pending = await c.parent.pendingConsents(s, kid.id);
    expect(pending).toEqual([
      expect.objectContaining({
        id,
        childUserId: kid.id,
        consentType: "AddTrustedConnection",
        targetUserId: 3001,
        settings: {},
      }),
      expect.objectContaining({ consentType: "UpdateUserSetting", settings: { dailyScreenTimeLimit: 45 } }),
    ]);
    await c.parent.answerConsent(s, id, kid.id, "Approve");
    expect(sim.state.isTrusted(kid.id, 3001)).toBe(true);
    const again = await fails(c.parent.answerConsent(s, id, kid.id, "Deny"));
    expect(again.status).toBe(400);
    expect((await c.parent.pendingConsents(s, kid.id)).map((p) => p.consentType)).toEqual([
      "UpdateUserSetting",
    ]);
    await expect(c.parent.answerConsent(s, "../x", kid.id, "Approve")).rejects.toMatchObject({
      kind: "bad-input",
    });
  });

  it("grant-consent: the parent blocks a connection directly", async () => {
    const s = parentSession();
    await c.parent.grantConsent(s, kid.id, "ManageFriend", {
      friendUserId: 2001,
      friendManagementAction: "Block",
    });
    expect(sim.state.isBlocked(kid.id, 2001)).toBe(true);
  });

  it("no cookie in any error or log line", () => {
    expectNoCookie(errors, log.text());
  });
});

describe("parsers", () => {
  it("toPendingConsent pulls ids out of consentData, string ids too; the rest are settings", () => {
    expect(
      toPendingConsent({
        id: "abc-1",
        childUserId: 5,
        consentType: "ManageFriend",
        consentData: { friendUserId: "77", friendManagementAction: "Unblock", junk: { a: 1 } },
        createdTime: "2026-01-01T00:00:00Z",
      }),
    ).toEqual({
      id: "abc-1",
      childUserId: 5,
      consentType: "ManageFriend",
      friendUserId: 77,
      friendAction: "Unblock",
      settings: {},
      createdTime: "2026-01-01T00:00:00Z",
    });
    expect(
      toPendingConsent({
        id: "x",
        childUserId: 5,
        consentType: "ManageExperience",
        consentData: { universeId: 9, experienceManagementAction: "Approve" },
      }),
    ).toMatchObject({ universeId: 9, experienceAction: "Approve", settings: {} });
    expect(
      toPendingConsent({ id: "y", childUserId: 5, consentType: "UpdateUserSetting", consentData: null }),
    ).toEqual({
      id: "y",
      childUserId: 5,
      consentType: "UpdateUserSetting",
      settings: {},
    });
    expect(
      toPendingConsent({
        id: "z",
        childUserId: 5,
        consentType: "AddTrustedConnection",
        consentData: { targetUserId: "0" },
      }),
    ).not.toHaveProperty("targetUserId");
  });

  it("toChildren keeps ids and drops empty names", () => {
    expect(
      toChildren({ childrenInfoList: [{ userId: 1, userName: "", displayName: "D" }, { userId: 2 }] }),
    ).toEqual([{ userId: 1, displayName: "D" }, { userId: 2 }]);
    expect(toChildren({ childrenInfoList: null })).toEqual([]);
    expect(toChildren({})).toEqual([]);
  });
});
