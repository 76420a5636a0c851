/** The new-connection alert (pure). */
import { type Person, personMd, personText } from "../../domain/people.js";
import type { Locale } from "../../i18n/locales.js";
import { connectionButtons } from "../../ui/buttons.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, ageText, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { OutMessage } from "../state.js";

export interface ConnectionCard {
  person: Person;
  created: number | null;
  /** Mutual friends, named (at most 10 shown), and how many there are; null when unknown. */
  mutual: { shown: Person[]; count: number } | null;
}

/** "kid_builder is now connected with **Zed** (@friend_z)", with Profile and Remove. */
export function connectionAlert(
  a: AccountInfo,
  c: ConnectionCard,
  avatar: string | null,
  now: number,
  locale: Locale = "en-US",
): OutMessage {
  const id = c.person.id;
  const mutual =
    c.mutual === null
      ? say(locale, "common.unknown")
      : c.mutual.count === 0
        ? say(locale, "connection.mutualNone")
        : `${c.mutual.count}: ${c.mutual.shown.map((p) => personText(p, locale)).join(", ")}${c.mutual.count > c.mutual.shown.length ? ", …" : ""}`;
  return message(
    "connection",
    now,
    {
      tone: "info",
      title: say(locale, "connection.title", { account: md(a.robloxName) }),
      url: profileUrl(id),
      description: say(locale, "connection.description", {
        account: md(a.robloxName),
        person: personMd(c.person, locale),
        when: discordTimestamp(now),
      }),
      fields: [
        { name: say(locale, "field.accountAge"), value: ageText(c.created, now, locale), inline: true },
        { name: say(locale, "field.mutualFriends"), value: md(mutual, 900), inline: false },
      ],
      footer: footerOf(a, locale),
      ...thumb(avatar),
    },
    [connectionButtons(a.robloxId, id, profileUrl(id), locale)],
  );
}
