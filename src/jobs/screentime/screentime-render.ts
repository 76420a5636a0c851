/** The screen-time threshold alert (pure). */
import { screenTimeButtons } from "../../ui/buttons.js";
import { discordTimestamp, formatMinutes } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

export function screenTimeAlert(
  a: AccountInfo,
  s: { threshold: number; minutes: number; limit: number },
  avatar: string | null,
  now: number,
): OutMessage {
  const reached = s.threshold >= 100;
  return message(
    "screentime",
    now,
    {
      level: reached ? "alert" : "warn",
      title: `${md(a.robloxName)} used ${s.threshold} % of today's screen time`,
      description: `${formatMinutes(s.minutes)} of the ${formatMinutes(s.limit)} daily limit played today (Roblox's day), as of ${discordTimestamp(now)}.${reached ? "" : ` ${formatMinutes(Math.max(0, s.limit - s.minutes))} left.`}`,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [screenTimeButtons(a.robloxId, [15])],
  );
}
