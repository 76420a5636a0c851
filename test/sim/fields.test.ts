/**
 * Every simulator route that answers 200 (or 204) holds only fields that Roblox's documentation
 * names: the two seeds, issue 10, and the sources in docs/roblox-behaviour.md. The table is per
 * endpoint and recursive; a field the table does not name fails the test (e.g. `name` on a
 * friend-request item while names are "absent"). A route added to the router without a row here
 * fails too.
 */
import { describe, expect, it } from "vitest";
import type { PayloadModes } from "../../sim/model.js";
import { buildRouter } from "../../sim/routes/index.js";
import { SEED, type Sim } from "../../sim/server.js";
import { type CallResult, call, callCsrf, useSim } from "../support/sim-kit.js";

const fx = useSim({ log: false });
const kid = SEED.child;

/** A scalar (string, number, boolean) or null. */
const L = "leaf" as const;
/** A string that must be "" (names in "empty" mode). */
const EMPTY = "empty" as const;
type Shape = typeof L | typeof EMPTY | Shape[] | { [key: string]: Shape };

function check(value: unknown, shape: Shape, path: string, errors: string[]): void {
  if (shape === L) {
    if (value !== null && typeof value === "object") errors.push(`${path}: expected a scalar`);
    return;
  }
  if (shape === EMPTY) {
    if (value !== "") errors.push(`${path}: expected "" (names: empty), got ${JSON.stringify(value)}`);
    return;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) {
      errors.push(`${path}: expected an array`);
      return;
    }
    for (const [i, v] of value.entries()) check(v, shape[0] as Shape, `${path}[${i}]`, errors);
    return;
  }
  if (value === null) return; // an object Roblox may send as null (e.g. restriction)
  if (typeof value !== "object" || Array.isArray(value)) {
    errors.push(`${path}: expected an object`);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    const sub = shape[k];
    if (sub === undefined) errors.push(`${path}.${k}: not a field Roblox names here`);
    else check(v, sub, `${path}.${k}`, errors);
  }
}

const leaves = (...keys: string[]): Record<string, Shape> => Object.fromEntries(keys.map((k) => [k, L]));

/** name/displayName where the `names` switch puts them (docs/roblox-behaviour.md, "Names in friends listings"). */
function names(m: PayloadModes): Record<string, Shape> {
  if (m.names === "absent") return {};
  if (m.names === "empty") return { name: EMPTY, displayName: EMPTY };
  return leaves("name", "displayName");
}
/** The other user fields of the friends API models, with `userDetails: "present"` only. */
function details(m: PayloadModes): Record<string, Shape> {
  return m.userDetails === "present"
    ? leaves("hasVerifiedBadge", "description", "created", "isBanned", "externalAppDisplayName")
    : {};
}

function shapes(m: PayloadModes) {
  // seed 000: Roblox.Friends.Api.FriendRequestResponse and its FriendRequest (fields from Roblox's
  // friends OpenAPI, docs/roblox-behaviour.md "Friend-request items")
  const requestItem: Shape = {
    friendRequest: leaves(
      "sentAt",
      "senderId",
      "sourceUniverseId",
      "originSourceType",
      "contactName",
      "senderNickname",
    ),
    mutualFriendsList: [L],
    id: L,
    ...details(m),
    ...names(m),
  };
  // seed 000: Roblox.Friends.Api.Models.Response.UserResponse
  const userResponse: Shape = {
    id: L,
    ...names(m),
    ...(m.userDetails === "present"
      ? {
          ...leaves("isOnline", "presenceType", "isDeleted", "friendFrequentScore", "friendFrequentRank"),
          ...details(m),
        }
      : {}),
  };
  // seed 000: CursoredPagedResult of FriendResponse { id, hasVerifiedBadge }
  const friendPage: Shape = {
    ...leaves("PreviousCursor", "NextCursor", "HasMore"),
    PageItems: [leaves("id", "hasVerifiedBadge")],
  };
  const count: Shape = leaves("count");
  const empty: Shape = {};
  // seed 000 POST presence/users + docs/roblox-behaviour.md "Presence" (userId)
  const presence: Shape = {
    userPresences: [
      leaves("userPresenceType", "lastLocation", "placeId", "rootPlaceId", "gameId", "universeId", "userId"),
    ],
  };
  return {
    requestPage: { ...leaves("previousPageCursor", "nextPageCursor"), data: [requestItem] } as Shape,
    // docs/roblox-behaviour.md "Trusted connections": TrustedFriendRequestResponse { sentAt, senderId }
    trustedPage: {
      ...leaves("previousPageCursor", "nextPageCursor"),
      data: [leaves("sentAt", "senderId")],
    } as Shape,
    userList: { data: [userResponse] } as Shape,
    friendPage,
    // seed 000: UserPresenceResponse { userPresence, sortScore, id, name, displayName }; the
    // userPresence model from Roblox's friends OpenAPI (docs/roblox-behaviour.md "Presence")
    online: {
      data: [
        {
          userPresence: leaves(
            "UserPresenceType",
            "UserLocationType",
            "lastLocation",
            "placeId",
            "rootPlaceId",
            "gameInstanceId",
            "universeId",
            "lastOnline",
          ),
          sortScore: L,
          id: L,
          ...names(m),
        },
      ],
    } as Shape,
    statuses: { data: [leaves("id", "status")] } as Shape,
    metadata: leaves(
      "isFriendsFilterBarEnabled",
      "isFriendsPageSortExperimentEnabled",
      "isFriendsUserDataStoreCacheEnabled",
      "frequentFriendSortRollout",
      "userName",
      "displayName",
    ) as Shape,
    count,
    empty,
    presence,
    captcha: leaves("success", "isCaptchaRequired") as Shape,
    declineAll: leaves("backgrounded") as Shape,
    clearNew: leaves("status") as Shape,
    qr: leaves("Success") as Shape,
    multiget: { friendsId: [L] } as Shape,
    // seed 000: UserGroupMembershipResponse; user/group/role fields from Roblox's groups OpenAPI
    groups: {
      data: [
        {
          user: leaves("buildersClubMembershipType", "hasVerifiedBadge", "userId", "username", "displayName"),
          groups: [
            {
              group: leaves(
                "id",
                "name",
                "description",
                "memberCount",
                "isBuildersClubOnly",
                "publicEntryAllowed",
                "isLocked",
                "hasVerifiedBadge",
                "hasSocialModules",
              ),
              role: leaves("id", "name", "description", "rank", "memberCount", "isBase", "color"),
              ...leaves("isPrimaryGroup", "isNotificationsEnabled"),
            },
          ],
        },
      ],
    } as Shape,
    // seed 004: GET users/authenticated
    authenticated: leaves("id", "name", "displayName") as Shape,
    // seed 004: GET users/{userId}; externalAppDisplayName from Roblox's users OpenAPI
    user: leaves(
      "id",
      "name",
      "displayName",
      "description",
      "created",
      "isBanned",
      "hasVerifiedBadge",
      "externalAppDisplayName",
    ) as Shape,
    // docs/endpoints.md "Lookups the UI needs": MultiGetUserResponse, MultiGetUserByNameResponse
    batch: { data: [leaves("hasVerifiedBadge", "id", "name", "displayName")] } as Shape,
    usernames: {
      data: [leaves("requestedUsername", "hasVerifiedBadge", "id", "name", "displayName")],
    } as Shape,
    // Roblox's thumbnails OpenAPI: ThumbnailResponse
    headshots: { data: [leaves("targetId", "state", "imageUrl", "version")] } as Shape,
    // docs/roblox-behaviour.md "Experience names by universe": GameDetailResponse
    games: {
      data: [
        {
          ...leaves(
            "id",
            "rootPlaceId",
            "name",
            "description",
            "sourceName",
            "sourceDescription",
            "price",
            "isGenreEnforced",
            "copyingAllowed",
            "playing",
            "visits",
            "maxPlayers",
            "created",
            "updated",
            "studioAccessToApisAllowed",
            "createVipServersAllowed",
            "universeAvatarType",
            "genre",
            "genre_l1",
            "genre_l2",
            "untranslated_genre_l1",
            "isAllGenre",
            "isFavoritedByUser",
            "favoritedCount",
            "licenseDescription",
            "refundLink",
            "localizedFiatPrice",
          ),
          creator: leaves("id", "name", "type", "isRNVAccount", "hasVerifiedBadge"),
          allowedGearGenres: [L],
          allowedGearCategories: [L],
        },
      ],
    } as Shape,
    // seed 004: settings-and-options; the seed elides "other settings" of the same form
    settings: Object.fromEntries(
      ["dailyScreenTimeLimit", "whoCanChatWithMeInApp", "contentAgeRestriction"].map((k) => [
        k,
        { currentValue: L, options: [{ option: leaves("optionType", "optionValue"), requirement: L }] },
      ]),
    ) as Shape,
    settingsUpdate: { cascadingSettingUpdates: {} } as Shape,
    weekly: { dailyScreentimes: [leaves("daysAgo", "minutesPlayed")], localDayOfWeek: L } as Shape,
    // parent side (docs/roblox-behaviour.md, "Parent accounts and consent requests")
    childrenInfo: { childrenInfoList: [leaves("userId", "userName", "displayName")] } as Shape,
    consents: {
      consents: [
        {
          ...leaves("id", "childUserId", "parentUserId", "consentType", "consentOutcome", "createdTime"),
          consentData: leaves(
            "targetUserId",
            "dailyScreenTimeLimit",
            "friendUserId",
            "friendManagementAction",
            "universeId",
            "experienceManagementAction",
            "restrictionType",
          ),
        },
      ],
      nextCursor: L,
    } as Shape,
    restriction: {
      restriction: leaves("source", "moderationStatus", "startTime", "endTime", "durationSeconds"),
    } as Shape,
    ban: {
      ...leaves("punishedUserId", "messageToUser", "punishmentTypeDescription", "beginDate", "endDate"),
      badUtterances: [leaves("labelTranslationKey", "utteranceText")],
    } as Shape,
  };
}

type Shapes = ReturnType<typeof shapes>;

interface Probe {
  route: string;
  path: string;
  shape: keyof Shapes | "boolean" | "none";
  body?: unknown;
  /** default: the child's cookie */
  cookie?: string | null;
  tracker?: string;
  /** a string it returns is the consent id to put at the end of `path` */
  setup?: (sim: Sim) => unknown;
  status?: number;
}

const F = "/friends/v1";
const PROBES: Probe[] = [
  { route: `GET ${F}/my/friends/count`, path: `${F}/my/friends/count`, shape: "count" },
  {
    route: `GET ${F}/users/:userId/friends/count`,
    path: `${F}/users/${kid.id}/friends/count`,
    shape: "count",
  },
  { route: `GET ${F}/users/:userId/friends`, path: `${F}/users/${kid.id}/friends`, shape: "userList" },
  {
    route: `GET ${F}/users/:userId/friends/find`,
    path: `${F}/users/${kid.id}/friends/find`,
    shape: "friendPage",
  },
  {
    route: `GET ${F}/users/:userId/friends/search`,
    path: `${F}/users/${kid.id}/friends/search?query=pal`,
    shape: "friendPage",
  },
  {
    route: `GET ${F}/users/:userId/friends/online`,
    path: `${F}/users/${kid.id}/friends/online`,
    shape: "online",
  },
  {
    route: `GET ${F}/users/:userId/friends/inactive`,
    path: `${F}/users/${kid.id}/friends/inactive`,
    shape: "userList",
  },
  {
    route: `GET ${F}/users/:userId/friends/statuses`,
    path: `${F}/users/${kid.id}/friends/statuses?userIds=2001&userIds=3001&userIds=4001`,
    shape: "statuses",
  },
  { route: `GET ${F}/metadata`, path: `${F}/metadata?targetUserId=2001`, shape: "metadata" },
  {
    route: `GET ${F}/my/friends/:userId/check-qr-session`,
    path: `${F}/my/friends/${kid.id}/check-qr-session`,
    shape: "boolean",
  },
  {
    route: `GET ${F}/my/friends/requests`,
    path: `${F}/my/friends/requests?limit=100`,
    shape: "requestPage",
    setup: (sim) => {
      sim.control.sendFriendRequest(4001, kid.id, { originSourceType: 11 });
      sim.control.sendFriendRequest(4002, kid.id, {
        originSourceType: 12,
        sourceUniverseId: SEED.game.universeId,
      });
    },
  },
  {
    route: `GET ${F}/my/trusted-friends/requests`,
    path: `${F}/my/trusted-friends/requests`,
    shape: "trustedPage",
    setup: (sim) => sim.control.sendTrustedRequest(2001, kid.id),
  },
  { route: `GET ${F}/user/friend-requests/count`, path: `${F}/user/friend-requests/count`, shape: "count" },
  {
    route: `GET ${F}/my/new-friend-requests/count`,
    path: `${F}/my/new-friend-requests/count`,
    shape: "count",
  },
  { route: `DELETE ${F}/my/new-friend-requests`, path: `${F}/my/new-friend-requests`, shape: "clearNew" },
  {
    route: `POST ${F}/user/friend-requests/decline-all`,
    path: `${F}/user/friend-requests/decline-all`,
    shape: "declineAll",
  },
  {
    route: `POST ${F}/users/:requesterUserId/accept-friend-request`,
    path: `${F}/users/3001/accept-friend-request`,
    shape: "empty",
  },
  {
    route: `POST ${F}/users/:requesterUserId/decline-friend-request`,
    path: `${F}/users/3001/decline-friend-request`,
    shape: "empty",
  },
  {
    route: `POST ${F}/users/:senderUserId/accept-friend-request-with-token`,
    path: `${F}/users/4001/accept-friend-request-with-token`,
    body: { friendingToken: "tok-12345678" },
    shape: "empty",
  },
  {
    route: `POST ${F}/users/:targetUserId/request-friendship`,
    path: `${F}/users/4001/request-friendship`,
    body: {},
    shape: "captcha",
  },
  {
    route: `POST ${F}/contacts/:targetContactId/request-friendship`,
    path: `${F}/contacts/${SEED.contactIds[0]}/request-friendship`,
    body: {},
    shape: "captcha",
  },
  { route: `POST ${F}/users/:targetUserId/unfriend`, path: `${F}/users/2001/unfriend`, shape: "empty" },
  {
    route: `POST ${F}/user/:userId/multiget-are-friends`,
    path: `${F}/user/${kid.id}/multiget-are-friends`,
    body: { targetUserIds: [2001, 4001] },
    shape: "multiget",
  },
  {
    route: `POST ${F}/my/friends/refresh-qr-session`,
    path: `${F}/my/friends/refresh-qr-session`,
    shape: "qr",
  },
  {
    route: "POST /presence/v1/presence/users",
    path: "/presence/v1/presence/users",
    body: { userIds: [1001, 2001, 2006, 2011, 2012, 2121] },
    shape: "presence",
  },
  {
    route: "GET /users/v1/users/authenticated",
    path: "/users/v1/users/authenticated",
    shape: "authenticated",
  },
  { route: "GET /users/v1/users/:userId", path: "/users/v1/users/2001", cookie: null, shape: "user" },
  {
    route: "POST /users/v1/users",
    path: "/users/v1/users",
    cookie: null,
    body: { userIds: [1001, 2001] },
    shape: "batch",
  },
  {
    route: "POST /users/v1/usernames/users",
    path: "/users/v1/usernames/users",
    cookie: null,
    body: { usernames: ["KidAccount"] },
    shape: "usernames",
  },
  {
    route: "GET /thumbnails/v1/users/avatar-headshot",
    path: "/thumbnails/v1/users/avatar-headshot?userIds=1001,2001&size=150x150&format=Png",
    cookie: null,
    shape: "headshots",
  },
  {
    route: "GET /groups/v1/users/:userId/friends/groups/roles",
    path: `/groups/v1/users/${kid.id}/friends/groups/roles`,
    shape: "groups",
  },
  {
    route: "GET /games/v1/games",
    path: `/games/v1/games?universeIds=${SEED.game.universeId},${SEED.hiddenGame.universeId}`,
    cookie: null,
    shape: "games",
  },
  {
    route: "GET /apis/user-settings-api/v1/user-settings/settings-and-options",
    path: "/apis/user-settings-api/v1/user-settings/settings-and-options",
    shape: "settings",
  },
  {
    route: "POST /apis/user-settings-api/v1/user-settings",
    path: "/apis/user-settings-api/v1/user-settings",
    tracker: kid.tracker,
    body: { dailyScreenTimeLimit: 60 },
    shape: "settingsUpdate",
  },
  {
    route: "GET /apis/parental-controls-api/v1/parental-controls/get-weekly-screentime",
    path: `/apis/parental-controls-api/v1/parental-controls/get-weekly-screentime?userId=${kid.id}`,
    shape: "weekly",
  },
  {
    route: "POST /apis/parental-controls-api/v1/parental-controls/add-temporary-screentime",
    path: "/apis/parental-controls-api/v1/parental-controls/add-temporary-screentime",
    body: { minutes: 15 },
    shape: "none",
    status: 204,
  },
  {
    route: "GET /apis/parental-controls-api/v1/parental-controls/children-info",
    path: "/apis/parental-controls-api/v1/parental-controls/children-info",
    cookie: SEED.parent.cookie,
    shape: "childrenInfo",
  },
  {
    route: "GET /apis/parental-controls-api/v1/parental-controls/child-settings",
    path: `/apis/parental-controls-api/v1/parental-controls/child-settings?childUserId=${kid.id}`,
    cookie: SEED.parent.cookie,
    shape: "settings",
  },
  {
    route: "GET /apis/parental-controls-api/v1/parental-controls/consents",
    path: `/apis/parental-controls-api/v1/parental-controls/consents?childUserId=${kid.id}&consentStatus=Pending`,
    cookie: SEED.parent.cookie,
    shape: "consents",
    setup: (sim) => {
      sim.control.requestConsent({ childUserId: kid.id, kind: "trusted", targetUserId: 3001 });
      sim.control.requestConsent({ childUserId: kid.id, kind: "setting", minutes: 90 });
      sim.control.requestConsent({ childUserId: kid.id, kind: "block", targetUserId: 2001 });
    },
  },
  {
    route: "POST /apis/parental-controls-api/v1/parental-controls/grant-consent",
    path: "/apis/parental-controls-api/v1/parental-controls/grant-consent",
    cookie: SEED.parent.cookie,
    body: { childUserId: kid.id, consentType: "UpdateUserSetting", details: { dailyScreenTimeLimit: 60 } },
    shape: "empty",
  },
  {
    route: "POST /apis/parental-controls-api/v1/verified-parental-consent/consent-request/:consentId",
    path: "/apis/parental-controls-api/v1/verified-parental-consent/consent-request/",
    cookie: SEED.parent.cookie,
    body: { answer: "Approve", childUserId: kid.id },
    shape: "empty",
    setup: (sim) =>
      sim.control.requestConsent({ childUserId: kid.id, kind: "trusted", targetUserId: 3001 }).id,
  },
  {
    route: "GET /usermoderation/v2/not-approved",
    path: "/usermoderation/v2/not-approved",
    shape: "restriction",
  },
  {
    route: "GET /usermoderation/v2/not-approved",
    path: "/usermoderation/v2/not-approved",
    shape: "restriction",
    setup: (sim) => sim.control.startRestriction({ userId: kid.id, source: 2 }),
  },
  { route: "GET /usermoderation/v1/not-approved", path: "/usermoderation/v1/not-approved", shape: "ban" },
  {
    route: "GET /usermoderation/v1/not-approved",
    path: "/usermoderation/v1/not-approved",
    shape: "ban",
    setup: (sim) => sim.control.startRestriction({ userId: kid.id, source: 1 }),
  },
];

const MODES: Partial<PayloadModes>[] = [
  {},
  { names: "empty" },
  { names: "present", userDetails: "present" },
  { names: "empty", userDetails: "present", joinsOffUniverseId: "present" },
];

async function probe(sim: Sim, p: Probe, made: unknown): Promise<CallResult> {
  const id = typeof made === "string" ? made : undefined;
  const body = id !== undefined && p.body !== undefined ? { ...(p.body as object), consentId: id } : p.body;
  const opts = {
    ...(p.cookie === null ? {} : { cookie: p.cookie ?? kid.cookie }),
    ...(p.tracker ? { tracker: p.tracker } : {}),
    ...(body !== undefined ? { body } : {}),
  };
  const path = p.path + (id ?? "");
  const method = p.route.split(" ")[0]!;
  return method === "GET" ? call(sim, method, path, opts) : callCsrf(sim, method, path, opts);
}

describe("fields of every 200 answer", () => {
  it("every route has a probe", () => {
    const probed = new Set(PROBES.map((p) => p.route));
    const missing = buildRouter()
      .routes()
      .map((r) => `${r.method} ${r.pattern}`)
      .filter((r) => !probed.has(r));
    expect(missing).toEqual([]);
  });

  for (const modes of MODES) {
    it(`only documented fields with modes ${JSON.stringify(modes)}`, async () => {
      const errors: string[] = [];
      for (const p of PROBES) {
        fx.sim.control.reset();
        const m = fx.sim.control.setModes(modes);
        const made = p.setup?.(fx.sim);
        const r = await probe(fx.sim, p, made);
        const where = `${p.route} (${p.path})`;
        expect(r.status, where).toBe(p.status ?? 200);
        if (p.shape === "none") expect(r.text, where).toBe("");
        else if (p.shape === "boolean") expect(typeof r.json, where).toBe("boolean");
        else check(r.json, shapes(m)[p.shape], where, errors);
      }
      expect(errors).toEqual([]);
    });
  }

  it("catches a field nobody documented: a name on a request item while names are absent", () => {
    const errors: string[] = [];
    const m = fx.sim.control.getModes();
    check(
      {
        previousPageCursor: null,
        nextPageCursor: null,
        data: [{ id: 1, name: "x", friendRequest: {}, mutualFriendsList: [] }],
      },
      shapes(m).requestPage,
      "requests",
      errors,
    );
    expect(errors).toEqual(["requests.data[0].name: not a field Roblox names here"]);
  });
});
