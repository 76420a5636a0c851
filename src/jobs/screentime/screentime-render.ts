/** The screen-time threshold alert (pure). */
import { minutes as minutesIn } from "../../i18n/format.js";
import type { Locale } from "../../i18n/locales.js";
import { screenTimeButtons } from "../../ui/buttons.js";
import { discordTimestamp } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

export function screenTimeAlert(
  a: AccountInfo,
  s: { threshold: number; minutes: number; limit: number },
  avatar: string | null,
  now: number,
  locale: Locale = "en-US",
): OutMessage {
  const reached = s.threshold >= 100;
  return message(
    "screentime",
    now,
    {
      tone: reached ? "alert" : "warn",
      title: say(locale, "screentime.title", { account: md(a.robloxName), threshold: String(s.threshold) }),
      description: say(locale, "screentime.description", {
        minutes: minutesIn(locale, s.minutes),
        limit: minutesIn(locale, s.limit),
        when: discordTimestamp(now),
        left: reached
          ? ""
          : say(locale, "screentime.left", { minutes: minutesIn(locale, Math.max(0, s.limit - s.minutes)) }),
      }),
      footer: footerOf(a, locale),
      ...thumb(avatar),
    },
    [screenTimeButtons(a.robloxId, [15], locale)],
  );
}
