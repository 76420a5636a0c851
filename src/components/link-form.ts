/**
 * What the two link forms (roblox-link, roblox-parent-link) share: reading a field, opening the
 * transient session the cookie is checked on, and the identity fields stored with the link. The
 * cookie never reaches a reply, a log line or an error message from here.
 */
import type { ModalSubmitInteraction } from "discord.js";
import type { Invocation } from "../context.js";
import { cookieProblem, cookieProblemKey, currentCookie } from "../domain/cookie.js";
import { UserError, userMessageOf } from "../errors.js";
import { md } from "../i18n/t.js";
import { BadInputError, type RobloxSession } from "../roblox/index.js";

/** A text field of the form ("" when the form has no such field). */
export function field(interaction: ModalSubmitInteraction, id: string): string {
  try {
    return interaction.fields.getTextInputValue(id);
  } catch {
    return "";
  }
}

/** A session on the typed cookie, not kept; a malformed cookie is a plain sentence (nothing stored). */
export function transientSession(ctx: Invocation, cookie: string, tracker?: string): RobloxSession {
  const problem = cookieProblem(cookie);
  if (problem) throw new UserError(cookieProblemKey(problem));
  try {
    return ctx.sessions.transient(cookie, tracker);
  } catch (err) {
    if (err instanceof BadInputError) {
      // Roblox's sentence in the member's language (it names no part of the cookie).
      throw new UserError("roblox.link.badInput", {
        reason: md(userMessageOf(err, ctx.locale) ?? err.userMessage),
      });
    }
    throw err;
  }
}

/** The fields every stored link carries: who linked which Roblox user, with the cookie that works now. */
export function linkIdentity(
  ctx: Invocation,
  me: { id: number | string; name: string; displayName: string },
  label: string | undefined,
  cookie: string,
  session: RobloxSession,
) {
  return {
    guildId: ctx.guildId,
    robloxId: String(me.id),
    robloxName: me.name,
    displayName: me.displayName,
    ...(label === undefined ? {} : { label }),
    linkedBy: ctx.userId,
    // Roblox may have rotated the cookie while answering: keep the one that works now.
    cookie: currentCookie(session) ?? cookie,
  };
}
