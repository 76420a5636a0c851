/**
 * The one simulator test kit: every test that starts the simulator (sim/server.ts) does it here.
 * `useSim` gives a test file one simulator, reset before each test, with raw HTTP helpers (the
 * simulator's own tests); `useSimClient` adds the Roblox client on it, a log that keeps every line
 * and the check that no cookie leaked into an error or a log line (the client's tests).
 */
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { SEED, type Sim, type SimOptions, startSim } from "../../sim/server.js";
import {
  createRobloxClient,
  type RobloxClient,
  type RobloxClientOptions,
  type RobloxError,
  type RobloxSession,
} from "../../src/roblox/index.js";
import { expectNoSecret, failsInto, lineSink } from "./leaks.js";

export interface CallOptions {
  cookie?: string;
  tracker?: string;
  csrf?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(sim: Sim, method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...o.headers };
  const cookies: string[] = [];
  if (o.cookie !== undefined) cookies.push(`.ROBLOSECURITY=${o.cookie}`);
  if (o.tracker !== undefined) cookies.push(`RBXEventTrackerV2=${o.tracker}`);
  if (cookies.length > 0) headers.cookie = cookies.join("; ");
  if (o.csrf !== undefined) headers["x-csrf-token"] = o.csrf;
  if (o.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(sim.origin + path, {
    method,
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
    redirect: "manual",
    signal: o.signal,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The lazy CSRF scheme: try, and on 403 + x-csrf-token retry once with that token. */
export async function callCsrf(
  sim: Sim,
  method: string,
  path: string,
  o: CallOptions = {},
): Promise<CallResult> {
  const first = await call(sim, method, path, o);
  const token = first.headers.get("x-csrf-token");
  if (first.status !== 403 || !token) return first;
  return call(sim, method, path, { ...o, csrf: token });
}

export function firstError(json: unknown): { code: number; message: string } | undefined {
  const errors = (json as { errors?: { code: number; message: string }[] } | undefined)?.errors;
  return errors?.[0];
}

export interface SimFixture {
  /** the running simulator (inside tests and hooks) */
  readonly sim: Sim;
  /** GET as the seeded child */
  get(path: string, cookie?: string): Promise<CallResult>;
  /** POST (or another method) as the seeded child, with the lazy CSRF dance */
  post(path: string, body?: unknown, cookie?: string, method?: string): Promise<CallResult>;
  /** a /__sim/ control call over HTTP */
  ctl(method: string, path: string, body?: unknown): Promise<CallResult>;
}

/**
 * One simulator per test file: started before all tests, reset before each (in-process, or over
 * `POST /__sim/reset` with `resetOverHttp`), closed after all.
 */
export function useSim(opts: SimOptions & { resetOverHttp?: boolean } = {}): SimFixture {
  const { resetOverHttp, ...simOpts } = opts;
  let current: Sim | undefined;
  const sim = (): Sim => {
    if (!current) throw new Error("the simulator is not running (use it inside tests and hooks)");
    return current;
  };
  beforeAll(async () => {
    current = await startSim(simOpts);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    if (resetOverHttp) expect((await call(sim(), "POST", "/__sim/reset")).status).toBe(200);
    else sim().control.reset();
  });
  return {
    get sim() {
      return sim();
    },
    get: (path, cookie = SEED.child.cookie) => call(sim(), "GET", path, { cookie }),
    post: (path, body, cookie = SEED.child.cookie, method = "POST") =>
      callCsrf(sim(), method, path, { cookie, body }),
    ctl: (method, path, body) => call(sim(), method, `/__sim/${path}`, { body }),
  };
}

/**
 * A raw pino logger (no redaction at all), so a cookie written to a log line by the client
 * would show up here: `expectNoSecret` (leaks.ts) then proves the client never logs one.
 */
export function rawLogger() {
  const sink = lineSink();
  return { logger: pino({ level: "trace" }, sink.destination), text: sink.text };
}

/** The seeded cookies and trackers, by their unique tails. */
export const SEEDED_SECRET = /SIMCOOKIE|_\|WARNING:|browserid=\d/;

export interface SimClientFixture {
  /** the running simulator (inside tests and hooks) */
  readonly sim: Sim;
  /** the client on it (fast retries), closed after all tests */
  readonly client: RobloxClient;
  readonly log: ReturnType<typeof rawLogger>;
  /** every error `fails` caught, for `expectNoCookie` */
  readonly errors: unknown[];
  fails(p: Promise<unknown>): Promise<RobloxError>;
  /** another client on the simulator with the same log, closed after all tests */
  fresh(over?: Partial<RobloxClientOptions>): RobloxClient;
  /** no seeded cookie in any error `fails` caught, nor in the log */
  expectNoCookie(): void;
}

/** The seeded child's session on client `c`. */
export const kidSession = (c: RobloxClient, onCookieRotated?: (v: string) => void): RobloxSession =>
  c.session({
    id: "guild:kid",
    cookie: SEED.child.cookie,
    tracker: SEED.child.tracker,
    ...(onCookieRotated ? { onCookieRotated } : {}),
  });

/** One simulator per test file (as `useSim`) and the Roblox client on it. */
export function useSimClient(opts: SimOptions = {}): SimClientFixture {
  const fx = useSim(opts);
  const log = rawLogger();
  const errors: unknown[] = [];
  const clients: RobloxClient[] = [];
  const fresh = (over: Partial<RobloxClientOptions> = {}): RobloxClient => {
    const c = createRobloxClient({
      origin: fx.sim.origin,
      logger: log.logger,
      retry: { attempts: 3, baseMs: 10, capMs: 40 },
      ...over,
    });
    clients.push(c);
    return c;
  };
  let main: RobloxClient | undefined;
  beforeAll(() => {
    main = fresh();
  });
  // Registered after useSim's: vitest runs after-hooks in reverse, so clients close before the sim.
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  return {
    get sim() {
      return fx.sim;
    },
    get client() {
      if (!main) throw new Error("the client exists inside tests and hooks only");
      return main;
    },
    log,
    errors,
    fails: failsInto(errors),
    fresh,
    expectNoCookie: () => expectNoSecret(errors, log.text(), SEEDED_SECRET),
  };
}
