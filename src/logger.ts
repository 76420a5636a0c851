import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/** Patterns that must never reach a log line, whatever object they sit in. */
const SECRET_PATTERNS: RegExp[] = [
  /_\|WARNING:[^\s"';,]*/g,
  /\.ROBLOSECURITY=[^\s"';,]*/gi,
  /RBXEventTrackerV2=[^\s"';,]*/gi,
  /(authorization["']?\s*[:=]\s*["']?)(Bot |Bearer )?[^\s"',}]+/gi,
];

export function scrub(text: string): string {
  let out = text;
  for (const p of SECRET_PATTERNS) {
    out = out.replace(p, (_m, prefix?: string) =>
      typeof prefix === "string" && prefix.toLowerCase().startsWith("authorization")
        ? `${prefix}[Redacted]`
        : "[Redacted]",
    );
  }
  return out;
}

const SECRET_KEYS =
  /^(cookie|cookies|set-cookie|token|authorization|x-csrf-token|roblosecurity|\.roblosecurity|tracker|rbxeventtrackerv2|password|secret|key|encryptionkey|discordtoken)$/i;

/** Deep copy with secret-named keys redacted and secret patterns scrubbed out of strings. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8) return "[Truncated]";
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Buffer.isBuffer(value)) return "[Buffer]";
  if (value instanceof Error) {
    const out: Record<string, unknown> = {
      type: value.name,
      message: scrub(value.message),
      stack: value.stack ? scrub(value.stack) : undefined,
    };
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEYS.test(k) ? "[Redacted]" : redact(v, depth + 1, seen);
    }
    if (value.cause !== undefined) out.cause = redact(value.cause, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  if (value instanceof Map) return redact(Object.fromEntries(value), depth + 1, seen);
  if (typeof (value as { entries?: unknown }).entries === "function" && value instanceof Headers) {
    return redact(Object.fromEntries(value.entries()), depth + 1, seen);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? "[Redacted]" : redact(v, depth + 1, seen);
  }
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; defaults to stdout (pretty on a TTY when pino-pretty is installed). */
  destination?: DestinationStream;
  pretty?: boolean;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? "info";
  const pretty = opts.pretty ?? (opts.destination === undefined && process.stdout.isTTY === true);
  const base = {
    level,
    base: { app: "roguard" },
    // Every object and every message passes through the same scrubber.
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((a) => redact(a)),
        );
      },
    },
    formatters: {
      log: (obj: Record<string, unknown>) => redact(obj) as Record<string, unknown>,
    },
    serializers: { err: (e: unknown) => redact(e), error: (e: unknown) => redact(e) },
  };
  if (pretty) {
    try {
      return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true } } });
    } catch {
      // pino-pretty is a dev dependency; fall back to JSON lines.
    }
  }
  return opts.destination ? pino(base, opts.destination) : pino(base);
}

/** A logger that writes nothing (tests, scripts). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
