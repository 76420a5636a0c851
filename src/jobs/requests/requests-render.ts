/** The friend-request and trusted-connection-request alerts (pure). */
import type { RequestCard } from "../../domain/friend-requests.js";
import { personMd } from "../../domain/people.js";
import { profileButton, requestButtons } from "../../ui/buttons.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, ageText, footerOf, md, message, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

/** Where a request came from: "player search", "in **Adopt Me!**", both, or nothing. */
function originLine(c: Pick<RequestCard, "origin" | "experience">): string | undefined {
  const where = c.experience === undefined ? undefined : `in **${md(c.experience, 120)}**`;
  if (c.origin && where) return `${c.origin}, ${where}`;
  return c.origin ?? where;
}

/**
 * A new friend request (or trusted-connection request). `actions`: Accept/Decline apply to it
 * (the seeds' accept/decline endpoints), else the alert carries Profile only.
 */
export function requestAlert(
  a: AccountInfo,
  c: RequestCard,
  avatar: string | null,
  now: number,
  actions = true,
): OutMessage {
  const id = c.person.id;
  const what = c.trusted ? "trusted connection request" : "friend request";
  const from = originLine(c);
  const fields = [
    ...(c.person.known === false
      ? []
      : [
          { name: "Name", value: `@${md(c.person.name)}`, inline: true },
          { name: "Display name", value: md(c.person.displayName), inline: true },
        ]),
    { name: "Account age", value: ageText(c.created, now), inline: true },
    { name: "Verified badge", value: c.verified ? "✅ Yes" : "No", inline: true },
    ...(from ? [{ name: "Sent from", value: from, inline: true }] : []),
    ...(c.mutual.length > 0
      ? [{ name: "Mutual friends", value: md(c.mutual.slice(0, 10).join(", "), 900), inline: false }]
      : []),
  ];
  const asks = c.trusted ? "wants to be a trusted connection" : "wants to be friends";
  return message(
    c.trusted ? "trusted-request" : "friend-request",
    now,
    {
      level: "info",
      title: `New ${what} for ${md(a.robloxName)}`,
      url: profileUrl(id),
      description: `${personMd(c.person)}${c.verified ? " ✅" : ""} ${asks} — sent ${discordTimestamp(c.sentAt ?? now)}.`,
      fields,
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [actions ? requestButtons(a.robloxId, id, profileUrl(id)) : profileButton(profileUrl(id))],
  );
}
