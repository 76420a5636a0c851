/**
 * Restriction watcher: one call (usermoderation v2) every poll → diffRestriction → start / end
 * alerts. A new ban costs one more call (v1) for its reason. While restricted, the poll stops
 * here: every other endpoint would answer "User is moderated".
 */

import { avatarOf, type PollInput } from "../scheduling/poll-input.js";
import type { OutMessage } from "../state.js";
import { diffRestriction } from "./restrictions-diff.js";
import { type BanInfo, restrictionEndAlert, restrictionStartAlert } from "./restrictions-render.js";

export interface RestrictionResult {
  messages: OutMessage[];
  /** True while the account is restricted. */
  locked: boolean;
}

export async function watchRestrictions(w: PollInput): Promise<RestrictionResult> {
  const current = await w.ctx.roblox.moderation.restriction(w.session, w.call);
  const d = diffRestriction(w.state.restriction, current, w.settings, w.now);
  const messages: OutMessage[] = [];
  for (const a of d.alerts) {
    const avatar = await avatarOf(w, w.account.robloxId);
    if (a.type === "end") {
      messages.push(restrictionEndAlert(w.account, a.restriction, avatar, w.now, w.locale));
      continue;
    }
    let ban: BanInfo | null = null;
    if (a.restriction.source === 1) {
      try {
        ban = await w.ctx.roblox.moderation.banDetails(w.session, w.call);
      } catch (err) {
        w.log.warn({ err }, "jobs: could not read the ban details; alerting without the reason");
      }
    }
    const limit = w.state.screen?.limit ?? null;
    messages.push(restrictionStartAlert(w.account, a.restriction, ban, limit, avatar, w.now, w.locale));
  }
  w.state.restriction = d.state;
  return { messages, locked: current !== null };
}
