/**
 * The kit of the transport tests: a tiny scriptable HTTP server on 127.0.0.1:0, a captured pino
 * logger, and the harness (clients on that server, captured errors and logs, the canary check).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createLogger } from "../../src/logger.js";
import {
  createRobloxClient,
  type RobloxClient,
  type RobloxClientOptions,
  type SessionOptions,
} from "../../src/roblox/index.js";
import { expectNoSecret, failsInto, lineSink } from "../support/leaks.js";

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
    fails: failsInto(errors),
    /** The canary cookie and tracker appear in no error and no log line. */
    expectNoCanary(minErrors: number): void {
      expect(errors.length).toBeGreaterThanOrEqual(minErrors);
      expect(log.text()).toContain("roblox request"); // debug lines were written
      expectNoSecret(errors, log.text(), /CANARY/);
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

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Handler = (req: SeenRequest, res: ServerResponse, n: number) => void;

export interface TestServer {
  origin: string;
  seen: SeenRequest[];
  handle: Handler;
  close(): Promise<void>;
}

export async function startServer(handle: Handler = (_q, res) => json(res, 200, {})): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const t: TestServer = { origin: "", seen, handle, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(r);
      t.handle(r, res, seen.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  t.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return t;
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

export const errBody = (code: number, message: string) => ({ errors: [{ code, message }] });

/** A logger at trace level whose JSON lines are kept in memory. */
export function captureLogger() {
  const sink = lineSink();
  return { logger: createLogger({ level: "trace", destination: sink.destination }), ...sink };
}
