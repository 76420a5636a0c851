/** The parent-side client over real HTTP against the simulator, and its pure parsers. */
import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { toChildren, toPendingConsent } from "../../src/roblox/index.js";
import { useSimClient } from "../support/sim-kit.js";

const k = useSimClient();
const { fails } = k;
const kid = SEED.child;
const parentSession = () => k.client.session({ id: "guild:parent", cookie: SEED.parent.cookie });

describe("parent side of parental controls", () => {
  it("children, settings, week: the seeded parent sees the seeded child", async () => {
    const s = parentSession();
    expect(await k.client.parent.children(s)).toEqual([
      { userId: kid.id, name: kid.name, displayName: kid.displayName },
    ]);
    const settings = await k.client.parent.childSettings(s, kid.id);
    expect(settings.dailyScreenTimeLimit?.currentValue).toBe(kid.dailyLimit);
    const week = await k.client.parent.childWeekly(s, kid.id);
    expect(week.days).toEqual(kid.weekly);
    // a stranger's cookie is not linked to the child: 403, a plain error, no crash
    const stranger = k.client.session({ id: "guild:x", cookie: k.sim.control.issueCookie(4001) });
    const e = await fails(k.client.parent.childSettings(stranger, kid.id));
    expect(e.status).toBe(403);
    expect(await k.client.parent.children(stranger)).toEqual([]);
  });

  it("pending consents are parsed; answer once, the second answer is Roblox's error", async () => {
    const s = parentSession();
    const { id } = k.sim.control.requestConsent({ childUserId: kid.id, kind: "trusted", targetUserId: 3001 });
    k.sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 45 });
    const pending = await k.client.parent.pendingConsents(s, kid.id);
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
    await k.client.parent.answerConsent(s, id, kid.id, "Approve");
    expect(k.sim.state.isTrusted(kid.id, 3001)).toBe(true);
    const again = await fails(k.client.parent.answerConsent(s, id, kid.id, "Deny"));
    expect(again.status).toBe(400);
    expect((await k.client.parent.pendingConsents(s, kid.id)).map((p) => p.consentType)).toEqual([
      "UpdateUserSetting",
    ]);
    await expect(k.client.parent.answerConsent(s, "../x", kid.id, "Approve")).rejects.toMatchObject({
      kind: "bad-input",
    });
  });

  it("grant-consent: the parent blocks a connection directly", async () => {
    const s = parentSession();
    await k.client.parent.grantConsent(s, kid.id, "ManageFriend", {
      friendUserId: 2001,
      friendManagementAction: "Block",
    });
    expect(k.sim.state.isBlocked(kid.id, 2001)).toBe(true);
  });

  it("no cookie in any error or log line", () => {
    k.expectNoCookie();
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
