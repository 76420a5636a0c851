/** The cookie-health alert (pure). */
import type { Locale } from "../../i18n/locales.js";
import { discordTimestamp } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

export function cookieAlert(
  a: AccountInfo,
  since: string | undefined,
  avatar: string | null,
  now: number,
  locale: Locale = "en-US",
): OutMessage {
  const at = since && Number.isFinite(Date.parse(since)) ? Date.parse(since) : now;
  return message("cookie-health", now, {
    tone: "alert",
    title: say(locale, "cookie.title", { account: md(a.robloxName) }),
    description: say(locale, "cookie.description", { when: discordTimestamp(at) }),
    footer: footerOf(a, locale),
    ...thumb(avatar),
  });
}
