import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { t } from "../../i18n/t.js";
import { type Answer, classify } from "./classify.js";
import { CODE_TABLE, lookupCode, type RobloxApi, SENTENCES } from "./codes.js";
import { RateLimitedError, RobloxApiError } from "./errors.js";

/** Every (host, status, code, sentence) in the response tables of seed 000 (extracted once). */
const SEED_000: [RobloxApi, number, number, string][] = [
  ["friends", 400, 1, "The target user is invalid or does not exist."],
  ["friends", 400, 3, "The user is blocked from performing this action."],
  ["friends", 400, 5, "The target user is already a friend."],
  ["friends", 400, 6, "Invalid parameters."],
  ["friends", 400, 7, "The user cannot be friends with itself."],
  ["friends", 400, 10, "The friend request does not exist."],
  ["friends", 400, 11, "The current users friends limit has been exceeded."],
  ["friends", 400, 12, "The target users friends limit has been exceeded."],
  ["friends", 400, 13, "The users are not in the same game."],
  ["friends", 400, 15, "Too many ids."],
  ["friends", 400, 16, "Invalid ids."],
  ["friends", 400, 31, "User with max friends sent friend request."],
  ["friends", 400, 35, "Invalid nickname."],
  ["friends", 401, 0, "Authorization has been denied for this request."],
  ["friends", 403, 0, "Token Validation Failed"],
  ["friends", 403, 2, "The user is banned from performing operation."],
  ["friends", 403, 3, "The user is blocked from performing this action."],
  ["friends", 403, 14, "The user has not passed the captcha."],
  ["friends", 429, 9, "The flood limit has been exceeded."],
  ["groups", 400, 3, "The user is invalid or does not exist."],
  ["groups", 403, 3, "The user is invalid or does not exist."],
];

const body = (code: number, message: string) => ({ errors: [{ code, message }] });
const answer = (over: Partial<Answer>): Answer => ({
  endpoint: "friends.x",
  api: "friends",
  status: 200,
  headers: {},
  body: undefined,
  now: 0,
  ...over,
});
const errorOf = (a: Answer) => {
  const c = classify(a);
  if (c.type !== "error") throw new Error(`expected an error, got ${c.type}`);
  return c.error;
};

describe("code → sentence tables", () => {
  it.each(SEED_000)(
    "%s %i code %i has the seed's sentence and a user sentence",
    (api, status, code, seed) => {
      const s = lookupCode(api, status, code);
      expect(s?.robloxMessage).toBe(seed);
      const user = s ? t("en-US", s.user) : "";
      expect(user).toMatch(/^[A-Z].*[.!]$/);
      expect(user.split(/[.!?]\s/).length).toBe(1); // one sentence
    },
  );

  it("keys by API: code 3 is 'blocked' in friends, 'user invalid' in groups", () => {
    expect(t("en-US", lookupCode("friends", 400, 3)?.user ?? "common.none")).toMatch(/blocks/);
    expect(t("en-US", lookupCode("groups", 400, 3)?.user ?? "common.none")).toMatch(/does not exist/);
    expect(lookupCode("presence", 400, 3)).toBeUndefined();
  });

  it("code 0 is a catch-all: the table applies only when the message is the seed's", () => {
    expect(lookupCode("user-settings", 403, 0, "Token Validation Failed")?.robloxMessage).toBe(
      "Token Validation Failed",
    );
    expect(lookupCode("user-settings", 403, 0, "The RBXEventTrackerV2 cookie is required.")).toBeUndefined();
    expect(
      lookupCode("friends", 401, 0, "Authorization has been denied for this request")?.robloxMessage,
    ).toMatch(/denied/);
    expect(lookupCode("friends", 400, 5, "whatever Roblox says")?.robloxMessage).toBe(
      "The target user is already a friend.",
    );
  });

  it("has no entries beyond the known APIs", () => {
    expect(Object.keys(CODE_TABLE).sort()).toEqual(
      [
        "friends",
        "games",
        "groups",
        "parental-controls",
        "presence",
        "thumbnails",
        "user-settings",
        "usermoderation",
        "users",
      ].sort(),
    );
  });
});

describe("classification", () => {
  it("classifies Roblox's refusals (already a friend, captcha, flood limit) with their plain sentences", () => {
    const friend = errorOf(answer({ status: 400, body: body(5, "The target user is already a friend.") }));
    expect(friend).toBeInstanceOf(RobloxApiError);
    expect(friend.userMessage).toContain("already a friend");
    expect((friend as RobloxApiError).documentedMessage).toBe("The target user is already a friend.");
    expect([friend.status, friend.code]).toEqual([400, 5]);

    const captcha = errorOf(answer({ status: 403, body: body(14, "The user has not passed the captcha.") }));
    expect(captcha.kind).toBe("captcha");
    expect(captcha.userMessage).toBe("Roblox wants a captcha: finish this one in the Roblox app.");

    const flood = errorOf(answer({ status: 429, body: body(9, "The flood limit has been exceeded.") }));
    expect(flood.kind).toBe("rate-limited");
    expect(flood.userMessage).toContain("Roblox's flood limit — try again in a minute");

    const mod = errorOf(answer({ api: "users", status: 403, body: body(0, "User is moderated") }));
    expect(mod.kind).toBe("moderated");
    expect(mod.userMessage).toContain("the account is restricted right now; see /restrictions");

    const dead = errorOf(
      answer({ status: 401, body: body(0, "Authorization has been denied for this request.") }),
    );
    expect(dead.kind).toBe("unauthenticated");
    expect(dead.userMessage).toMatch(/cookie no longer works.*link again/);
  });

  it("403 code 0: CSRF with the header, moderated by message, API error otherwise", () => {
    const tokenFailed = body(0, "Token Validation Failed");
    expect(classify(answer({ status: 403, body: tokenFailed, headers: { "x-csrf-token": "abc" } }))).toEqual({
      type: "csrf",
      token: "abc",
    });
    // A moderated answer is never mistaken for CSRF, even if a token header is present.
    expect(
      errorOf(answer({ status: 403, body: body(0, "User is moderated"), headers: { "x-csrf-token": "t" } }))
        .kind,
    ).toBe("moderated");
    const noHeader = errorOf(answer({ status: 403, body: tokenFailed }));
    expect(noHeader.kind).toBe("api");
    expect((noHeader as RobloxApiError).documentedMessage).toBe("Token Validation Failed");
  });

  it("captcha by code 14, by rblx-challenge-id, or by isCaptchaRequired in a 200", () => {
    expect(
      errorOf(answer({ status: 403, headers: { "rblx-challenge-id": "c1" }, body: body(0, "Challenge") }))
        .kind,
    ).toBe("captcha");
    expect(errorOf(answer({ status: 200, body: { success: false, isCaptchaRequired: true } })).kind).toBe(
      "captcha",
    );
    expect(classify(answer({ status: 200, body: { success: true, isCaptchaRequired: false } })).type).toBe(
      "ok",
    );
  });

  it("429 carries the wait; 5xx, 3xx are unavailable; unknown codes fall back by status", () => {
    const r = errorOf(
      answer({ status: 429, headers: { "retry-after": "12" }, body: body(0, "Too many requests") }),
    );
    expect(r).toBeInstanceOf(RateLimitedError);
    expect((r as RateLimitedError).retryAfterMs).toBe(12_000);
    expect(r.userMessage).toContain("12 seconds");
    expect(errorOf(answer({ status: 503 })).kind).toBe("unavailable");
    expect(errorOf(answer({ status: 502, body: "<html>" })).kind).toBe("unavailable");
    const redirect = errorOf(answer({ status: 302, headers: { location: "http://evil.example/" } }));
    expect([redirect.kind, (redirect as { reason?: string }).reason]).toEqual(["unavailable", "redirect"]);
    const odd = errorOf(answer({ status: 400, body: body(99, "Something new") }));
    expect(odd.kind).toBe("api");
    expect(odd.userMessage).toBe("Roblox did not accept that request.");
    expect(odd.message).toContain("Something new");
  });

  it("messages and inspections never carry a cookie echoed by the server", () => {
    const canary = "_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-errors-test";
    const e = errorOf(answer({ status: 400, body: body(77, `bad cookie ${canary}`) }));
    for (const text of [e.message, e.userMessage, String(e), inspect(e), JSON.stringify(e), e.stack ?? ""]) {
      expect(text).not.toContain("CANARY-errors-test");
    }
  });

  it("fixed sentences are single plain sentences", () => {
    for (const s of Object.values(SENTENCES)) expect(t("en-US", s)).toMatch(/^[A-Z][^\n]*[.!]$/);
  });
});
