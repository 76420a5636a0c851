/** The presence alert, and the digest of the changes held back by quiet hours (pure). */
import { type Person, personMd, personText, unknownPerson } from "../../domain/people.js";
import { experienceOf } from "../../domain/presence.js";
import type { Locale } from "../../i18n/locales.js";
import { profileButton } from "../../ui/buttons.js";
import type { Tone } from "../../ui/embeds.js";
import { discordTimestamp, profileUrl } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { OutMessage, Snap } from "../state.js";

/**
 * "online", "in game: **Adopt Me!**", "in **Adopt Me!** (joins off)", "in an experience (joins
 * off)", "in Roblox Studio", "offline" (in `locale`). `games`: experience names by universe (domain/presence).
 */
export function describeSnap(
  s: Snap,
  games: ReadonlyMap<string, string> = new Map(),
  locale: Locale = "en-US",
): string {
  switch (s.t) {
    case 1:
      return say(locale, "presence.online");
    case 2: {
      const name = experienceOf(s.loc, s.u, games);
      const known = name !== "an experience";
      if (s.off)
        return known
          ? say(locale, "presence.joinsOff", { game: md(name, 120) })
          : say(locale, "presence.joinsOffUnknown");
      return known
        ? say(locale, "presence.inGame", { game: md(name, 120) })
        : say(locale, "presence.inGameUnknown");
    }
    case 3:
      return say(locale, "presence.studio");
    default:
      return say(locale, "presence.offline");
  }
}

export function presenceAlert(
  a: AccountInfo,
  user: Person,
  from: Snap,
  to: Snap,
  avatar: string | null,
  at: number,
  now: number,
  games: ReadonlyMap<string, string> = new Map(),
  locale: Locale = "en-US",
): OutMessage {
  const tone: Tone = to.t === 0 ? "info" : to.t === 2 ? "ok" : "info";
  const state =
    to.t === 2
      ? say(locale, to.off ? "presence.joinsOffUnknown" : "presence.inGameShort")
      : describeSnap(to, new Map(), locale).replace(/\*\*/g, "");
  return message(
    "presence",
    now,
    {
      tone,
      title: say(locale, "presence.title", {
        name: md(user.known === false ? personText(user, locale) : user.displayName),
        state,
      }),
      description: say(locale, "presence.description", {
        person: personMd(user, locale),
        to: describeSnap(to, games, locale),
        from: describeSnap(from, games, locale),
        when: discordTimestamp(at),
      }),
      footer: footerOf(a, locale),
      ...thumb(avatar),
    },
    [profileButton(profileUrl(user.id), locale)],
  );
}

export function digestAlert(
  a: AccountInfo,
  changes: readonly { userId: string; from: Snap; to: Snap; at: number }[],
  names: ReadonlyMap<string, Person>,
  avatar: string | null,
  now: number,
  games: ReadonlyMap<string, string> = new Map(),
  locale: Locale = "en-US",
): OutMessage {
  const MAX_LINES = 30;
  const head = say(locale, "digest.head", { when: discordTimestamp(now) });
  const budget = 4096 - head.length - 40; // room for the "…and N more" line
  const lines: string[] = [];
  let used = 0;
  for (const c of changes) {
    const who = personMd(names.get(c.userId) ?? unknownPerson(c.userId), locale);
    const line = `${discordTimestamp(c.at, "t")} ${who}: ${describeSnap(c.from, games, locale)} → ${describeSnap(c.to, games, locale)}`;
    if (lines.length >= MAX_LINES || used + line.length + 1 > budget) break;
    lines.push(line);
    used += line.length + 1;
  }
  if (changes.length > lines.length)
    lines.push(say(locale, "digest.more", { count: String(changes.length - lines.length) }));
  const n = changes.length;
  return message("presence-digest", now, {
    tone: "info",
    title: say(locale, "digest.title", { n, count: String(n) }),
    description: `${head}\n${lines.join("\n")}`,
    footer: footerOf(a, locale),
    ...thumb(avatar),
  });
}
