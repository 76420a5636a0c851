/** The cookie-health alert (pure). */
import { discordTimestamp } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

export function cookieAlert(
  a: AccountInfo,
  since: string | undefined,
  avatar: string | null,
  now: number,
): OutMessage {
  const at = since && Number.isFinite(Date.parse(since)) ? Date.parse(since) : now;
  return message("cookie-health", now, {
    level: "alert",
    title: `Roblox no longer accepts the cookie of ${md(a.robloxName)}`,
    description: `The cookie stopped working ${discordTimestamp(at)} (Roblox answered 401). Watching this account is paused until an admin links it again with \`/roblox link\`.`,
    footer: footerOf(a),
    ...thumb(avatar),
  });
}
