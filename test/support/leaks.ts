/** The client's secrecy checks, shared by the simulator kit and the transport kit. */
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { expect } from "vitest";
import type { RobloxError } from "../../src/roblox/index.js";

/** Runs `p`, expects a RobloxError, records it in `sink` for the secret check, returns it. */
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

/** `secret` appears in no error (message, user sentence, stack, inspection, JSON) and no log text. */
export function expectNoSecret(errors: unknown[], logText: string, secret: RegExp): void {
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

/** A log destination that keeps every line in memory, for reading what a logger wrote. */
export function lineSink() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { destination, lines, text: () => lines.join("") };
}
