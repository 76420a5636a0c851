import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./errors.js";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Cookie header → name/value map; values keep everything after the first "=". */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  const len = req.headers["content-length"];
  if ((len === undefined || len === "0") && req.headers["transfer-encoding"] === undefined) {
    req.resume();
    return Promise.resolve("");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge("body too large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 0 ? "" : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendReply(res: ServerResponse, reply: Reply, extraHeaders?: Record<string, string>): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...reply.headers, ...extraHeaders };
  if (reply.status === 204 || (reply.body === undefined && !reply.raw)) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const data = reply.raw ? reply.raw.data : JSON.stringify(reply.body);
  headers["content-type"] = reply.raw ? reply.raw.contentType : "application/json; charset=utf-8";
  headers["content-length"] = String(Buffer.byteLength(data));
  res.writeHead(reply.status, headers);
  res.end(data);
}
