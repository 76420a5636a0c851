/**
 * Paged lists: Roblox's cursors stay in the store, buttons carry a short key. A key is bound
 * to the guild, account and list it was made for (store/cursors.ts): elsewhere it is refused.
 */
import type { Invocation } from "../context.js";
import type { MessageKey } from "../i18n/t.js";
import { pagerRow } from "../ui/buttons.js";

/** What a paged list keeps under a short store key: Roblox's cursor and the list's arguments. */
export interface PageState {
  cursor?: string | undefined;
  args?: Record<string, string | number> | undefined;
}

/** The list a page key belongs to: its kind (the pager's name) and the linked account. */
export interface PageScope {
  kind: string;
  accountId: string;
}

/** The refusals of a page key, as message keys (said in the clicking member's language). */
export const PAGE_EXPIRED: MessageKey = "friends.page.expired";
export const PAGE_ELSEWHERE: MessageKey = "friends.page.elsewhere";

/** Stores a page state and returns its short key (null when there is no such page). */
export async function pageKey(
  ctx: Invocation,
  scope: PageScope,
  state: PageState | null,
): Promise<string | null> {
  if (!state) return null;
  return ctx.store.cursors.put({ guildId: ctx.guildId, ...scope }, JSON.stringify(state));
}

/** The page state behind a key, or the message key of the sentence that refuses it. */
export async function loadPage(
  ctx: Invocation,
  scope: PageScope,
  key: string,
): Promise<{ ok: true; state: PageState } | { ok: false; refusal: MessageKey }> {
  const read = await ctx.store.cursors.get({ guildId: ctx.guildId, ...scope }, key);
  if (!read.ok) return { ok: false, refusal: read.reason === "elsewhere" ? PAGE_ELSEWHERE : PAGE_EXPIRED };
  try {
    return { ok: true, state: JSON.parse(read.value) as PageState };
  } catch {
    return { ok: false, refusal: PAGE_EXPIRED };
  }
}

/** The Previous/Next row for a Roblox page, keeping the list's arguments on both sides. */
export async function pagerFor(
  ctx: Invocation,
  kind: string,
  accountId: string,
  page: { nextCursor?: string | null | undefined; previousCursor?: string | null | undefined },
  args?: PageState["args"],
) {
  const scope = { kind, accountId };
  const prev = page.previousCursor ? await pageKey(ctx, scope, { cursor: page.previousCursor, args }) : null;
  const next = page.nextCursor ? await pageKey(ctx, scope, { cursor: page.nextCursor, args }) : null;
  return prev || next ? [pagerRow(kind, accountId, prev, next, ctx.locale)] : [];
}
