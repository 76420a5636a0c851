/**
 * Where a user is, in words, the one way for alerts, digests and lists. Roblox reports "in game"
 * with the place hidden when the user has joins off (`placeId`, `rootPlaceId`, `gameId` null,
 * `lastLocation` ""; docs/roblox-behaviour.md): then it is "an experience (joins off)". The
 * experience's name comes from `lastLocation`, else from `universeId` through the cached public
 * games lookup (one batched call), else "an experience".
 */
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { present } from "../lookups.js";
import type { Namer } from "./people.js";

/** A presence as Roblox sends it (any of the fields may be null or absent). */
export interface RawPresence {
  userPresenceType: number;
  lastLocation?: string | null | undefined;
  placeId?: number | null | undefined;
  rootPlaceId?: number | null | undefined;
  gameId?: string | null | undefined;
  universeId?: number | null | undefined;
}

const HIDDEN_LOCATIONS = new Set(["unknown", "null", "undefined"]);

/** The experience's name from `lastLocation`, or undefined when Roblox hides it. */
export function locationName(lastLocation: string | null | undefined): string | undefined {
  const name = present(lastLocation)?.trim();
  return name === undefined || HIDDEN_LOCATIONS.has(name.toLowerCase()) ? undefined : name;
}

/** In game, but Roblox hides the place (ids and location): the user turned joins off. */
export function joinsOff(p: RawPresence): boolean {
  return (
    p.userPresenceType === 2 &&
    p.placeId == null &&
    p.rootPlaceId == null &&
    !present(p.gameId) &&
    locationName(p.lastLocation) === undefined
  );
}

/** Universe ids worth a games lookup: in game or in Studio with no location name. */
export function universesToName(
  items: readonly { name?: string | undefined; universe: string | null }[],
): string[] {
  const out = new Set<string>();
  for (const i of items) if (i.name === undefined && i.universe !== null) out.add(i.universe);
  return [...out];
}

/** Experience names for universe ids (one cached, batched lookup); empty on failure. */
export async function gameNames(
  n: Namer,
  universes: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  if (universes.length === 0) return new Map();
  try {
    return await n.lookups.games(universes, n.call);
  } catch {
    return new Map();
  }
}

/** "Adopt Me!" from the location, else from the universe's name, else "an experience". */
export function experienceOf(
  name: string | undefined | null,
  universe: string | null | undefined,
  games: ReadonlyMap<string, string>,
): string {
  return name ?? (universe ? games.get(universe) : undefined) ?? "an experience";
}

/** Names for the experiences of these presences whose location Roblox hid (one cached lookup). */
export async function presenceGames(
  n: Namer,
  ps: readonly RawPresence[],
): Promise<ReadonlyMap<string, string>> {
  const items = ps
    .filter((p) => p.userPresenceType === 2 || p.userPresenceType === 3)
    .map((p) => ({
      name: locationName(p.lastLocation),
      universe: p.universeId == null ? null : String(p.universeId),
    }));
  return gameNames(n, universesToName(items));
}

/**
 * Where a user is, for a list line: "Adopt Me!", "an experience (joins off)", a website location, or
 * nothing; plain text in `locale` (the list line escapes it).
 */
export function whereText(
  p: RawPresence | undefined,
  games: ReadonlyMap<string, string>,
  locale: Locale,
): string | undefined {
  if (!p) return undefined;
  const type = p.userPresenceType;
  const name = locationName(p.lastLocation);
  if (type === 2 || type === 3) {
    const universe = p.universeId == null ? undefined : games.get(String(p.universeId));
    const place = name ?? universe ?? t(locale, "request.anExperience");
    return joinsOff(p) ? t(locale, "friends.where.joinsOff", { place: md(place) }) : place;
  }
  return name;
}
