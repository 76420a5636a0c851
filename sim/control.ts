import { CONSENT_TYPES, type Consent, type ConsentType } from "./consents.js";
import type { FaultSpec, FaultStore } from "./faults.js";
import type { PayloadModes, PresenceType, RequestOrder, Restriction } from "./model.js";
import type { RateLimiter } from "./ratelimit.js";
import { trackerFor } from "./seed.js";
import { cloneModes, type SimState, type ThumbnailState } from "./state.js";

export interface RequestLogEntry {
  at: number;
  method: string;
  /** path with query */
  path: string;
  /** first segment: friends, presence, users, apis/user-settings-api, … */
  api: string;
  status: number;
  /** authenticated user, if the cookie was valid */
  userId: number | null;
  csrfRejected: boolean;
  cookieHeader: boolean;
  trackerSent: boolean;
}

/** Thrown for a bad control call; the HTTP API answers 400 `{error}`. */
export class ControlError extends Error {}

export interface Runtime {
  state: SimState;
  faults: FaultStore;
  limiter: RateLimiter;
  log: RequestLogEntry[];
  latencyMs: number;
  readonly initialLatencyMs: number;
  /** the payload modes reset() returns to (startSim's `modes` over the defaults) */
  initialModes: PayloadModes;
}

export interface CreateUserInput {
  id?: number;
  name: string;
  displayName?: string;
  description?: string;
  created?: string;
  hasVerifiedBadge?: boolean;
  isBanned?: boolean;
}

export interface PresenceInput {
  userId: number;
  userPresenceType: PresenceType;
  lastLocation?: string;
  placeId?: number | null;
  rootPlaceId?: number | null;
  universeId?: number | null;
  gameId?: string | null;
  /** ISO; default now (or unchanged when going offline) */
  lastOnline?: string;
  /** in game with joins off: others see type 2 with the place hidden (default false) */
  joinsOff?: boolean;
}

export interface FriendRequestOptions {
  /** 0..12; default 4 (UserProfile) */
  originSourceType?: number;
  /** sent instead of the enum name for originSourceType (a string, or a bare number) */
  originSourceName?: string | number;
  /** the experience the request was sent from; default null */
  sourceUniverseId?: number | null;
  /** senderNickname; default "" */
  nickname?: string;
  /** ISO; default now */
  sentAt?: string;
}

export interface UniverseInput {
  id: number;
  name: string;
  rootPlaceId?: number;
  description?: string;
  creatorId?: number;
  creatorName?: string;
  creatorType?: "User" | "Group";
}

export type ModesInput = Partial<Omit<PayloadModes, "friendRequestSort">> & {
  friendRequestSort?: Partial<Record<"0" | "1" | "2", RequestOrder>>;
};

export interface RestrictionInput {
  userId: number;
  source: 1 | 2;
  /** ISO, null = permanent; default: screen time → next UTC midnight, ban → 3 days */
  endTime?: string | null;
  startTime?: string;
  messageToUser?: string;
  punishmentTypeDescription?: string;
}

export interface ScreenTimeInput {
  userId: number;
  dailyLimit?: number;
  todayMinutes?: number;
  days?: number[];
  localDayOfWeek?: number;
  tempMinutes?: number;
}

export interface ConsentInput {
  childUserId: number;
  kind?: "trusted" | "setting" | "block" | "unblock";
  targetUserId?: number;
  minutes?: number;
  consentType?: string;
  consentData?: Record<string, string | number | boolean>;
  /** ISO; default now */
  createdTime?: string;
}

export interface BulkInput {
  count: number;
  startId?: number;
  /** each account gets this many friends, from one shared pool of new users */
  watchedFriends?: number;
}

export interface BulkResult {
  ids: number[];
  cookies: string[];
  friendIds: number[];
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

function need(cond: unknown, message: string): asserts cond {
  if (!cond) throw new ControlError(message);
}

/** Everything the /__sim/ HTTP API does, callable in-process. */
export class SimControl {
  constructor(private readonly rt: Runtime) {}

  private get s(): SimState {
    return this.rt.state;
  }

  private user(id: unknown): number {
    need(isInt(id) && this.s.users.has(id), `unknown user ${String(id)}`);
    return id;
  }

  reset(): void {
    this.s.reset();
    this.s.modes = cloneModes(this.rt.initialModes);
    this.rt.faults.clear();
    this.rt.limiter.clear();
    this.rt.log.length = 0;
    this.rt.latencyMs = this.rt.initialLatencyMs;
  }

  createUser(input: CreateUserInput): { id: number; cookie: string; tracker: string } {
    need(
      typeof input.name === "string" && /^\w{3,20}$/.test(input.name),
      "name must be 3-20 word characters",
    );
    const id = input.id ?? Math.max(this.s.maxId + 1, 100_000_000);
    need(isInt(id) && id > 0, "id must be a positive integer");
    need(!this.s.users.has(id), `user ${id} exists`);
    need(!this.s.usersByName.has(input.name.toLowerCase()), `name ${input.name} is taken`);
    this.s.addUser({ ...input, id });
    return { id, cookie: this.s.issueCookie(id), tracker: trackerFor(id) };
  }

  /** A fresh working cookie for the user (the previous one stops working). */
  issueCookie(userId: number): string {
    return this.s.issueCookie(this.user(userId), true);
  }

  /** The user's current cookie, if any. */
  cookieOf(userId: number): string | undefined {
    return this.s.userCookie.get(userId);
  }

  /** `from` sends `to` a friend request (as if in the Roblox app). */
  sendFriendRequest(from: number, to: number, opts: FriendRequestOptions = {}): void {
    this.user(from);
    this.user(to);
    need(from !== to, "cannot request oneself");
    need(!this.s.areFriends(from, to), "already friends");
    const origin = opts.originSourceType ?? 4;
    need(isInt(origin) && origin >= 0 && origin <= 12, "originSourceType 0..12");
    need(
      opts.originSourceName === undefined ||
        typeof opts.originSourceName === "string" ||
        isInt(opts.originSourceName),
      "originSourceName must be a string or an integer",
    );
    const universe = opts.sourceUniverseId ?? null;
    need(
      universe === null || (isInt(universe) && universe > 0),
      "sourceUniverseId: positive integer or null",
    );
    need(opts.nickname === undefined || typeof opts.nickname === "string", "nickname must be a string");
    const sentAt = opts.sentAt === undefined ? Date.now() : Date.parse(opts.sentAt);
    need(!Number.isNaN(sentAt), "sentAt must be ISO");
    this.s.addRequest(from, to, {
      originSourceType: origin,
      sourceUniverseId: universe,
      sentAt,
      ...(opts.nickname !== undefined ? { nickname: opts.nickname } : {}),
      ...(opts.originSourceName !== undefined ? { originSourceName: opts.originSourceName } : {}),
    });
  }

  /** `to` accepts `from`'s pending request in the app: they become friends, the request goes. */
  acceptFriendRequest(from: number, to: number): void {
    this.user(from);
    this.user(to);
    need(this.s.getRequest(from, to), `no pending request from ${from} to ${to}`);
    this.s.makeFriends(from, to);
  }

  /** `to` declines `from`'s pending request in the app. */
  declineFriendRequest(from: number, to: number): void {
    this.user(from);
    this.user(to);
    need(this.s.removeRequest(from, to), `no pending request from ${from} to ${to}`);
  }

  /** `from` sends `to` a trusted-connection request (listed by my/trusted-friends/requests). */
  sendTrustedRequest(from: number, to: number, opts: { sentAt?: string } = {}): void {
    this.user(from);
    this.user(to);
    need(from !== to, "cannot request oneself");
    need(!this.s.isTrusted(from, to), "already trusted connections");
    const sentAt = opts.sentAt === undefined ? Date.now() : Date.parse(opts.sentAt);
    need(!Number.isNaN(sentAt), "sentAt must be ISO");
    this.s.addTrustedRequest(from, to, sentAt);
  }

  /** `to` accepts `from`'s trusted-connection request in the app (they also become friends). */
  acceptTrustedRequest(from: number, to: number): void {
    this.user(from);
    this.user(to);
    need(this.s.trustedIncomingOf(to).has(from), `no pending trusted request from ${from} to ${to}`);
    this.s.makeTrusted(from, to);
  }

  /** `to` ignores `from`'s trusted-connection request in the app. */
  ignoreTrustedRequest(from: number, to: number): void {
    this.user(from);
    this.user(to);
    need(this.s.removeTrustedRequest(from, to), `no pending trusted request from ${from} to ${to}`);
  }

  /** Links a parent's own account to a child (Roblox's parent link; both users must exist). */
  linkParent(parent: number, child: number): void {
    this.user(parent);
    this.user(child);
    need(parent !== child, "a user cannot be its own parent");
    this.s.linkParent(parent, child);
  }

  /**
   * The child asks its parents for consent, as the Roblox app does when a linked child changes
   * something that needs it. `kind` picks the request: `trusted` (wants to add trusted connection
   * `targetUserId`), `setting` (wants daily limit `minutes`), `block`/`unblock` (`targetUserId`),
   * or a raw `consentType` with `consentData`. Returns the new request's id.
   */
  requestConsent(input: ConsentInput): { id: string } {
    const child = this.user(input.childUserId);
    let type: ConsentType;
    let data: Record<string, string | number | boolean>;
    switch (input.kind) {
      case "trusted":
        type = "AddTrustedConnection";
        data = { targetUserId: this.user(input.targetUserId) };
        break;
      case "setting":
        need(isInt(input.minutes) && input.minutes >= 0 && input.minutes <= 1440, "minutes: 0..1440");
        type = "UpdateUserSetting";
        data = { dailyScreenTimeLimit: input.minutes };
        break;
      case "block":
      case "unblock":
        type = "ManageFriend";
        data = {
          friendUserId: this.user(input.targetUserId),
          friendManagementAction: input.kind === "block" ? "Block" : "Unblock",
        };
        break;
      default:
        need(
          typeof input.consentType === "string" &&
            (CONSENT_TYPES as readonly string[]).includes(input.consentType),
          `consentType: ${CONSENT_TYPES.join("|")}`,
        );
        type = input.consentType as ConsentType;
        data = input.consentData ?? {};
    }
    const at = input.createdTime === undefined ? Date.now() : Date.parse(input.createdTime);
    need(!Number.isNaN(at), "createdTime must be ISO");
    return { id: this.s.addConsent(child, type, data, at).id };
  }

  /** Answers a pending consent request as a parent would in the app. */
  answerConsent(id: string, answer: "Approve" | "Deny"): void {
    const c = this.s.consents.get(id);
    need(c, `no consent request ${id}`);
    need(c.status === "Pending", `consent request ${id} already ${c.status}`);
    c.status = answer === "Approve" ? "Approved" : "Denied";
  }

  /** A consent request as stored (status, who answered), or undefined. */
  consentOf(id: string): Consent | undefined {
    return this.s.consents.get(id);
  }

  /** Changes the payload switches (docs/roblox-behaviour.md); returns them all. */
  setModes(input: ModesInput): PayloadModes {
    const m = cloneModes(this.s.modes);
    const oneOf = <T extends string>(v: unknown, allowed: readonly T[], what: string): T => {
      need(
        typeof v === "string" && (allowed as readonly string[]).includes(v),
        `${what}: ${allowed.join("|")}`,
      );
      return v as T;
    };
    if (input.names !== undefined) m.names = oneOf(input.names, ["absent", "empty", "present"], "names");
    if (input.userDetails !== undefined)
      m.userDetails = oneOf(input.userDetails, ["absent", "present"], "userDetails");
    if (input.joinsOffUniverseId !== undefined)
      m.joinsOffUniverseId = oneOf(input.joinsOffUniverseId, ["null", "present"], "joinsOffUniverseId");
    if (input.mutualFriendsList !== undefined)
      m.mutualFriendsList = oneOf(input.mutualFriendsList, ["names", "empty"], "mutualFriendsList");
    if (input.parentManagedSettings !== undefined)
      m.parentManagedSettings = oneOf(
        input.parentManagedSettings,
        ["self", "parent"],
        "parentManagedSettings",
      );
    if (input.friendRequestSort !== undefined) {
      need(
        typeof input.friendRequestSort === "object" && input.friendRequestSort !== null,
        "friendRequestSort: {0?,1?,2?: newest|oldest}",
      );
      for (const [k, v] of Object.entries(input.friendRequestSort)) {
        need(k === "0" || k === "1" || k === "2", "friendRequestSort keys: 0, 1, 2");
        m.friendRequestSort[k] = oneOf(v, ["newest", "oldest"], `friendRequestSort.${k}`);
      }
    }
    this.s.modes = m;
    return cloneModes(m);
  }

  getModes(): PayloadModes {
    return cloneModes(this.s.modes);
  }

  /** An experience the public games lookup (GET /games/v1/games) knows. */
  addUniverse(input: UniverseInput): void {
    need(isInt(input.id) && input.id > 0, "id must be a positive integer");
    need(typeof input.name === "string" && input.name.length > 0, "name must be a non-empty string");
    const now = new Date().toISOString();
    this.s.universes.set(input.id, {
      id: input.id,
      rootPlaceId: input.rootPlaceId ?? input.id + 1,
      name: input.name,
      description: input.description ?? "",
      creatorId: input.creatorId ?? 1,
      creatorName: input.creatorName ?? "Roblox",
      creatorType: input.creatorType ?? "User",
      created: now,
      updated: now,
    });
  }

  addFriends(a: number, b: number): void {
    need(this.user(a) !== this.user(b), "cannot befriend oneself");
    this.s.makeFriends(a, b);
  }

  removeFriends(a: number, b: number): void {
    this.s.unfriend(this.user(a), this.user(b));
  }

  setPresence(p: PresenceInput): void {
    const id = this.user(p.userId);
    need(
      isInt(p.userPresenceType) && p.userPresenceType >= 0 && p.userPresenceType <= 4,
      "userPresenceType 0..4",
    );
    const prev = this.s.presenceOf(id);
    const type = p.userPresenceType;
    const now = Date.now();
    const lastOnline =
      p.lastOnline !== undefined
        ? Date.parse(p.lastOnline)
        : type !== 0 || prev.userPresenceType !== 0
          ? now
          : prev.lastOnline;
    need(!Number.isNaN(lastOnline), "lastOnline must be ISO");
    this.s.presence.set(id, {
      userPresenceType: type,
      lastLocation: p.lastLocation ?? (type === 1 ? "Website" : type === 3 ? "Studio" : ""),
      placeId: p.placeId ?? null,
      rootPlaceId: p.rootPlaceId ?? p.placeId ?? null,
      universeId: p.universeId ?? null,
      gameId: p.gameId ?? null,
      lastOnline,
      joinsOff: p.joinsOff === true,
    });
  }

  startRestriction(r: RestrictionInput): Restriction {
    const id = this.user(r.userId);
    need(r.source === 1 || r.source === 2, "source must be 1 (ban) or 2 (screen time)");
    const now = new Date();
    let endTime: string | null;
    if (r.endTime === undefined) {
      const end =
        r.source === 2
          ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
          : now.getTime() + 3 * 86_400_000;
      endTime = new Date(end).toISOString();
    } else {
      endTime = r.endTime;
      need(endTime === null || !Number.isNaN(Date.parse(endTime)), "endTime must be ISO or null");
    }
    const restriction: Restriction = {
      source: r.source,
      startTime: r.startTime ?? now.toISOString(),
      endTime,
      messageToUser:
        r.messageToUser ?? (r.source === 1 ? "Your account was banned for violating the Terms of Use." : ""),
      punishmentTypeDescription:
        r.punishmentTypeDescription ?? (r.source === 1 ? "Ban 3 Days" : "Screen time limit"),
    };
    this.s.restrictions.set(id, restriction);
    return restriction;
  }

  endRestriction(userId: number): void {
    this.s.restrictions.delete(this.user(userId));
  }

  setScreenTime(input: ScreenTimeInput): void {
    const st = this.s.screenTimeOf(this.user(input.userId));
    const minutes = (v: unknown) => isInt(v) && v >= 0 && v <= 1440;
    if (input.dailyLimit !== undefined) {
      need(minutes(input.dailyLimit), "dailyLimit 0..1440");
      st.dailyLimit = input.dailyLimit;
    }
    if (input.days !== undefined) {
      need(
        Array.isArray(input.days) && input.days.length === 7 && input.days.every(minutes),
        "days: 7 minute counts",
      );
      st.days = [...input.days];
    }
    if (input.todayMinutes !== undefined) {
      need(minutes(input.todayMinutes), "todayMinutes 0..1440");
      st.days[0] = input.todayMinutes;
    }
    if (input.localDayOfWeek !== undefined) {
      need(
        isInt(input.localDayOfWeek) && input.localDayOfWeek >= 0 && input.localDayOfWeek <= 6,
        "localDayOfWeek 0..6",
      );
      st.localDayOfWeek = input.localDayOfWeek;
    }
    if (input.tempMinutes !== undefined) {
      need(minutes(input.tempMinutes), "tempMinutes 0..1440");
      st.tempMinutes = input.tempMinutes;
    }
  }

  expireCookie(userId: number): void {
    this.s.expireCookie(this.user(userId));
  }

  /** The next authenticated response carries Set-Cookie with a new cookie; the old one then dies. */
  rotateCookie(userId: number): void {
    const c = this.s.userCookie.get(this.user(userId));
    const session = c ? this.s.sessions.get(c) : undefined;
    need(session, `user ${userId} has no live cookie`);
    session.rotatePending = true;
  }

  rotateCsrf(userId?: number): void {
    this.s.rotateCsrf(userId === undefined ? undefined : this.user(userId));
  }

  setCaptcha(userId: number, required: boolean): void {
    if (required) this.s.captcha.add(this.user(userId));
    else this.s.captcha.delete(this.user(userId));
  }

  setBlocked(a: number, b: number, blocked: boolean): void {
    const [x, y] = [this.user(a), this.user(b)].sort((p, q) => p - q);
    if (blocked) this.s.blocks.add(`${x}:${y}`);
    else this.s.blocks.delete(`${x}:${y}`);
  }

  setThumbnailState(userId: number, state: ThumbnailState | null): void {
    const id = this.user(userId);
    need(
      state === null || ["Completed", "Pending", "Blocked", "Error"].includes(state),
      "state: Completed|Pending|Blocked|Error|null",
    );
    if (state === null) this.s.thumbnailStates.delete(id);
    else this.s.thumbnailStates.set(id, state);
  }

  addFault(spec: FaultSpec): void {
    try {
      this.rt.faults.add(spec);
    } catch (e) {
      throw new ControlError((e as Error).message);
    }
  }

  clearFaults(): void {
    this.rt.faults.clear();
  }

  getLog(): RequestLogEntry[] {
    return this.rt.log;
  }

  clearLog(): void {
    this.rt.log.length = 0;
  }

  dumpState(): Record<string, unknown> {
    return { ...this.s.toJSON(), faults: this.rt.faults.list(), latencyMs: this.rt.latencyMs };
  }

  setLatency(ms: number): void {
    need(isInt(ms) && ms >= 0 && ms <= 60_000, "ms 0..60000");
    this.rt.latencyMs = ms;
  }

  /** `count` accounts with cookies `…_SIMCOOKIE<id>`, ids from `startId` (default: above every id). */
  bulkAccounts(input: BulkInput): BulkResult {
    const { count } = input;
    const watched = input.watchedFriends ?? 0;
    need(isInt(count) && count >= 1 && count <= 200_000, "count 1..200000");
    need(isInt(watched) && watched >= 0 && watched <= 1000, "watchedFriends 0..1000");
    const start = input.startId ?? Math.max(this.s.maxId + 1, 100_000);
    need(isInt(start) && start > 0, "startId must be a positive integer");
    for (let id = start; id < start + count + watched; id++) need(!this.s.users.has(id), `user ${id} exists`);
    const ids: number[] = [];
    const cookies: string[] = [];
    const friendIds: number[] = [];
    for (let i = 0; i < watched; i++) {
      const id = start + count + i;
      this.s.addUser({ id, name: `Watched${id}`, displayName: `Watched${id}` });
      friendIds.push(id);
    }
    for (let i = 0; i < count; i++) {
      const id = start + i;
      this.s.addUser({ id, name: `Bulk${id}`, displayName: `Bulk${id}` });
      ids.push(id);
      cookies.push(this.s.issueCookie(id));
      for (const f of friendIds) this.s.makeFriends(id, f);
    }
    return { ids, cookies, friendIds };
  }
}
