/**
 * RobloxHttp: one keep-alive undici Agent for every Roblox host; origin mapping; cookies and
 * lazy CSRF; Set-Cookie rotation; capped bodies; no redirects; typed errors; retries (p-retry's
 * loop, this module's policy) inside the caller's deadline; client-side rate limits.
 */
import pRetry from "p-retry";
import { Agent, request } from "undici";
import type { ZodType } from "zod";
import type { Logger } from "../../logger.js";
import { type Answer, classify, type HeaderBag } from "./classify.js";
import type { CallOptions, EndpointDef } from "./endpoint.js";
import { BadInputError, RateLimitedError, RobloxApiError, RobloxError, UnavailableError } from "./errors.js";
import { RateLimiter } from "./limiter.js";
import { type BackoffConfig, fitsDeadline, isRetryable, retryDelay } from "./retry.js";
import { type RobloxSession, rotatedCookie } from "./session.js";
import { buildQuery, fillPath, type QueryValue, robloxUrl } from "./url.js";
import { networkError, readCapped, sleep, Watchdog } from "./wire.js";

export interface RequestMetric {
  endpoint: string;
  method: string;
  /** HTTP status, or 0 when no answer came (timeout, network). */
  status: number;
  ms: number;
}

export interface RobloxHttpOptions {
  /** ROBLOX_API_ORIGIN; unset = the real https://{sub}.roblox.com hosts. */
  origin?: string | undefined;
  logger: Logger;
  onRequest?: ((m: RequestMetric) => void) | undefined;
  /** Defaults 10 s / 15 s / 15 s. */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** Attempts in all (default 4); full-jitter backoff from baseMs (1 s) up to capMs (8 s). */
  retry?: { attempts?: number; baseMs?: number; capMs?: number };
  /** Deadline for calls that hand none (default 20 s from the call). */
  defaultBudgetMs?: number;
  /** For deterministic tests of the jitter. */
  random?: () => number;
}

export interface CallSpec<T> {
  session: RobloxSession | null;
  /** Path parameters, already validated (see url.ts checkId). */
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: ZodType<T>;
}

interface CsrfHolder {
  csrfToken: string | undefined;
}

const ONE_MIB = 1024 * 1024;

/** One request as it goes out: what #send needs, and what the CSRF retry changes (headers). */
interface Outgoing {
  def: EndpointDef;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  deadline: number;
  signal: AbortSignal | undefined;
  session: RobloxSession | null;
  /** Rate-limit key (account and host). */
  key: string;
}

export class RobloxHttp {
  readonly origin: string | undefined;
  readonly limiter = new RateLimiter();
  readonly #agent: Agent;
  readonly #log: Logger;
  readonly #onRequest: RobloxHttpOptions["onRequest"];
  readonly #maxBody: number;
  readonly #headersMs: number;
  readonly #attempts: number;
  readonly #backoff: BackoffConfig;
  readonly #budget: number;
  readonly #random: () => number;
  readonly #anon: CsrfHolder = { csrfToken: undefined };
  readonly #csrfInFlight = new WeakMap<CsrfHolder, Promise<void>>();

  constructor(opts: RobloxHttpOptions) {
    this.origin = opts.origin?.replace(/\/+$/, "") || undefined;
    this.#log = opts.logger;
    this.#onRequest = opts.onRequest;
    this.#maxBody = opts.maxBodyBytes ?? ONE_MIB;
    this.#headersMs = opts.timeouts?.headersMs ?? 15_000;
    this.#attempts = Math.max(1, opts.retry?.attempts ?? 4);
    this.#backoff = { baseMs: opts.retry?.baseMs ?? 1000, capMs: opts.retry?.capMs ?? 8000 };
    this.#budget = opts.defaultBudgetMs ?? 20_000;
    this.#random = opts.random ?? Math.random;
    this.#agent = new Agent({
      connect: { timeout: opts.timeouts?.connectMs ?? 10_000 },
      headersTimeout: this.#headersMs + 1000, // backstop; Watchdog keeps the precise one
      bodyTimeout: opts.timeouts?.bodyMs ?? 15_000,
      keepAliveTimeout: 30_000,
    });
  }

  /** Sends one endpoint call with retries inside the deadline; returns the parsed body. */
  async call<T>(def: EndpointDef, spec: CallSpec<T>, opts: CallOptions = {}): Promise<T> {
    const session = def.auth === "none" ? null : spec.session;
    if (def.auth !== "none" && session === null) {
      throw new BadInputError(`${def.name} needs a linked account`, "error.roblox.needsAccount");
    }
    const url = robloxUrl(def.host, fillPath(def.path, spec.params) + buildQuery(spec.query), this.origin);
    const deadline = opts.deadline ?? Date.now() + this.#budget;
    const key = `${session?.id ?? "anon"}|${def.host}|${def.name}`;
    const signal = opts.signal;
    return pRetry(
      async () => {
        await this.#waitForSlot(def, key, deadline, signal);
        return this.#attempt(def, url, session, spec, key, deadline, signal);
      },
      {
        retries: this.#attempts - 1,
        minTimeout: 0,
        shouldRetry: async ({ error, retriesConsumed }) => {
          if (!(error instanceof RobloxError) || !isRetryable(def.method, error)) return false;
          const wait = retryDelay(error, retriesConsumed, this.#backoff, this.#random);
          if (!fitsDeadline(Date.now(), wait, deadline)) return false; // fail now with this error
          this.#log.info(
            { endpoint: def.name, kind: error.kind, status: error.status, waitMs: wait },
            "roblox retry",
          );
          await sleep(wait, signal, def.name);
          return true;
        },
      },
    );
  }

  close(): Promise<void> {
    return this.#agent.close();
  }

  async #waitForSlot(def: EndpointDef, key: string, deadline: number, signal?: AbortSignal): Promise<void> {
    const left = deadline - Date.now();
    if (left <= 0) throw new UnavailableError("timeout", { endpoint: def.name, detail: "deadline passed" });
    const wait = this.limiter.reserve(key, def.rateLimit, left);
    if (wait === null) {
      throw new RateLimitedError({
        endpoint: def.name,
        local: true,
        retryAfterMs: this.limiter.peek(key, def.rateLimit),
      });
    }
    if (wait > 0) await sleep(wait, signal, def.name);
  }

  async #attempt<T>(
    def: EndpointDef,
    url: string,
    session: RobloxSession | null,
    spec: CallSpec<T>,
    key: string,
    deadline: number,
    signal: AbortSignal | undefined,
    refreshed = false,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json", "user-agent": "roguard/0.1" };
    if (session !== null) headers.cookie = session.cookieHeader();
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(spec.body);
    }
    const out: Outgoing = { def, url, headers, body, deadline, signal, session, key };
    const answer = def.method === "GET" ? await this.#send(out) : await this.#sendWithCsrf(out);
    const c = classify(answer);
    if (c.type === "csrf") {
      throw new RobloxApiError(def.api, {
        endpoint: def.name,
        status: 403,
        code: 0,
        robloxMessage: "Token Validation Failed",
      });
    }
    if (c.type === "error") {
      if (c.error.kind === "unauthenticated" && session !== null) {
        // The refused cookie may be one that a rotation (here or in another process) already
        // replaced: one more try with the newer cookie before the account counts as dead.
        const sent = headers.cookie ?? "";
        const onError = (e: unknown) => this.#callbackFailed(def, "storedCookie", e);
        if (!refreshed && (await session.refreshAfterRefusal(sent, onError))) {
          await this.#waitForSlot(def, key, deadline, signal);
          return this.#attempt(def, url, session, spec, key, deadline, signal, true);
        }
        await session.markUnauthenticated((e) => this.#callbackFailed(def, "onUnauthenticated", e));
      }
      if (c.error instanceof RateLimitedError && c.error.retryAfterMs !== undefined) {
        this.limiter.block(key, c.error.retryAfterMs);
      }
      throw c.error;
    }
    if (answer.parseFailed) {
      throw new UnavailableError("malformed", {
        endpoint: def.name,
        status: answer.status,
        detail: "body is not JSON",
      });
    }
    const parsed = spec.schema.safeParse(answer.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid";
      throw new UnavailableError("schema", { endpoint: def.name, status: answer.status, detail: at });
    }
    return parsed.data;
  }

  /** Lazy CSRF: send the cached token; on 403 + x-csrf-token, cache it and resend once. */
  async #sendWithCsrf(out: Outgoing): Promise<Answer & { parseFailed: boolean }> {
    const { deadline, session, headers } = out;
    const holder: CsrfHolder = session ?? this.#anon;
    // While one request fetches the first token, others wait for it instead of each paying a 403.
    const pending = holder.csrfToken === undefined ? this.#csrfInFlight.get(holder) : undefined;
    if (pending !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))));
      await Promise.race([pending, bound]);
      clearTimeout(timer);
    }
    let release: (() => void) | undefined;
    if (holder.csrfToken === undefined) {
      this.#csrfInFlight.set(holder, new Promise<void>((r) => (release = r)));
    }
    try {
      if (holder.csrfToken !== undefined) headers["x-csrf-token"] = holder.csrfToken;
      const first = await this.#send(out);
      const c = classify(first);
      if (c.type !== "csrf") return first;
      holder.csrfToken = c.token;
      headers["x-csrf-token"] = c.token;
      return await this.#send(out);
    } finally {
      if (release !== undefined) {
        this.#csrfInFlight.delete(holder);
        release();
      }
    }
  }

  async #send(out: Outgoing): Promise<Answer & { parseFailed: boolean }> {
    const { def, url, headers, body, deadline, signal, session, key } = out;
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new UnavailableError("timeout", { endpoint: def.name, detail: "deadline passed" });
    const dog = new Watchdog(remaining, this.#headersMs, signal);
    const t0 = performance.now();
    let status = 0;
    try {
      const res = await request(url, {
        dispatcher: this.#agent,
        method: def.method,
        headers,
        body,
        signal: dog.signal,
      });
      dog.headersArrived();
      status = res.statusCode;
      const h = res.headers as HeaderBag;
      if (session !== null) await this.#maybeRotate(def, session, h);
      this.limiter.observe(key, h);
      const declared = Number(h["content-length"] ?? Number.NaN);
      if (declared > this.#maxBody) {
        res.body.destroy();
        throw new UnavailableError("oversized", {
          endpoint: def.name,
          status,
          detail: `${declared} bytes declared`,
        });
      }
      const text = await readCapped(res.body, this.#maxBody, def.name, status);
      let parsed: unknown;
      let parseFailed = false;
      if (text.trim() !== "") {
        try {
          parsed = JSON.parse(text);
        } catch {
          parseFailed = true;
        }
      }
      return {
        endpoint: def.name,
        api: def.api,
        status,
        headers: h,
        body: parsed,
        now: Date.now(),
        parseFailed,
      };
    } catch (e) {
      if (e instanceof RobloxError) throw e;
      throw networkError(def.name, e, dog.reason, status);
    } finally {
      dog.dispose();
      const ms = Math.round(performance.now() - t0);
      this.#log.debug({ endpoint: def.name, method: def.method, status, ms }, "roblox request");
      try {
        this.#onRequest?.({ endpoint: def.name, method: def.method, status, ms });
      } catch (e) {
        this.#callbackFailed(def, "onRequest", e);
      }
    }
  }

  async #maybeRotate(def: EndpointDef, session: RobloxSession, h: HeaderBag): Promise<void> {
    const next = rotatedCookie(h["set-cookie"]);
    if (next === undefined) return;
    const changed = await session.adoptCookie(next, (e) => this.#callbackFailed(def, "onCookieRotated", e));
    if (changed) this.#log.info({ endpoint: def.name, session: session.id }, "roblox cookie rotated");
  }

  #callbackFailed(def: EndpointDef, which: string, e: unknown): void {
    this.#log.warn({ endpoint: def.name, callback: which, err: e }, "roblox session callback failed");
  }
}
