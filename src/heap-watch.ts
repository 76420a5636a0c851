/**
 * A warning in the log when the V8 heap nears its limit (the image caps it at 256 MB, see the
 * Dockerfile): the operator raises `--max-old-space-size` or shards before the process runs out.
 * Checked once a minute; warns once per crossing of 80 %, again only after it fell under 70 %.
 */
import { getHeapStatistics } from "node:v8";
import type { Logger } from "./logger.js";

export const HEAP_WARN_SHARE = 0.8;

/** "warn" when the heap crossed the share, "clear" when it fell back under 70 %, else null. */
export function heapTransition(
  usedBytes: number,
  limitBytes: number,
  warned: boolean,
): "warn" | "clear" | null {
  const share = usedBytes / limitBytes;
  if (!warned && share >= HEAP_WARN_SHARE) return "warn";
  if (warned && share < HEAP_WARN_SHARE - 0.1) return "clear";
  return null;
}

export function startHeapWatch(logger: Logger, everyMs = 60_000): () => void {
  let warned = false;
  const timer = setInterval(() => {
    const h = getHeapStatistics();
    const t = heapTransition(h.used_heap_size, h.heap_size_limit, warned);
    if (t === "warn") {
      warned = true;
      logger.warn(
        { usedMb: Math.round(h.used_heap_size / 2 ** 20), limitMb: Math.round(h.heap_size_limit / 2 ** 20) },
        "the JavaScript heap is above 80 % of its limit: raise NODE_OPTIONS=--max-old-space-size or run more shards",
      );
    } else if (t === "clear") warned = false;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
