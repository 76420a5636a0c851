/** Shared harness of the transport tests: a local server, clients on it, captured errors and logs. */
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import {
  createRobloxClient,
  type RobloxClient,
  type RobloxClientOptions,
  type RobloxError,
  type SessionOptions,
} from "../../src/roblox/index.js";
import { captureLogger, startServer, type TestServer } from "./helpers.js";

// No "_|WARNING:" prefix on purpose: the logger's pattern scrubber would hide a leak of that shape.
export const CANARY = "CANARY-c00k1e-5a7b9d";
export const TRACKER = "CreateDate=1&rbxid=1&browserid=CANARYTRACKER77";

/** Call inside a test file (registers its hooks). */
export function transportHarness() {
  const log = captureLogger();
  const errors: unknown[] = [];
  const metrics: { endpoint: string; method: string; status: number; ms: number }[] = [];
  const clients: RobloxClient[] = [];
  const h = {
    srv: undefined as unknown as TestServer,
    log,
    errors,
    metrics,
    mk(over: Partial<RobloxClientOptions> = {}): RobloxClient {
      const c = createRobloxClient({
        origin: h.srv.origin,
        logger: log.logger,
        onRequest: (m) => metrics.push(m),
        retry: { attempts: 4, baseMs: 20, capMs: 80 },
        timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000 },
        ...over,
      });
      clients.push(c);
      return c;
    },
    session(c: RobloxClient, extra: Partial<SessionOptions> = {}) {
      return c.session({ id: "acct-1", cookie: CANARY, tracker: TRACKER, ...extra });
    },
    async fails(p: Promise<unknown>): Promise<RobloxError> {
      try {
        await p;
      } catch (e) {
        errors.push(e);
        return e as RobloxError;
      }
      throw new Error("expected a failure");
    },
    /** The canary cookie and tracker appear in no error and no log line. */
    expectNoCanary(minErrors: number): void {
      expect(errors.length).toBeGreaterThanOrEqual(minErrors);
      for (const e of errors) {
        const err = e as RobloxError;
        const texts = [
          err.message,
          err.userMessage,
          String(err),
          err.stack ?? "",
          inspect(err, { depth: 8 }),
          JSON.stringify(err),
        ];
        for (const text of texts) expect(text).not.toContain("CANARY");
      }
      expect(log.text()).toContain("roblox request"); // debug lines were written
      expect(log.text()).not.toContain("CANARY");
    },
  };
  beforeAll(async () => {
    h.srv = await startServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await h.srv.close();
  });
  return h;
}
