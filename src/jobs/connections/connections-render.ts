/** The new-connection alert (pure). */
import { type Person, personMd, personText } from "../../domain/people.js";
import { connectionButtons } from "../../ui/buttons.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, ageText, footerOf, md, message, thumb } from "../delivery/alert-message.js";
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
): OutMessage {
  const id = c.person.id;
  const mutual =
    c.mutual === null
      ? "unknown"
      : c.mutual.count === 0
        ? "none"
        : `${c.mutual.count}: ${c.mutual.shown.map((p) => personText(p)).join(", ")}${c.mutual.count > c.mutual.shown.length ? ", …" : ""}`;
  return message(
    "connection",
    now,
    {
      level: "info",
      title: `New connection for ${md(a.robloxName)}`,
      url: profileUrl(id),
      description: `${md(a.robloxName)} is now connected with ${personMd(c.person)} — noticed ${discordTimestamp(now)}.`,
      fields: [
        { name: "Account age", value: ageText(c.created, now), inline: true },
        { name: "Mutual friends", value: md(mutual, 900), inline: false },
      ],
      footer: footerOf(a),
      ...thumb(avatar),
    },
    [connectionButtons(a.robloxId, id, profileUrl(id))],
  );
}
