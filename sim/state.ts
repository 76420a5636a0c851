import { randomBytes } from "node:crypto";
import { type Consent, type ConsentType, consentId } from "./consents.js";
import {
  DEFAULT_MODES,
  type FriendRequest,
  type Group,
  type Membership,
  offlinePresence,
  type PayloadModes,
  type Presence,
  type Restriction,
  type ScreenTime,
  type Session,
  type SimUser,
  type TrustedRequest,
  type Universe,
} from "./model.js";
import { applySeed, cookieFor } from "./seed.js";

export type * from "./model.js";
export type ThumbnailState = "Completed" | "Pending" | "Blocked" | "Error";
export { cookieFor } from "./seed.js";

/** Roblox's friend cap; codes 11/12/31 fire at it. */
export const MAX_FRIENDS = 1000;
const DAY_MS = 86_400_000;

/**
 * The whole mutable world. Every lookup is a Map/Set access; nothing scans all users per request.
 * `reset()` empties it in place (references held by tests stay valid) and re-applies the seed.
 */
export class SimState {
  readonly users = new Map<number, SimUser>();
  /** lower-cased name → id */
  readonly usersByName = new Map<string, number>();
  readonly friends = new Map<number, Set<number>>();
  /** to → (from → request); Map order = arrival order. */
  readonly incoming = new Map<number, Map<number, FriendRequest>>();
  /** from → set of to */
  readonly outgoing = new Map<number, Set<number>>();
  /** user → highest request seq already "seen" (DELETE my/new-friend-requests). */
  readonly requestsSeenSeq = new Map<number, number>();
  readonly presence = new Map<number, Presence>();
  readonly restrictions = new Map<number, Restriction>();
  readonly screenTime = new Map<number, ScreenTime>();
  /** cookie → session */
  readonly sessions = new Map<string, Session>();
  /** user → current cookie */
  readonly userCookie = new Map<number, string>();
  readonly cookieGeneration = new Map<number, number>();
  readonly captcha = new Set<number>();
  /** "a:b" with a < b */
  readonly blocks = new Set<string>();
  readonly groups = new Map<number, Group>();
  readonly memberships = new Map<number, Membership[]>();
  /** avatar-headshot state overrides (default Completed; banned users Blocked) */
  readonly thumbnailStates = new Map<number, ThumbnailState>();
  /** contact id → user id */
  readonly contacts = new Map<string, number>();
  /** to → (from → trusted-connection request); Map order = arrival order. */
  readonly trustedIncoming = new Map<number, Map<number, TrustedRequest>>();
  /** trusted connections, "a:b" with a < b */
  readonly trusted = new Set<string>();
  /** universe id → experience, for the public games lookup */
  readonly universes = new Map<number, Universe>();
  /** parent → linked children (docs/roblox-behaviour.md, "Parent accounts and consent requests") */
  readonly parentLinks = new Map<number, Set<number>>();
  /** consent id → consent request; Map order = arrival order */
  readonly consents = new Map<string, Consent>();
  /** payload switches (docs/roblox-behaviour.md); reset() restores the defaults */
  modes: PayloadModes = cloneModes(DEFAULT_MODES);
  csrfEpoch = 0;
  seq = 0;
  maxId = 0;

  constructor(seed = true) {
    if (seed) applySeed(this);
  }

  reset(): void {
    for (const v of Object.values(this)) {
      if (v instanceof Map || v instanceof Set) v.clear();
    }
    this.csrfEpoch = 0;
    this.seq = 0;
    this.maxId = 0;
    this.modes = cloneModes(DEFAULT_MODES);
    applySeed(this);
  }

  // ---- users -------------------------------------------------------------------------------
  addUser(u: Partial<SimUser> & { id: number; name: string }): SimUser {
    const user: SimUser = {
      id: u.id,
      name: u.name,
      displayName: u.displayName ?? u.name,
      description: u.description ?? "",
      created: u.created ?? "2020-01-01T00:00:00.000Z",
      isBanned: u.isBanned ?? false,
      hasVerifiedBadge: u.hasVerifiedBadge ?? false,
    };
    const old = this.users.get(user.id);
    if (old) this.usersByName.delete(old.name.toLowerCase());
    this.users.set(user.id, user);
    this.usersByName.set(user.name.toLowerCase(), user.id);
    if (user.id > this.maxId) this.maxId = user.id;
    return user;
  }

  // ---- sessions ----------------------------------------------------------------------------
  /** Issues (or re-issues) the user's cookie; the previous one stops working. */
  issueCookie(userId: number, fresh = false): string {
    const gen = fresh
      ? (this.cookieGeneration.get(userId) ?? 0) + 1
      : (this.cookieGeneration.get(userId) ?? 0);
    const old = this.userCookie.get(userId);
    if (old) this.sessions.delete(old);
    const cookie = cookieFor(userId, gen);
    this.cookieGeneration.set(userId, gen);
    this.userCookie.set(userId, cookie);
    this.sessions.set(cookie, { cookie, userId, csrf: "", csrfEpoch: -1, rotatePending: false });
    return cookie;
  }

  expireCookie(userId: number): void {
    const c = this.userCookie.get(userId);
    if (c) this.sessions.delete(c);
    this.userCookie.delete(userId);
  }

  csrfFor(session: Session): string {
    if (session.csrfEpoch !== this.csrfEpoch || session.csrf === "") {
      session.csrf = randomBytes(9).toString("base64");
      session.csrfEpoch = this.csrfEpoch;
    }
    return session.csrf;
  }

  rotateCsrf(userId?: number): void {
    if (userId === undefined) {
      this.csrfEpoch++;
      return;
    }
    const c = this.userCookie.get(userId);
    const s = c ? this.sessions.get(c) : undefined;
    if (s) s.csrf = "";
  }

  // ---- friends -----------------------------------------------------------------------------
  friendsOf(userId: number): Set<number> {
    const s = entry(this.friends, userId, () => new Set());
    return s;
  }

  areFriends(a: number, b: number): boolean {
    return this.friends.get(a)?.has(b) ?? false;
  }

  makeFriends(a: number, b: number): void {
    if (a === b) return;
    this.removeRequest(a, b);
    this.removeRequest(b, a);
    this.friendsOf(a).add(b);
    this.friendsOf(b).add(a);
  }

  unfriend(a: number, b: number): void {
    this.friends.get(a)?.delete(b);
    this.friends.get(b)?.delete(a);
    this.trusted.delete(pairKey(a, b));
  }

  isBlocked(a: number, b: number): boolean {
    return this.blocks.has(pairKey(a, b));
  }

  // ---- friend requests ---------------------------------------------------------------------
  addRequest(
    from: number,
    to: number,
    opts: {
      nickname?: string;
      originSourceType?: number;
      originSourceName?: string | number;
      sourceUniverseId?: number | null;
      sentAt?: number;
    } = {},
  ) {
    const inc = entry(this.incoming, to, () => new Map());
    const existing = inc.get(from);
    if (existing) return existing;
    const req: FriendRequest = {
      from,
      to,
      sentAt: opts.sentAt ?? Date.now(),
      seq: ++this.seq,
      nickname: opts.nickname ?? "",
      originSourceType: opts.originSourceType ?? 4,
      sourceUniverseId: opts.sourceUniverseId ?? null,
    };
    if (opts.originSourceName !== undefined) req.originSourceName = opts.originSourceName;
    inc.set(from, req);
    const out = entry(this.outgoing, from, () => new Set());
    out.add(to);
    return req;
  }

  getRequest(from: number, to: number): FriendRequest | undefined {
    return this.incoming.get(to)?.get(from);
  }

  removeRequest(from: number, to: number): boolean {
    const had = this.incoming.get(to)?.delete(from) ?? false;
    this.outgoing.get(from)?.delete(to);
    return had;
  }

  incomingOf(userId: number): Map<number, FriendRequest> {
    return this.incoming.get(userId) ?? new Map();
  }

  newRequestCount(userId: number): number {
    const seen = this.requestsSeenSeq.get(userId) ?? 0;
    let n = 0;
    for (const r of this.incomingOf(userId).values()) if (r.seq > seen) n++;
    return n;
  }

  // ---- trusted connections ----------------------------------------------------------------
  addTrustedRequest(from: number, to: number, sentAt = Date.now()): TrustedRequest {
    const inc = entry(this.trustedIncoming, to, () => new Map());
    const existing = inc.get(from);
    if (existing) return existing;
    const req: TrustedRequest = { from, to, sentAt, seq: ++this.seq };
    inc.set(from, req);
    return req;
  }

  removeTrustedRequest(from: number, to: number): boolean {
    return this.trustedIncoming.get(to)?.delete(from) ?? false;
  }

  trustedIncomingOf(userId: number): Map<number, TrustedRequest> {
    return this.trustedIncoming.get(userId) ?? new Map();
  }

  isTrusted(a: number, b: number): boolean {
    return this.trusted.has(pairKey(a, b));
  }

  /** A trusted connection is also a connection (docs/roblox-behaviour.md, "Trusted connections"). */
  makeTrusted(a: number, b: number): void {
    if (a === b) return;
    this.removeTrustedRequest(a, b);
    this.removeTrustedRequest(b, a);
    if (!this.areFriends(a, b)) this.makeFriends(a, b);
    this.trusted.add(pairKey(a, b));
  }

  // ---- presence ----------------------------------------------------------------------------
  presenceOf(userId: number): Presence {
    return this.presence.get(userId) ?? offlinePresence(Date.now() - DAY_MS);
  }

  // ---- moderation / screen time ------------------------------------------------------------
  /** Current restriction; one whose end time has passed is removed on read. */
  restrictionOf(userId: number, now = Date.now()): Restriction | undefined {
    const r = this.restrictions.get(userId);
    if (!r) return undefined;
    if (r.endTime !== null && Date.parse(r.endTime) <= now) {
      this.restrictions.delete(userId);
      return undefined;
    }
    return r;
  }

  screenTimeOf(userId: number): ScreenTime {
    return entry(this.screenTime, userId, () => ({
      dailyLimit: 0,
      days: [0, 0, 0, 0, 0, 0, 0],
      localDayOfWeek: new Date().getUTCDay(),
      tempMinutes: 0,
    }));
  }

  // ---- parent accounts ---------------------------------------------------------------------
  linkParent(parent: number, child: number): void {
    const set = entry(this.parentLinks, parent, () => new Set());
    set.add(child);
  }

  childrenOf(parent: number): Set<number> {
    return this.parentLinks.get(parent) ?? new Set();
  }

  isParentOf(parent: number, child: number): boolean {
    return this.parentLinks.get(parent)?.has(child) ?? false;
  }

  /** Whether any parent account is linked to this child. */
  hasParent(child: number): boolean {
    for (const set of this.parentLinks.values()) if (set.has(child)) return true;
    return false;
  }

  /** The child's own daily-limit change waits on a parent (the `parentManagedSettings` switch). */
  parentManaged(child: number): boolean {
    return this.modes.parentManagedSettings === "parent" && this.hasParent(child);
  }

  addConsent(
    childUserId: number,
    consentType: ConsentType,
    consentData: Record<string, string | number | boolean>,
    createdTime = Date.now(),
  ): Consent {
    const seq = ++this.seq;
    const c: Consent = {
      id: consentId(seq),
      childUserId,
      consentType,
      consentData,
      createdTime,
      status: "Pending",
      parentUserId: null,
      seq,
    };
    this.consents.set(c.id, c);
    return c;
  }

  /** Debug dump for GET /__sim/state (plain JSON). */
  toJSON(): Record<string, unknown> {
    const mapOfSets = (m: Map<number, Set<number>>) =>
      Object.fromEntries([...m].filter(([, s]) => s.size > 0).map(([k, s]) => [k, [...s]]));
    return {
      users: [...this.users.values()],
      friendships: mapOfSets(this.friends),
      friendRequests: [...this.incoming.values()].flatMap((m) => [...m.values()]),
      presences: Object.fromEntries(this.presence),
      restrictions: Object.fromEntries(this.restrictions),
      screenTime: Object.fromEntries(this.screenTime),
      sessions: [...this.sessions.values()].map((s) => ({
        userId: s.userId,
        rotatePending: s.rotatePending,
      })),
      captcha: [...this.captcha],
      blocks: [...this.blocks],
      groups: [...this.groups.values()],
      contacts: Object.fromEntries(this.contacts),
      trustedRequests: [...this.trustedIncoming.values()].flatMap((m) => [...m.values()]),
      trustedConnections: [...this.trusted],
      universes: [...this.universes.values()],
      parentLinks: mapOfSets(this.parentLinks),
      consents: [...this.consents.values()],
      modes: this.modes,
    };
  }
}

/** The value of `key` in `m`, made and stored first when absent. */
function entry<K, V>(m: Map<K, V>, key: K, make: () => V): V {
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

const pairKey = (a: number, b: number): string => (a < b ? `${a}:${b}` : `${b}:${a}`);

export function cloneModes(m: PayloadModes): PayloadModes {
  return { ...m, friendRequestSort: { ...m.friendRequestSort } };
}
