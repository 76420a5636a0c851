/**
 * Errors that carry a sentence meant for the Discord user. The interaction error boundary
 * shows `userMessage` as it is; anything without one becomes a generic message with a
 * correlation id.
 */
export class UserError extends Error {
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.name = "UserError";
    this.userMessage = message;
  }
}

export const NO_ACCOUNT =
  "No Roblox account is linked in this server yet. An admin can link one with `/roblox link`.";

/** A parent account is linked, but this command reads the child's own account. */
export const NEEDS_CHILD_COOKIE =
  "No Roblox account is linked for this: it needs the child's own cookie (`/roblox link`). The parent account linked here offers `/screentime show`, `/screentime limit`, `/parent children` and `/parent requests`.";

/** The user-facing sentence of an error, when it has one (UserError, RobloxError…). */
export function userMessageOf(err: unknown): string | undefined {
  if (err && typeof err === "object" && "userMessage" in err) {
    const m = (err as { userMessage: unknown }).userMessage;
    if (typeof m === "string" && m.length > 0) return m;
  }
  return undefined;
}
