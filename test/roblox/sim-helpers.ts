/** Shared set-up for the client tests against the simulator (sim/server.ts). */

import { Writable } from "node:stream";
import { inspect } from "node:util";
import { pino } from "pino";
import { expect } from "vitest";
import { SEED, type Sim } from "../../sim/server.js";
import { createRobloxClient, type RobloxClient, type RobloxError } from "../../src/roblox/index.js";

/**
 * A raw pino logger (no redaction at all), so a cookie written to a log line by the client
 * would show up here: the canary check below then proves the client never logs one.
 */
export function rawLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: pino({ level: "trace" }, destination), text: () => lines.join("") };
}

export function simClient(sim: Sim, logger: ReturnType<typeof rawLogger>["logger"]): RobloxClient {
  return createRobloxClient({ origin: sim.origin, logger, retry: { attempts: 3, baseMs: 10, capMs: 40 } });
}

export const kidSession = (c: RobloxClient, onCookieRotated?: (v: string) => void) =>
  c.session({
    id: "guild:kid",
    cookie: SEED.child.cookie,
    tracker: SEED.child.tracker,
    ...(onCookieRotated ? { onCookieRotated } : {}),
  });

/** Runs `p`, expects a RobloxError, records it for the canary check, returns it. */
export function failsInto(sink: unknown[]) {
  return async (p: Promise<unknown>): Promise<RobloxError> => {
    try {
      await p;
    } catch (e) {
      sink.push(e);
      return e as RobloxError;
    }
    throw new Error("expected a failure");
  };
}

/** No seeded cookie (their unique tail) in any error text or log line. */
export function expectNoCookie(errors: unknown[], logText: string): void {
  const secret = /SIMCOOKIE|_\|WARNING:|browserid=\d/;
  for (const e of errors) {
    const err = e as RobloxError;
    for (const t of [
      err.message,
      err.userMessage,
      String(err),
      err.stack ?? "",
      inspect(err, { depth: 8 }),
      JSON.stringify(err),
    ]) {
      expect(t).not.toMatch(secret);
    }
  }
  expect(logText).not.toMatch(secret);
}
