/** The friend-request and trusted-connection-request alerts (pure). */
import type { RequestCard } from "../../domain/friend-requests.js";
import { personMd } from "../../domain/people.js";
import type { Locale } from "../../i18n/locales.js";
import type { MessageKey } from "../../i18n/t.js";
import { profileButton, requestButtons } from "../../ui/buttons.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, ageText, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

/** Where a request came from: "player search", "in **Adopt Me!**", both, or nothing (in `locale`). */
function originLine(
  c: Pick<RequestCard, "origin" | "originId" | "experience">,
  locale: Locale,
): string | undefined {
  const game =
    c.experience === "an experience" ? say(locale, "request.anExperience") : md(c.experience ?? "", 120);
  const where = c.experience === undefined ? undefined : say(locale, "request.sentIn", { game });
  const origin =
    c.origin !== undefined && c.originId !== undefined
      ? say(locale, `origin.${c.originId}` as MessageKey)
      : c.origin;
  if (origin && where) return `${origin}, ${where}`;
  return origin ?? where;
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
  locale: Locale = "en-US",
): OutMessage {
  const id = c.person.id;
  const from = originLine(c, locale);
  const fields = [
    ...(c.person.known === false
      ? []
      : [
          { name: say(locale, "field.name"), value: `@${md(c.person.name)}`, inline: true },
          { name: say(locale, "field.displayName"), value: md(c.person.displayName), inline: true },
        ]),
    { name: say(locale, "field.accountAge"), value: ageText(c.created, now, locale), inline: true },
    {
      name: say(locale, "field.verified"),
      value: say(locale, c.verified ? "common.yes" : "common.no"),
      inline: true,
    },
    ...(from ? [{ name: say(locale, "field.sentFrom"), value: from, inline: true }] : []),
    ...(c.mutual.length > 0
      ? [
          {
            name: say(locale, "field.mutualFriends"),
            value: md(c.mutual.slice(0, 10).join(", "), 900),
            inline: false,
          },
        ]
      : []),
  ];
  const kind = c.trusted ? "trusted" : "friend";
  return message(
    c.trusted ? "trusted-request" : "friend-request",
    now,
    {
      tone: "info",
      title: say(locale, `request.${kind}.title`, { account: md(a.robloxName) }),
      url: profileUrl(id),
      description: say(locale, `request.${kind}.description`, {
        person: personMd(c.person, locale),
        badge: c.verified ? " ✅" : "",
        when: discordTimestamp(c.sentAt ?? now),
      }),
      fields,
      footer: footerOf(a, locale),
      ...thumb(avatar),
    },
    [
      actions
        ? requestButtons(a.robloxId, id, profileUrl(id), locale)
        : profileButton(profileUrl(id), locale),
    ],
  );
}
