/** Small HTTP helpers and the shared set-up for the simulator's own tests (real HTTP on 127.0.0.1). */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { SEED, type Sim, type SimOptions, startSim } from "./server.js";

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
