import { describe, expect, it } from "vitest";
import { consentAsk, withHandledConsent } from "./parents.js";

describe("parent requests, wording and the handled record", () => {
  it("consentAsk words every type, escaping Roblox's strings", () => {
    const base = { id: "x", childUserId: 1, settings: {} };
    const zed = { id: "5", name: "z_e_d", displayName: "*Zed*" };
    expect(consentAsk({ ...base, consentType: "AddTrustedConnection", targetUserId: 5 }, zed)).toBe(
      "add trusted connection **\\*Zed\\*** (@z\\_e\\_d)",
    );
    expect(consentAsk({ ...base, consentType: "ManageFriend", friendAction: "Unblock" })).toBe(
      "unblock someone",
    );
    expect(
      consentAsk({
        ...base,
        consentType: "UpdateUserSetting",
        settings: { dailyScreenTimeLimit: 90, custom_x: "a*b" },
      }),
    ).toBe("change a setting: daily screen-time limit to **90 min**, custom\\_x to **a\\*b**");
    expect(
      consentAsk({ ...base, consentType: "ManageExperience", universeId: 7, experienceAction: "Approve" }),
    ).toBe("play experience 7");
    expect(consentAsk({ ...base, consentType: "LiftRestriction" })).toBe("lift a restriction");
    expect(consentAsk({ ...base, consentType: "Weird*Type" })).toBe("have a change approved (Weird\\*Type)");
  });

  it("withHandledConsent replaces the entry and keeps the newest", () => {
    const m = withHandledConsent(
      { a: { answer: "approved", by: "1", at: 1 }, bad: 3 },
      "b",
      { answer: "denied", by: "2", at: 2 },
      1,
    );
    expect(m).toEqual({ b: { answer: "denied", by: "2", at: 2 } });
  });
});
