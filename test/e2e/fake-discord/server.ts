// The HTTP side: /api/v10 REST (validated and recorded), attachment downloads, gateway upgrades.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Core, Route } from "./core.js";
import { ApiFailure, apiError, type RecordedRequest, type Reply, readBody } from "./http.js";
import { validateBody } from "./openapi.js";

const PREFIX = "/api/v10";

export function createFakeServer(core: Core, routes: Route[], records: RecordedRequest[]): Server {
  const server = createServer((req, res) => {
    handle(core, routes, records, req, res).catch((err: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `fake-discord crashed: ${String(err)}`, code: 0 }));
    });
  });
  server.on("upgrade", (req, socket, head) => core.gateway.upgrade(req, socket, head));
  return server;
}

async function handle(
  core: Core,
  routes: Route[],
  records: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const arrivedAt = performance.now();
  const url = new URL(req.url ?? "/", "http://fake.local");
  const method = req.method ?? "GET";
  const file = /^\/attachments\/(\d+)\/(\d+)\//.exec(url.pathname);
  if (file && method === "GET") {
    const found = core.store.file(file[1]!, file[2]!);
    res.writeHead(found ? 200 : 404, { "content-type": found?.contentType ?? "text/plain" });
    res.end(found?.data ?? "not found");
    return;
  }
  const parsed = await readBody(req);
  const rec: RecordedRequest = {
    method,
    path: url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: parsed.body,
    files: parsed.files,
    multipart: parsed.multipart,
    auth: req.headers.authorization,
    violations: [],
    status: 0,
    at: Date.now(),
    arrivedAt,
  };
  records.push(rec);
  const reply = await answer(core, routes, rec, url.pathname.startsWith(`${PREFIX}/`), parsed.problem);
  rec.status = reply.status;
  core.bus.notify();
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json" });
  res.end(JSON.stringify(reply.body));
}

async function answer(
  core: Core,
  routes: Route[],
  rec: RecordedRequest,
  versioned: boolean,
  bodyProblem: string | undefined,
): Promise<Reply> {
  if (!versioned) {
    rec.violations.push(`not under ${PREFIX}/ (Discord API v10)`);
    return apiError(404, 0, "404: Not Found");
  }
  if (bodyProblem) {
    rec.violations.push(bodyProblem);
    return apiError(400, 50109, "The request body contains invalid JSON.");
  }
  const found = routes.find((r) => r.method === rec.method && r.pattern.test(rec.path));
  if (!found) {
    rec.violations.push("the fake has no such endpoint (answered 404)");
    return apiError(404, 0, "404: Not Found");
  }
  const { template, problems } = validateBody(rec.method, rec.path, rec.body, rec.multipart);
  rec.route = template;
  if (problems.length) {
    // Discord refuses such a body with 400 Invalid Form Body, and so does the fake.
    rec.violations.push(...problems);
    return apiError(400, 50035, "Invalid Form Body", {
      _errors: problems.map((message) => ({ code: "BASE_TYPE_INVALID", message })),
    });
  }
  if (found.auth) {
    const auth = rec.auth ?? "";
    if (!auth.startsWith("Bot ") || (core.opts.token !== undefined && auth !== `Bot ${core.opts.token}`)) {
      rec.violations.push("missing or wrong Authorization: Bot <token>");
      return apiError(401, 0, "401: Unauthorized");
    }
  }
  const params = found.pattern.exec(rec.path)!.slice(1).map(decodeURIComponent);
  try {
    return await found.handle(core, rec, params);
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    if (err.violation) rec.violations.push(err.violation);
    return err.reply;
  }
}
