/** A store that cannot be opened, read or written. Messages never carry secrets or passwords. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** A short, secret-free description of an underlying error (its code and first line). */
export function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const first = (err.message.split("\n")[0] ?? "")
      .replace(/_\|WARNING:[^\s"']*/g, "[Redacted]")
      .slice(0, 200);
    return typeof code === "string" && !first.includes(code) ? `${code}: ${first}` : first;
  }
  return String(err).slice(0, 200);
}
