import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redact, scrub } from "./logger.js";

const CANARY = "_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-logger-9f2c71";
const TRACKER = "CreateDate=1&rbxid=1&browserid=CANARYTRACKER";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), text: () => lines.join("") };
}

describe("logger redaction", () => {
  it("keeps the canary out of messages, nested objects and errors", () => {
    const { logger, text } = capture();
    logger.info(`linking with .ROBLOSECURITY=${CANARY}; path=/`);
    logger.info(`raw ${CANARY} pasted`);
    logger.warn(
      { request: { headers: { Cookie: `.ROBLOSECURITY=${CANARY}`, "X-CSRF-TOKEN": "abc" } } },
      "req",
    );
    logger.debug({ deep: { a: [{ b: { c: { note: `value ${CANARY}` } } }] } }, "deep");
    logger.info({ tracker: TRACKER, cookie: CANARY, token: "bot-token-123" }, "keys");
    const err = Object.assign(new Error(`request failed with cookie ${CANARY}`), {
      response: { headers: { "set-cookie": [`.ROBLOSECURITY=${CANARY}; domain=.roblox.com`] } },
      cause: new Error(`inner ${CANARY}`),
    });
    logger.error({ err }, "boom");
    logger.error(err);
    logger.info({ authorization: "Bot abc.def.ghi" }, "auth header");
    logger.info("Authorization: Bot abc.def.ghi");
    const out = text();
    expect(out.split("\n").filter(Boolean).length).toBe(9);
    expect(out).not.toContain(CANARY);
    expect(out).not.toContain("WARNING:-DO-NOT");
    expect(out).not.toContain("CANARYTRACKER");
    expect(out).not.toContain("abc.def.ghi");
    expect(out).not.toContain("bot-token-123");
    expect(out).toContain("[Redacted]");
    expect(out).toContain("boom");
  });

  it("scrub and redact are pure helpers", () => {
    expect(scrub(`x ${CANARY} y`)).toBe("x [Redacted] y");
    expect(redact({ headers: new Map([["cookie", "a"]]) })).toEqual({ headers: { cookie: "[Redacted]" } });
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(redact(circular)).toEqual({ a: 1, self: "[Circular]" });
  });
});
