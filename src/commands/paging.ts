/** Paged lists: Roblox's cursors stay in the store, buttons carry a short key (SPEC §3). */
import type { InteractionContext } from "../context.js";
import { pagerRow } from "../ui/buttons.js";
import type { PageState } from "./types.js";

/** Stores a page state and returns its short key (null when there is no such page). */
export async function pageKey(ctx: InteractionContext, state: PageState | null): Promise<string | null> {
  if (!state) return null;
  return ctx.store.cursors.put(JSON.stringify(state));
}

export async function loadPage(ctx: InteractionContext, key: string): Promise<PageState | undefined> {
  const raw = await ctx.store.cursors.get(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as PageState;
  } catch {
    return undefined;
  }
}

/** The Previous/Next row for a Roblox page, keeping the list's arguments on both sides. */
export async function pagerFor(
  ctx: InteractionContext,
  kind: string,
  accountId: string,
  page: { nextCursor?: string | null | undefined; previousCursor?: string | null | undefined },
  args?: PageState["args"],
) {
  const prev = page.previousCursor ? await pageKey(ctx, { cursor: page.previousCursor, args }) : null;
  const next = page.nextCursor ? await pageKey(ctx, { cursor: page.nextCursor, args }) : null;
  return prev || next ? [pagerRow(kind, accountId, prev, next)] : [];
}
