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

/** Maps an undici/abort failure to UnavailableError (only the error code travels, never text). */
export function networkError(
  endpoint: string,
  e: unknown,
  caller: AbortSignal | undefined,
  timer: AbortSignal,
  status: number,
): UnavailableError {
  const code = (e as { code?: unknown }).code;
  const d = { endpoint, status: status || undefined };
  if (caller?.aborted) return new UnavailableError("aborted", d);
  if (timer.aborted) return new UnavailableError("timeout", { ...d, detail: "deadline" });
  if (typeof code === "string" && code.startsWith("UND_ERR_") && code.includes("TIMEOUT")) {
    return new UnavailableError("timeout", { ...d, detail: code });
  }
  return new UnavailableError("network", {
    ...d,
    detail: typeof code === "string" ? code : "connection failed",
  });
}
