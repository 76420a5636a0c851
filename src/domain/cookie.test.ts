import { describe, expect, it } from "vitest";
import { t } from "../i18n/t.js";
import {
  COOKIE_REFUSED,
  COOKIE_REFUSED_KEY,
  cookieProblem,
  cookieProblemSentence,
  currentCookie,
  normalizeCookie,
  normalizeLabel,
  normalizeTracker,
} from "./cookie.js";

const COOKIE = "_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-abc123|_XYZ";

describe("what a person pastes into the link form", () => {
  it("keeps a clean cookie as it is", () => {
    expect(normalizeCookie(COOKIE)).toBe(COOKIE);
  });

  it("drops whitespace (wrapped pastes), the .ROBLOSECURITY= prefix, quotes and a trailing ;", () => {
    expect(normalizeCookie(`  ${COOKIE.slice(0, 20)}\n${COOKIE.slice(20)}  `)).toBe(COOKIE);
    expect(normalizeCookie(`.ROBLOSECURITY=${COOKIE};`)).toBe(COOKIE);
    expect(normalizeCookie(`.roblosecurity="${COOKIE}"`)).toBe(COOKIE);
    expect(normalizeCookie(`'${COOKIE}'`)).toBe(COOKIE);
  });

  it("tracker: same cleaning, empty → undefined", () => {
    expect(normalizeTracker(" RBXEventTrackerV2=CreateDate=1/1/2025&rbxid=1&browserid=2; ")).toBe(
      "CreateDate=1/1/2025&rbxid=1&browserid=2",
    );
    expect(normalizeTracker("   ")).toBeUndefined();
    expect(normalizeTracker(undefined)).toBeUndefined();
  });

  it("label: trimmed, spaces collapsed, at most 32 characters, empty → undefined", () => {
    expect(normalizeLabel("  Little   Sam ")).toBe("Little Sam");
    expect(normalizeLabel("x".repeat(40))).toHaveLength(32);
    expect(normalizeLabel("🙂".repeat(40))).toBe("🙂".repeat(32));
    expect(normalizeLabel("")).toBeUndefined();
  });

  it("refuses values that cannot be a cookie, in sentences that never repeat the value", () => {
    expect(cookieProblem("")).toBe("empty");
    expect(cookieProblem("hello")).toBe("not-a-cookie");
    expect(cookieProblem(COOKIE)).toBeNull();
    for (const s of [
      cookieProblemSentence("empty", "en-US"),
      cookieProblemSentence("not-a-cookie", "en-US"),
      COOKIE_REFUSED,
    ]) {
      expect(s).toMatch(/cookie/);
      expect(s).toContain("not accepted");
      expect(s).not.toContain("CANARY");
    }
  });
});

describe("currentCookie", () => {
  it("reads the .ROBLOSECURITY value from a session's Cookie header", () => {
    expect(currentCookie({ cookieHeader: () => `.ROBLOSECURITY=${COOKIE}; RBXEventTrackerV2=a=1&b=2` })).toBe(
      COOKIE,
    );
    expect(currentCookie({ cookieHeader: () => `.ROBLOSECURITY=${COOKIE}` })).toBe(COOKIE);
    expect(currentCookie({ cookieHeader: () => "" })).toBeUndefined();
  });
});

describe("cookie refusals in the member's language", () => {
  it("cookie refusals", () => {
    expect(cookieProblemSentence("empty", "de")).toBe(
      "Das Cookie-Feld war leer, daher wurde das Cookie nicht angenommen. Es wurde nichts gespeichert.",
    );
    expect(cookieProblemSentence("not-a-cookie", "pt-BR")).toBe(
      "Isso não é um cookie .ROBLOSECURITY (ele sempre começa com `_|WARNING:`), então não foi aceito. Nada foi guardado.",
    );
    expect(t("fr", COOKIE_REFUSED_KEY)).toContain("Roblox n’a pas accepté ce cookie");
  });
});
