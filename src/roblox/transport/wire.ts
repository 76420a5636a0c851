/** Small I/O helpers of the transport: abortable sleep, capped body reads, network errors. */
import type { Dispatcher } from "undici";
import { UnavailableError } from "./errors.js";

export function sleep(ms: number, signal: AbortSignal | undefined, endpoint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UnavailableError("aborted", { endpoint }));
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new UnavailableError("aborted", { endpoint }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function readCapped(
  body: Dispatcher.ResponseData["body"],
  cap: number,
  endpoint: string,
  status: number,
) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap) {
      body.destroy();
      throw new UnavailableError("oversized", { endpoint, status, detail: `body over ${cap} bytes` });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export type StopReason = "deadline" | "headers" | "caller";

/**
 * Per-exchange timers on native setTimeout (undici's own timeouts tick at about one second,
 * too coarse for sub-second settings): the caller's deadline, the time to response headers,
 * and the caller's signal, merged into one AbortSignal that remembers why it fired.
 */
export class Watchdog {
  readonly #ac = new AbortController();
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #caller: AbortSignal | undefined;
  readonly #onCaller = () => this.#stop("caller");
  reason: StopReason | undefined;

  constructor(deadlineInMs: number, headersMs: number, caller: AbortSignal | undefined) {
    this.#caller = caller;
    this.#timers.push(setTimeout(() => this.#stop("deadline"), deadlineInMs));
    this.#timers.push(setTimeout(() => this.#stop("headers"), headersMs));
    if (caller?.aborted) this.#stop("caller");
    else caller?.addEventListener("abort", this.#onCaller, { once: true });
  }

  get signal(): AbortSignal {
    return this.#ac.signal;
  }

  headersArrived(): void {
    clearTimeout(this.#timers[1]);
  }

  dispose(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#caller?.removeEventListener("abort", this.#onCaller);
  }

  #stop(reason: StopReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.#ac.abort(new Error(`stopped: ${reason}`));
  }
}

/** Maps an undici/abort failure to UnavailableError (only the error code travels, never text). */
export function networkError(
  endpoint: string,
  e: unknown,
  stopped: StopReason | undefined,
  status: number,
): UnavailableError {
  const code = (e as { code?: unknown }).code;
  const d = { endpoint, status: status || undefined };
  if (stopped === "caller") return new UnavailableError("aborted", d);
  if (stopped !== undefined) return new UnavailableError("timeout", { ...d, detail: stopped });
  if (typeof code === "string" && code.startsWith("UND_ERR_") && code.includes("TIMEOUT")) {
    return new UnavailableError("timeout", { ...d, detail: code });
  }
  return new UnavailableError("network", {
    ...d,
    detail: typeof code === "string" ? code : "connection failed",
  });
}
