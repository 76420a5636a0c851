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

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge("body too large");
    chunks.push(chunk);
  }
  return chunks.length === 0 ? "" : Buffer.concat(chunks).toString("utf8");
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
