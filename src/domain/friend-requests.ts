/**
 * What an incoming friend request (or trusted-connection request) is, as roguard shows it: who
 * sent it (named the one way, domain/people), how old their account is, mutual friends, where it
 * came from (origin and experience), and when. Commands, buttons and watchers share it.
 */
import type { Locale } from "../i18n/locales.js";
import { type MessageKey, t } from "../i18n/t.js";
import type { Lookups } from "../lookups.js";
import { present } from "../lookups.js";
import type { RobloxClient, RobloxSession } from "../roblox/index.js";
import { mutualFriends } from "./friendship.js";
import { createdAt, type Namer, namePeople, type Person, personText, unknownPerson } from "./people.js";

/**
 * Roblox's friendship origin source types, by number (the request body's
 * `friendshipOriginSourceType` and the listing's `originSourceType`, sent as a name or a number).
 * 0..10 are published; 11 (a trusted friend) and 12 (a school member list) are not named in any
 * public source, so their names here are ours and any other name is shown in words
 * (docs/roblox-behaviour.md, "Origins of a friend request").
 */
export const ORIGINS: readonly { name: string; text: string | undefined }[] = [
  { name: "Unknown", text: undefined },
  { name: "PlayerSearch", text: "player search" },
  { name: "QrCode", text: "a QR code" },
  { name: "InGame", text: "in an experience" },
  { name: "UserProfile", text: "their profile page" },
  { name: "QqContactImporter", text: "QQ contacts" },
  { name: "WeChatContactImporter", text: "WeChat contacts" },
  { name: "ProfileShare", text: "a shared profile link" },
  { name: "PhoneContactImporter", text: "phone contacts" },
  { name: "FriendRecommendations", text: "friend recommendations" },
  { name: "UserCommunities", text: "a community" },
  { name: "TrustedFriend", text: "a trusted connection" },
  { name: "SchoolMemberList", text: "the school member list" },
];

const BY_NAME = new Map(ORIGINS.map((o, i) => [o.name.toLowerCase(), i]));

/** The origin's number, from a number or a name as Roblox sends it; undefined when not known. */
export function originIndex(v: string | number | null | undefined): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < ORIGINS.length ? v : undefined;
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  if (/^\d{1,3}$/.test(t)) return originIndex(Number(t));
  return BY_NAME.get(t.replace(/[\s_-]/g, "").toLowerCase());
}

/**
 * "player search", "the school member list", …; an origin name roguard does not know in words
 * ("NewThingList" → "new thing list"); undefined for Unknown or an unknown number.
 */
export function originText(v: string | number | null | undefined): string | undefined {
  const i = originIndex(v);
  if (i !== undefined) return ORIGINS[i]?.text;
  if (typeof v !== "string" || !/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(v.trim())) return undefined;
  return v
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/**
 * Pure: a card's origin in `locale` — "player search", "Spielersuche", … for an origin roguard knows
 * (its number), the origin's own words otherwise (an enum name roguard has no translation for).
 */
export function originWords(c: Pick<RequestCard, "origin" | "originId">, locale: Locale): string | undefined {
  if (c.origin === undefined) return undefined;
  return c.originId === undefined ? c.origin : t(locale, `origin.${c.originId}` as MessageKey);
}

function originIdOf(v: string | number | null | undefined): { originId?: number } {
  const i = originIndex(v);
  return i === undefined || i === 0 ? {} : { originId: i };
}

/** A request item as the Roblox client parses it (names and `created` may be absent or ""). */
export interface RequestItem {
  senderId: number | string;
  name?: string | null | undefined;
  displayName?: string | null | undefined;
  created?: string | null | undefined;
  hasVerifiedBadge?: boolean | null | undefined;
  mutualFriendsList?: readonly string[] | null | undefined;
  friendRequest?:
    | {
        sentAt?: string | null | undefined;
        sourceUniverseId?: number | null | undefined;
        originSourceType?: string | number | null | undefined;
      }
    | null
    | undefined;
}

/** One request, ready to render. */
export interface RequestCard {
  person: Person;
  /** Account creation (epoch ms), null when Roblox does not say. */
  created: number | null;
  verified: boolean;
  /** When it was sent (epoch ms), null when Roblox does not say. */
  sentAt: number | null;
  mutual: string[];
  origin: string | undefined;
  /** The origin's number in ORIGINS when roguard knows it (an alert words it in the guild's language). */
  originId?: number;
  /** The experience it was sent from (`sourceUniverseId`), named; undefined when none. */
  experience: string | undefined;
  /** A trusted-connection request (listed apart by Roblox). */
  trusted: boolean;
}

const time = (s: string | null | undefined): number | null => {
  const t = present(s) === undefined ? Number.NaN : Date.parse(s as string);
  return Number.isFinite(t) ? t : null;
};

/**
 * Cards for request items: names through one users batch, experience names through one games
 * lookup, account age from the profile where the item has no `created`. Never throws: what
 * Roblox would not tell is left out of the card.
 */
export async function requestCards(
  n: Namer & { lookups: Lookups },
  items: readonly RequestItem[],
  trusted: boolean,
): Promise<RequestCard[]> {
  if (items.length === 0) return [];
  const ids = items.map((r) => String(r.senderId));
  const people = await namePeople(n, ids, new Map(items.map((r) => [String(r.senderId), r])));
  const universes = items
    .map((r) => r.friendRequest?.sourceUniverseId)
    .filter((u): u is number => typeof u === "number" && u > 0);
  const games = universes.length > 0 ? await n.lookups.games(universes, n.call) : new Map<string, string>();
  return Promise.all(
    items.map(async (r): Promise<RequestCard> => {
      const id = String(r.senderId);
      const universe = r.friendRequest?.sourceUniverseId;
      return {
        person: people.get(id) ?? unknownPerson(id),
        created: await createdAt(n, id, r.created),
        verified: r.hasVerifiedBadge === true,
        sentAt: time(r.friendRequest?.sentAt),
        mutual: (r.mutualFriendsList ?? []).filter((m) => present(m) !== undefined),
        origin: originText(r.friendRequest?.originSourceType),
        ...originIdOf(r.friendRequest?.originSourceType),
        experience:
          typeof universe === "number" && universe > 0
            ? (games.get(String(universe)) ?? "an experience")
            : undefined,
        trusted,
      };
    }),
  );
}

/**
 * Cards whose listing named no mutual friends (Roblox may leave `mutualFriendsList` empty; no
 * public source says it still fills it) get them from multiget-are-friends over the account's
 * known friends. Best effort: a failure leaves the card as it was.
 */
export async function withMutualFriends(
  n: Namer & { lookups: Lookups; roblox: Pick<RobloxClient, "friends">; session: RobloxSession },
  cards: readonly RequestCard[],
  friendIds: readonly string[],
  locale: Locale,
): Promise<RequestCard[]> {
  if (friendIds.length === 0) return [...cards];
  return Promise.all(
    cards.map(async (c) => {
      if (c.mutual.length > 0) return c;
      try {
        const ids = await mutualFriends(n.roblox, n.session, c.person.id, friendIds, n.call);
        const people = await namePeople(n, ids.slice(0, 10));
        return {
          ...c,
          mutual: ids.slice(0, 10).map((id) => personText(people.get(id) ?? unknownPerson(id), locale)),
        };
      } catch (err) {
        n.log?.warn({ err }, "could not read mutual friends for a request");
        return c;
      }
    }),
  );
}
