import { describe, expect, it } from "vitest";
import { ALREADY_ANSWERED, NOT_LINKED } from "../../sim/routes/parent.js";
import { PARENT_MANAGED } from "../../sim/routes/settings.js";
import { SEED } from "../../sim/server.js";
import { call, callCsrf, firstError, useSim } from "../support/sim-kit.js";

const fx = useSim();
const kid = SEED.child;
const parent = SEED.parent;
const PC = "/apis/parental-controls-api/v1/parental-controls";
const answerPath = (id: string) =>
  `/apis/parental-controls-api/v1/verified-parental-consent/consent-request/${id}`;

describe("parent accounts", () => {
  it("children-info lists the seeded child for the parent, nothing for the child itself", async () => {
    const p = await call(fx.sim, "GET", `${PC}/children-info`, { cookie: parent.cookie });
    expect(p.json).toEqual({
      childrenInfoList: [{ userId: kid.id, userName: kid.name, displayName: kid.displayName }],
    });
    const c = await call(fx.sim, "GET", `${PC}/children-info`, { cookie: kid.cookie });
    expect(c.json).toEqual({ childrenInfoList: [] });
    expect((await call(fx.sim, "GET", `${PC}/children-info`)).status).toBe(401);
  });

  it("child-settings and the weekly screen time answer a linked parent, 403 for anyone else", async () => {
    const s = await call(fx.sim, "GET", `${PC}/child-settings?childUserId=${kid.id}`, {
      cookie: parent.cookie,
    });
    expect(
      (s.json as { dailyScreenTimeLimit: { currentValue: number } }).dailyScreenTimeLimit.currentValue,
    ).toBe(kid.dailyLimit);
    const w = await call(fx.sim, "GET", `${PC}/get-weekly-screentime?userId=${kid.id}`, {
      cookie: parent.cookie,
    });
    expect(w.status).toBe(200);
    // a stranger with a cookie is not linked to the child
    const stranger = fx.sim.control.issueCookie(4001);
    for (const path of [
      `${PC}/child-settings?childUserId=${kid.id}`,
      `${PC}/get-weekly-screentime?userId=${kid.id}`,
      `${PC}/consents?childUserId=${kid.id}&consentStatus=Pending`,
    ]) {
      const r = await call(fx.sim, "GET", path, { cookie: stranger });
      expect(r.status, path).toBe(403);
      expect(firstError(r.json)?.message, path).toBe(NOT_LINKED);
    }
    const bad = await call(fx.sim, "GET", `${PC}/child-settings?childUserId=abc`, { cookie: parent.cookie });
    expect(bad.status).toBe(400);
  });

  it("a consent request lives pending → approved once; a second answer gets Roblox's error", async () => {
    const { id } = fx.sim.control.requestConsent({
      childUserId: kid.id,
      kind: "trusted",
      targetUserId: 3001,
    });
    const list = await call(fx.sim, "GET", `${PC}/consents?childUserId=${kid.id}&consentStatus=Pending`, {
      cookie: parent.cookie,
    });
    expect(list.json).toMatchObject({
      consents: [
        {
          id,
          childUserId: kid.id,
          parentUserId: null,
          consentType: "AddTrustedConnection",
          consentOutcome: null,
          consentData: { targetUserId: 3001 },
        },
      ],
      nextCursor: null,
    });
    const body = { consentId: id, answer: "Approve", childUserId: kid.id };
    // CSRF as for every POST: the first try without a token is refused with a fresh one
    const noToken = await call(fx.sim, "POST", answerPath(id), { cookie: parent.cookie, body });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get("x-csrf-token")).toBeTruthy();
    const ok = await callCsrf(fx.sim, "POST", answerPath(id), { cookie: parent.cookie, body });
    expect(ok.status).toBe(200);
    expect(fx.sim.state.isTrusted(kid.id, 3001)).toBe(true);
    expect(fx.sim.control.consentOf(id)).toMatchObject({ status: "Approved", parentUserId: parent.id });
    const again = await callCsrf(fx.sim, "POST", answerPath(id), { cookie: parent.cookie, body });
    expect(again.status).toBe(400);
    expect(firstError(again.json)?.message).toBe(ALREADY_ANSWERED);
    const after = await call(fx.sim, "GET", `${PC}/consents?childUserId=${kid.id}&consentStatus=Pending`, {
      cookie: parent.cookie,
    });
    expect(after.json).toEqual({ consents: [], nextCursor: null });
  });

  it("deny changes nothing; a parent not linked to the child may not answer; unknown ids are 404", async () => {
    const { id } = fx.sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 300 });
    const stranger = fx.sim.control.issueCookie(4001);
    const body = { consentId: id, answer: "Deny", childUserId: kid.id };
    const refused = await callCsrf(fx.sim, "POST", answerPath(id), { cookie: stranger, body });
    expect(refused.status).toBe(403);
    expect(firstError(refused.json)?.message).toBe(NOT_LINKED);
    const denied = await callCsrf(fx.sim, "POST", answerPath(id), { cookie: parent.cookie, body });
    expect(denied.status).toBe(200);
    expect(fx.sim.state.screenTimeOf(kid.id).dailyLimit).toBe(kid.dailyLimit);
    expect(fx.sim.control.consentOf(id)?.status).toBe("Denied");
    const missing = await callCsrf(fx.sim, "POST", answerPath("nope"), { cookie: parent.cookie, body });
    expect(missing.status).toBe(404);
  });

  it("grant-consent applies a parent's own change; the control API creates requests over HTTP", async () => {
    const g = await callCsrf(fx.sim, "POST", `${PC}/grant-consent`, {
      cookie: parent.cookie,
      body: {
        childUserId: kid.id,
        consentType: "ManageFriend",
        details: { friendUserId: 2001, friendManagementAction: "Block" },
      },
    });
    expect(g.status).toBe(200);
    expect(fx.sim.state.isBlocked(kid.id, 2001)).toBe(true);
    expect(fx.sim.state.areFriends(kid.id, 2001)).toBe(false);
    const bad = await callCsrf(fx.sim, "POST", `${PC}/grant-consent`, {
      cookie: parent.cookie,
      body: { childUserId: kid.id, consentType: "Nope", details: {} },
    });
    expect(bad.status).toBe(400);
    const made = await fx.ctl("POST", "consents", {
      childUserId: kid.id,
      kind: "trusted",
      targetUserId: 3002,
    });
    const id = (made.json as { id: string }).id;
    expect(fx.sim.control.consentOf(id)?.status).toBe("Pending");
    expect((await fx.ctl("POST", "consents/answer", { id, answer: "Deny" })).status).toBe(200);
    expect(fx.sim.control.consentOf(id)?.status).toBe("Denied");
    expect((await fx.ctl("POST", "consents/answer", { id, answer: "Deny" })).status).toBe(400);
    expect((await fx.ctl("POST", "parent-links", { parent: 4002, child: kid.id })).status).toBe(200);
    expect(fx.sim.state.isParentOf(4002, kid.id)).toBe(true);
  });

  it("parentManagedSettings: parent — the child's own limit change is refused (ParentalConsent), the parent's grant works", async () => {
    const US = "/apis/user-settings-api/v1/user-settings";
    const limitOf = async (cookie: string, path: string) =>
      (
        (await call(fx.sim, "GET", path, { cookie })).json as {
          dailyScreenTimeLimit: { options: { requirement: string }[] };
        }
      ).dailyScreenTimeLimit.options[0]?.requirement;
    const own = { cookie: kid.cookie, tracker: kid.tracker, body: { dailyScreenTimeLimit: 30 } };
    // default "self": as before parent links, the child sets its own limit
    expect(await limitOf(kid.cookie, `${US}/settings-and-options`)).toBe("SelfUpdateSetting");
    expect((await callCsrf(fx.sim, "POST", US, own)).status).toBe(200);
    expect(fx.sim.state.screenTimeOf(kid.id).dailyLimit).toBe(30);

    fx.sim.control.setModes({ parentManagedSettings: "parent" });
    expect(await limitOf(kid.cookie, `${US}/settings-and-options`)).toBe("ParentalConsent");
    expect(await limitOf(parent.cookie, `${PC}/child-settings?childUserId=${kid.id}`)).toBe(
      "SelfUpdateSetting",
    );
    const refused = await callCsrf(fx.sim, "POST", US, { ...own, body: { dailyScreenTimeLimit: 45 } });
    expect(refused.status).toBe(403);
    expect(firstError(refused.json)?.message).toBe(PARENT_MANAGED);
    expect(fx.sim.state.screenTimeOf(kid.id).dailyLimit).toBe(30);
    const g = await callCsrf(fx.sim, "POST", `${PC}/grant-consent`, {
      cookie: parent.cookie,
      body: { childUserId: kid.id, consentType: "UpdateUserSetting", details: { dailyScreenTimeLimit: 45 } },
    });
    expect(g.status).toBe(200);
    expect(fx.sim.state.screenTimeOf(kid.id).dailyLimit).toBe(45);
    // an account no parent is linked to is not affected
    const lone = fx.sim.control.issueCookie(4003);
    expect(await limitOf(lone, `${US}/settings-and-options`)).toBe("SelfUpdateSetting");
    expect((await fx.ctl("POST", "modes", { parentManagedSettings: "maybe" })).status).toBe(400);
  });
});
