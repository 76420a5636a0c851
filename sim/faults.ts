import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { errorBody } from "./errors.js";

export type FaultKind =
  | "status"
  | "delay"
  | "malformed"
  | "html"
  | "oversized"
  | "hang"
  | "redirect"
  | "reset";
export const FAULT_KINDS: readonly FaultKind[] = [
  "status",
  "delay",
  "malformed",
  "html",
  "oversized",
  "hang",
  "redirect",
  "reset",
];

export interface FaultSpec {
  method?: string;
  /** substring of the path with query, e.g. "/friends/v1/my/friends/count" */
  pathIncludes?: string;
  /** how many matching requests it hits (default 1; 0 = forever) */
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  /** response body as sent (string) */
  body?: string;
  /** wait this long first (every kind; "delay" then answers normally) */
  delayMs?: number;
  kind?: FaultKind;
  /**
   * redirect target; "{path}" becomes the request's path and query, "{port}" the sim's port.
   * Default "http://evil.example{path}" (e.g. "http://127.0.0.2:{port}{path}" for another local host).
   */
  location?: string;
}

interface ActiveFault {
  spec: FaultSpec;
  kind: FaultKind;
  remaining: number;
}

export const OVERSIZED_BYTES = 2 * 1024 * 1024;

export class FaultStore {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    const kind =
      spec.kind ?? (spec.status !== undefined ? "status" : spec.delayMs !== undefined ? "delay" : "status");
    if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${String(kind)}`);
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 0) throw new Error("times must be a non-negative integer");
    this.faults.push({ spec, kind, remaining: times === 0 ? Number.POSITIVE_INFINITY : times });
  }

  clear(): void {
    this.faults = [];
  }

  get size(): number {
    return this.faults.length;
  }

  list(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f.spec, kind: f.kind }));
  }

  /** The first matching fault, consumed once; undefined when none applies. */
  take(method: string, url: string): ActiveFault | undefined {
    if (this.faults.length === 0) return undefined;
    const i = this.faults.findIndex(
      (f) =>
        (f.spec.method === undefined || f.spec.method.toUpperCase() === method) &&
        (f.spec.pathIncludes === undefined || url.includes(f.spec.pathIncludes)),
    );
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    f.remaining--;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return f;
  }
}

let oversized: Buffer | undefined;
function oversizedBody(): Buffer {
  if (!oversized) {
    const head = '{"data":[],"padding":"';
    const tail = '"}';
    oversized = Buffer.from(head + "x".repeat(OVERSIZED_BYTES - head.length - tail.length) + tail);
  }
  return oversized;
}

function defaultStatusBody(status: number): string {
  const message =
    status === 429
      ? "Too many requests"
      : status === 503
        ? "Service Unavailable"
        : status >= 500
          ? "InternalServerError"
          : "Fault";
  return JSON.stringify(errorBody(0, message));
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra?: Record<string, string>,
) {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

/**
 * Plays a fault on `res`. Returns the status written (0 when nothing was), and whether the
 * request is done (`handled`); "delay" returns handled=false so the normal answer follows.
 */
export async function playFault(
  f: ActiveFault,
  res: ServerResponse,
  url: string,
  port: number,
): Promise<{ handled: boolean; status: number }> {
  const { spec, kind } = f;
  if (kind === "hang") return { handled: true, status: 0 };
  if (spec.delayMs !== undefined && spec.delayMs > 0) await sleep(spec.delayMs);
  if (res.destroyed || res.socket?.destroyed) return { handled: true, status: 0 };
  const json = "application/json; charset=utf-8";
  switch (kind) {
    case "delay":
      return { handled: false, status: 0 };
    case "status": {
      const status = spec.status ?? 500;
      send(res, status, json, spec.body ?? defaultStatusBody(status), spec.headers);
      return { handled: true, status };
    }
    case "malformed": {
      const status = spec.status ?? 200;
      send(res, status, json, spec.body ?? '{"data":[{"id":1,"name":', spec.headers);
      return { handled: true, status };
    }
    case "html": {
      const status = spec.status ?? 200;
      const page =
        spec.body ??
        "<!DOCTYPE html><html><head><title>Roblox</title></head><body><h1>We're making things better</h1></body></html>";
      send(res, status, "text/html; charset=utf-8", page, spec.headers);
      return { handled: true, status };
    }
    case "oversized": {
      const status = spec.status ?? 200;
      send(res, status, json, oversizedBody(), spec.headers);
      return { handled: true, status };
    }
    case "redirect": {
      const status = spec.status ?? 302;
      const location = (spec.location ?? "http://evil.example{path}")
        .replaceAll("{path}", url)
        .replaceAll("{port}", String(port));
      send(res, status, "text/html; charset=utf-8", "", { location, ...spec.headers });
      return { handled: true, status };
    }
    case "reset":
      res.socket?.destroy();
      return { handled: true, status: 0 };
  }
}
