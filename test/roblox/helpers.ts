/** Test helpers: a tiny scriptable HTTP server on 127.0.0.1:0 and a captured pino logger. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createLogger } from "../../src/logger.js";

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
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), text: () => lines.join(""), lines };
}
