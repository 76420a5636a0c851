import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, decodeCustomId, encodeCustomId, isExpired } from "./custom-id.js";

const MAX_ID = "9".repeat(20);

describe("custom-id codec", () => {
  const samples: Action[] = [
    { action: "req-accept", accountId: "123", requesterId: "456" },
    { action: "req-decline", accountId: MAX_ID, requesterId: MAX_ID },
    { action: "st-add", accountId: "1", minutes: 15 },
    { action: "st-add", accountId: "1", minutes: 240 },
    { action: "page", kind: "friends", accountId: "77", key: "aB3_-x", dir: "n" },
    { action: "page", kind: "requests", accountId: MAX_ID, key: "abcdefghijkl", dir: "p" },
    { action: "confirm", op: "unlink", accountId: "5", expires: 1_700_000_600 },
    { action: "confirm", op: "decline-all", accountId: MAX_ID, target: MAX_ID, expires: 36 ** 8 - 1 },
    { action: "cancel", op: "remove", accountId: "5", target: "99", expires: 0 },
    { action: "noop" },
    { action: "noop", tag: "prev" },
  ];

  it("round-trips every action and stays within 100 chars", () => {
    for (const a of samples) {
      const s = encodeCustomId(a);
      expect(s.length).toBeLessThanOrEqual(100);
      expect(s.startsWith(`${a.action}:v1`)).toBe(true);
      expect(decodeCustomId(s)).toEqual(a);
    }
  });

  it("uses the documented wire format", () => {
    expect(encodeCustomId({ action: "req-accept", accountId: "1", requesterId: "2" })).toBe(
      "req-accept:v1:1:2",
    );
    expect(encodeCustomId({ action: "st-add", accountId: "1", minutes: 30 })).toBe("st-add:v1:1:30");
    expect(encodeCustomId({ action: "page", kind: "online", accountId: "1", key: "k1", dir: "p" })).toBe(
      "page:v1:online:1:k1:p",
    );
    expect(encodeCustomId({ action: "confirm", op: "unlink", accountId: "1", expires: 36 })).toBe(
      "confirm:v1:unlink:1::10",
    );
    expect(encodeCustomId({ action: "noop" })).toBe("noop:v1");
  });

  it("refuses invalid actions when encoding", () => {
    const bad = [
      { action: "st-add", accountId: "1", minutes: 0 },
      { action: "st-add", accountId: "1", minutes: 241 },
      { action: "st-add", accountId: "1", minutes: 1.5 },
      { action: "req-accept", accountId: "12a", requesterId: "2" },
      { action: "req-accept", accountId: "1".repeat(21), requesterId: "2" },
      { action: "page", kind: "friends", accountId: "1", key: "way-too-long-key", dir: "n" },
      { action: "page", kind: "friends", accountId: "1", key: "a:b", dir: "n" },
      { action: "page", kind: "Friends!", accountId: "1", key: "k", dir: "n" },
      { action: "page", kind: "friends", accountId: "1", key: "k", dir: "x" },
      { action: "confirm", op: "nuke", accountId: "1", expires: 1 },
      { action: "whatever" },
    ];
    for (const b of bad) expect(() => encodeCustomId(b as unknown as Action), JSON.stringify(b)).toThrow();
  });

  it("decodes garbage to null without throwing", () => {
    const garbage: unknown[] = [
      "",
      "noop",
      "noop:v2",
      "req-accept:v1:1",
      "req-accept:v1:1:2:3",
      "req-accept:v1:a:2",
      "st-add:v1:1:0",
      "st-add:v1:1:241",
      "st-add:v1:1:015x",
      "st-add:v1:1:015",
      "page:v1:friends:1:toolongkey123:n",
      "confirm:v1:nuke:1::10",
      "confirm:v1:unlink:1::ZZ",
      "confirm:v1:unlink:1:abc:10",
      "__proto__:v1:1",
      "constructor:v1",
      `req-accept:v1:1:${"2".repeat(120)}`,
      null,
      42,
      { action: "noop" },
    ];
    for (const g of garbage) expect(decodeCustomId(g), String(g)).toBeNull();
  });

  it("never throws on arbitrary strings (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const out = decodeCustomId(s);
        if (out !== null) expect(encodeCustomId(out).length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips arbitrary valid actions (property)", () => {
    const digits = fc.stringMatching(/^\d{1,20}$/);
    const arb = fc.oneof(
      fc.record({ action: fc.constant("req-accept" as const), accountId: digits, requesterId: digits }),
      fc.record({
        action: fc.constant("st-add" as const),
        accountId: digits,
        minutes: fc.integer({ min: 1, max: 240 }),
      }),
      fc.record({
        action: fc.constant("page" as const),
        kind: fc.constantFrom("friends", "requests", "online", "inactive", "search", "groups"),
        accountId: digits,
        key: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
        dir: fc.constantFrom("n" as const, "p" as const),
      }),
      fc.record(
        {
          action: fc.constantFrom("confirm" as const, "cancel" as const),
          op: fc.constantFrom("unlink" as const, "remove" as const, "decline-all" as const),
          accountId: digits,
          target: digits,
          expires: fc.integer({ min: 0, max: 36 ** 8 - 1 }),
        },
        { requiredKeys: ["action", "op", "accountId", "expires"] },
      ),
    );
    fc.assert(
      fc.property(arb, (a) => {
        const s = encodeCustomId(a);
        expect(s.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(s)).toEqual(a);
      }),
      { numRuns: 1000 },
    );
  });

  it("tells an expired confirmation apart", () => {
    const a = decodeCustomId(
      encodeCustomId({ action: "confirm", op: "unlink", accountId: "1", expires: 1000 }),
    );
    expect(a?.action).toBe("confirm");
    if (a?.action !== "confirm") return;
    expect(isExpired(a, 999_000)).toBe(false);
    expect(isExpired(a, 1_000_999)).toBe(false);
    expect(isExpired(a, 1_001_000)).toBe(true);
  });
});
