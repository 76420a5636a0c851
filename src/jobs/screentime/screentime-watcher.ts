/**
 * Screen-time watcher, every 5th cycle (and whenever it has no baseline): the settings call,
 * plus the weekly usage only when a daily limit is set → diffScreenTime → 80 % / 100 % alerts.
 */

import { avatarOf, type PollInput } from "../scheduling/poll-input.js";
import type { OutMessage } from "../state.js";
import { diffScreenTime } from "./screentime-diff.js";
import { screenTimeAlert } from "./screentime-render.js";

/** Screen time is read every this many polls. */
export const SCREEN_EVERY = 5;

export function screenTimeDue(w: Pick<PollInput, "cycle" | "state">): boolean {
  return w.cycle % SCREEN_EVERY === 0 || w.state.screen === undefined;
}

export async function watchScreenTime(w: PollInput): Promise<OutMessage[]> {
  if (!w.settings.events.screentime) {
    delete w.state.screen;
    return [];
  }
  if (!screenTimeDue(w)) return [];
  const limit = (await w.ctx.roblox.settings.dailyLimit(w.session, w.call)) ?? 0;
  let minutes: number | null = null;
  let dow: number | null = null;
  if (limit > 0) {
    const weekly = await w.ctx.roblox.parental.weekly(w.session, w.account.robloxId, w.call);
    minutes = weekly.days[0] ?? 0;
    dow = weekly.localDayOfWeek;
  }
  const d = diffScreenTime(
    w.state.screen,
    { limit, minutes, dow },
    { foldUntil: w.state.restriction?.foldUntil },
    w.now,
  );
  w.state.screen = d.state;
  const out: OutMessage[] = [];
  for (const a of d.alerts)
    out.push(screenTimeAlert(w.account, a, await avatarOf(w, w.account.robloxId), w.now, w.locale));
  return out;
}
