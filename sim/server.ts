import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { ControlError, type ModesInput, type RequestLogEntry, type Runtime, SimControl } from "./control.js";
import { controlErrorReply, controlHttp } from "./control-http.js";
import { err, MSG, type Reply, unauthorized } from "./errors.js";
import { FaultStore, playFault } from "./faults.js";
import { BodyTooLarge, parseCookies, readBody, sendReply } from "./http.js";
import { RateLimiter } from "./ratelimit.js";
import type { Ctx } from "./router.js";
import { buildRouter } from "./routes/index.js";
import { SimState } from "./state.js";

export type { FriendRequestOptions, ModesInput, RequestLogEntry } from "./control.js";
export { SimControl } from "./control.js";
export type { FaultKind, FaultSpec } from "./faults.js";
export type { PayloadModes } from "./model.js";
export { DEFAULT_MODES } from "./model.js";
export { cookieFor, SEED, trackerFor } from "./seed.js";
export { SimState } from "./state.js";

export interface SimOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  /** keep a request log (default true); benchmarks turn it off */
  log?: boolean;
  /** entries kept (default 100 000; older ones are dropped) */
  logLimit?: number;
  /** payload switches to start with, and to return to on reset (docs/roblox-behaviour.md) */
  modes?: ModesInput;
}

export interface Sim {
  /** "http://127.0.0.1:PORT" — use as ROBLOX_API_ORIGIN */
  origin: string;
  port: number;
  state: SimState;
  control: SimControl;
  /** every non-/__sim request, in order (bounded) */
  log: RequestLogEntry[];
  close(): Promise<void>;
}

const router = buildRouter();

function apiOf(path: string): string {
  const parts = path.split("/", 3);
  return parts[1] === "apis" ? `apis/${parts[2] ?? ""}` : (parts[1] ?? "");
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const SET_COOKIE_TAIL =
  "; domain=.roblox.com; expires=Fri, 01 Jan 2055 00:00:00 GMT; path=/; secure; HttpOnly";

export async function startSim(opts: SimOptions = {}): Promise<Sim> {
  const host = opts.host ?? "127.0.0.1";
  const logOn = opts.log ?? true;
  const logLimit = opts.logLimit ?? 100_000;
  const state = new SimState();
  const rt: Runtime = {
    state,
    faults: new FaultStore(),
    limiter: new RateLimiter(),
    log: [],
    latencyMs: opts.latencyMs ?? 0,
    initialLatencyMs: opts.latencyMs ?? 0,
    initialModes: state.modes,
  };
  const control = new SimControl(rt);
  if (opts.modes) rt.initialModes = control.setModes(opts.modes);
  let port = 0;

  function record(entry: RequestLogEntry): void {
    if (!logOn) return;
    rt.log.push(entry);
    if (rt.log.length > logLimit + Math.ceil(logLimit / 10)) rt.log.splice(0, rt.log.length - logLimit);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, method: string, path: string) {
    let reply: Reply;
    try {
      const parsed = parseJson(await readBody(req));
      const body = parsed.ok && parsed.value !== null && typeof parsed.value === "object" ? parsed.value : {};
      reply = parsed.ok
        ? controlHttp(control, method, path, body as Record<string, unknown>)
        : { status: 400, body: { error: "invalid JSON" } };
    } catch (e) {
      reply = e instanceof ControlError ? controlErrorReply(e) : { status: 500, body: { error: String(e) } };
    }
    sendReply(res, reply);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const method = req.method ?? "GET";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    if (path === "/__sim" || path.startsWith("/__sim/")) return handleControl(req, res, method, path);

    const cookies = parseCookies(req.headers.cookie);
    const roblosecurity = cookies.get(".ROBLOSECURITY");
    const tracker = cookies.get("RBXEventTrackerV2");
    const s = rt.state;
    const session = roblosecurity ? s.sessions.get(roblosecurity) : undefined;
    const entry: RequestLogEntry = {
      at: Date.now(),
      method,
      path: url,
      api: apiOf(path),
      status: 0,
      userId: session?.userId ?? null,
      csrfRejected: false,
      cookieHeader: req.headers.cookie !== undefined,
      trackerSent: tracker !== undefined && /(^|&)browserid=\d+/.test(tracker),
    };
    record(entry);
    const finish = (reply: Reply, extra?: Record<string, string>) => {
      entry.status = reply.status;
      sendReply(res, reply, extra);
    };

    if (rt.latencyMs > 0) await sleep(rt.latencyMs);
    const fault = rt.faults.take(method, url);
    if (fault) {
      const r = await playFault(fault, res, url, port);
      entry.status = r.status;
      if (r.handled) return;
    }

    const m = router.match(method, path);
    if (!m.route) {
      if (m.allowed.length > 0) {
        return finish(err(405, 0, `The requested resource does not support http method '${method}'.`), {
          allow: m.allowed.join(", "),
        });
      }
      return finish(err(404, 0, MSG.notFound));
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return finish(err(413, 0, "Request Entity Too Large"));
      throw e;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) return finish(err(400, 0, MSG.badRequest));

    const opts = m.route.options;
    const userId = session?.userId ?? null;
    const user = userId === null ? null : (s.users.get(userId) ?? null);
    if (opts.auth === "cookie") {
      if (!session || !user) return finish(unauthorized());
      const needsCsrf = opts.csrf ?? method !== "GET";
      if (needsCsrf) {
        const current = s.csrfFor(session);
        if (req.headers["x-csrf-token"] !== current) {
          entry.csrfRejected = true;
          return finish(err(403, 0, MSG.csrf), { "x-csrf-token": current });
        }
      }
      if (!opts.moderationExempt && s.restrictionOf(session.userId, entry.at))
        return finish(err(403, 0, MSG.moderated));
    }

    const ctx: Ctx = {
      state: s,
      limiter: rt.limiter,
      params: m.params,
      query: new URLSearchParams(q === -1 ? "" : url.slice(q + 1)),
      body: parsed.value,
      headers: req.headers,
      userId: opts.auth === "cookie" ? userId : user ? userId : null,
      user,
      session: session ?? null,
      trackerSent: entry.trackerSent,
      now: entry.at,
    };
    const reply = m.route.handler(ctx);
    let extra: Record<string, string> | undefined;
    if (session?.rotatePending && s.sessions.get(session.cookie) === session) {
      const fresh = s.issueCookie(session.userId, true);
      const next = s.sessions.get(fresh);
      if (next) {
        next.csrf = session.csrf;
        next.csrfEpoch = session.csrfEpoch;
      }
      extra = { "set-cookie": `.ROBLOSECURITY=${fresh}${SET_COOKIE_TAIL}` };
    }
    finish(reply, extra);
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) sendReply(res, err(500, 0, "InternalServerError"));
      else res.destroy();
      if (process.env.SIM_DEBUG) console.error("sim handler error", e);
    });
  });
  server.on("clientError", (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    origin,
    port,
    state: rt.state,
    control,
    log: rt.log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
