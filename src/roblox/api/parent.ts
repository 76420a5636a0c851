/**
 * The parent side of parental controls: calls made with a parent's own cookie about the children
 * Roblox links to it (apis.roblox.com/parental-controls-api). Shapes, sources and how sure we are:
 * docs/roblox-behaviour.md, "Parent accounts and consent requests". Every POST carries CSRF.
 */
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import { BadInputError } from "../transport/errors.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, type RobloxId } from "../transport/url.js";
import { minutesByDay, PARENTAL_ENDPOINTS, type WeeklyScreentime } from "./parental.js";
import * as S from "./schemas.js";

const ep = endpointsOf("parental-controls", "apis");
const PC = "/parental-controls-api/v1/parental-controls";

export const PARENT_ENDPOINTS = {
  childrenInfo: ep("parent.childrenInfo", `GET ${PC}/children-info`, "cookie"),
  childSettings: ep("parent.childSettings", `GET ${PC}/child-settings`, "cookie"),
  // pages by `nextCursor` (neither of the seeds' two styles); pendingConsents follows it
  consents: ep("parent.consents", `GET ${PC}/consents`, "cookie"),
  grantConsent: ep("parent.grantConsent", `POST ${PC}/grant-consent`, "cookie+csrf"),
  answerConsent: ep(
    "parent.answerConsent",
    "POST /parental-controls-api/v1/verified-parental-consent/consent-request/{consentId}",
    "cookie+csrf",
  ),
} as const;

/**
 * The grant-consent types roguard sends: a setting (the daily limit) and a friend (block,
 * unblock). Roblox knows more (docs/roblox-behaviour.md, "Parent accounts and consent requests");
 * a request of another type is read as a PendingConsent with its type as Roblox names it.
 */
export type ConsentType = "UpdateUserSetting" | "ManageFriend";

/** Consent ids are opaque strings (UUID-like); they go into a URL path and a button's custom id. */
export const CONSENT_ID_RE = /^[A-Za-z0-9-]{1,64}$/;

export function checkConsentId(v: string): string {
  if (!CONSENT_ID_RE.test(v)) throw new BadInputError("bad consent id", "error.roblox.badConsentId");
  return v;
}

export interface LinkedChild {
  userId: number;
  /** absent when Roblox leaves the names out */
  name?: string;
  displayName?: string;
}

/** One pending request, with the consentData fields roguard reads pulled out as ids. */
export interface PendingConsent {
  id: string;
  childUserId: number;
  consentType: string;
  /** AddTrustedConnection: who the child wants as a trusted connection */
  targetUserId?: number;
  /** ManageFriend: who to block or unblock, and which */
  friendUserId?: number;
  friendAction?: string;
  /** ManageExperience */
  universeId?: number;
  experienceAction?: string;
  /** UpdateUserSetting: the setting names and values asked for */
  settings: Record<string, string | number | boolean>;
  /** LiftRestriction */
  restrictionType?: string;
  createdTime?: string;
}

/** consentData fields read as ids, and as words, each into its PendingConsent field. */
const ID_FIELDS = {
  targetUserId: "targetUserId",
  friendUserId: "friendUserId",
  universeId: "universeId",
} as const;
const WORD_FIELDS = {
  friendManagementAction: "friendAction",
  experienceManagementAction: "experienceAction",
  restrictionType: "restrictionType",
} as const;
const SKIP_SETTING = new Set([...Object.keys(ID_FIELDS), ...Object.keys(WORD_FIELDS)]);

const idOf = (v: unknown): number | undefined => {
  const n = typeof v === "string" && /^\d{1,20}$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const strOf = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Pure: Roblox's consent item → the fields roguard uses. Unknown consentData keys are settings. */
export function toPendingConsent(c: S.ConsentT): PendingConsent {
  const d = c.consentData ?? {};
  const out: PendingConsent = {
    id: c.id,
    childUserId: c.childUserId,
    consentType: c.consentType,
    settings: {},
  };
  for (const [from, to] of Object.entries(ID_FIELDS)) {
    const v = idOf(d[from]);
    if (v !== undefined) out[to] = v;
  }
  for (const [from, to] of Object.entries(WORD_FIELDS)) {
    const v = strOf(d[from]);
    if (v !== undefined) out[to] = v;
  }
  for (const [k, v] of Object.entries(d)) {
    if (SKIP_SETTING.has(k)) continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.settings[k] = v;
  }
  if (typeof c.createdTime === "string") out.createdTime = c.createdTime;
  return out;
}

/** Pure: the children of a children-info answer (entries without a usable id are dropped). */
export function toChildren(r: { childrenInfoList?: S.ChildInfoT[] | null | undefined }): LinkedChild[] {
  return (r.childrenInfoList ?? []).map((c) => {
    const out: LinkedChild = { userId: c.userId };
    if (typeof c.userName === "string" && c.userName !== "") out.name = c.userName;
    if (typeof c.displayName === "string" && c.displayName !== "") out.displayName = c.displayName;
    return out;
  });
}

/** Pages of `consents` the client follows at most (a family has a handful of requests). */
const MAX_CONSENT_PAGES = 5;

export function parentApi(t: RobloxHttp) {
  /** The children linked to the session's (parent) account; [] for an account with none. */
  const children = async (s: RobloxSession, o?: CallOptions): Promise<LinkedChild[]> =>
    toChildren(await t.call(PARENT_ENDPOINTS.childrenInfo, { session: s, schema: S.ChildrenInfo }, o));

  /** The child's settings with options, as the child's own settings-and-options answers them. */
  const childSettings = async (s: RobloxSession, childUserId: RobloxId, o?: CallOptions) =>
    t.call(
      PARENT_ENDPOINTS.childSettings,
      {
        session: s,
        query: { childUserId: checkId(childUserId, "childUserId") },
        schema: S.SettingsAndOptions,
      },
      o,
    );

  /** A child's weekly screen time read by its parent (same endpoint as the child's own). */
  const childWeekly = async (
    s: RobloxSession,
    childUserId: RobloxId,
    o?: CallOptions,
  ): Promise<WeeklyScreentime> => {
    const query = { userId: checkId(childUserId, "userId") };
    const r = await t.call(PARENTAL_ENDPOINTS.weekly, { session: s, query, schema: S.WeeklyScreentime }, o);
    return { ...r, days: minutesByDay(r.dailyScreentimes) };
  };

  /** Every pending consent request of one child (follows `nextCursor`, bounded). */
  const pendingConsents = async (
    s: RobloxSession,
    childUserId: RobloxId,
    o?: CallOptions,
  ): Promise<PendingConsent[]> => {
    const out: PendingConsent[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CONSENT_PAGES; page++) {
      const query = { childUserId: checkId(childUserId, "childUserId"), consentStatus: "Pending", cursor };
      const r = await t.call(PARENT_ENDPOINTS.consents, { session: s, query, schema: S.ConsentsPage }, o);
      for (const c of r.consents ?? []) out.push(toPendingConsent(c));
      if (!r.nextCursor) break;
      cursor = r.nextCursor;
    }
    return out;
  };

  /** A change the parent makes directly (no request from the child): block, limit, … */
  const grantConsent = async (
    s: RobloxSession,
    childUserId: RobloxId,
    consentType: ConsentType,
    details: Record<string, string | number | boolean>,
    o?: CallOptions,
  ): Promise<void> => {
    const body = { childUserId: Number(checkId(childUserId, "childUserId")), consentType, details };
    await t.call(PARENT_ENDPOINTS.grantConsent, { session: s, body, schema: S.EmptyResponse }, o);
  };

  /** Approves or denies one pending request. Roblox errors on a request no longer pending. */
  const answerConsent = async (
    s: RobloxSession,
    consentId: string,
    childUserId: RobloxId,
    answer: "Approve" | "Deny",
    o?: CallOptions,
  ): Promise<void> => {
    const id = checkConsentId(consentId);
    const body = { consentId: id, answer, childUserId: Number(checkId(childUserId, "childUserId")) };
    await t.call(
      PARENT_ENDPOINTS.answerConsent,
      { session: s, params: { consentId: id }, body, schema: S.EmptyResponse },
      o,
    );
  };

  return { children, childSettings, childWeekly, pendingConsents, grantConsent, answerConsent };
}

export type ParentApi = ReturnType<typeof parentApi>;
