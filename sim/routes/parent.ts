/**
 * The parent side of parental controls: a parent's own cookie reads its linked children and
 * answers their consent requests. Shapes, sources and confidence: docs/roblox-behaviour.md,
 * "Parent accounts and consent requests".
 */
import { CONSENT_TYPES, type Consent, type ConsentType, consentJson } from "../consents.js";
import { err, type Reply } from "../errors.js";
import type { Ctx, Router } from "../router.js";
import type { SimState } from "../state.js";
import { settingsAndOptions } from "./settings.js";
import { bodyObject, toId } from "./util.js";

const BASE = "/apis/parental-controls-api/v1/parental-controls";
const VPC = "/apis/parental-controls-api/v1/verified-parental-consent";
/** What the simulator answers a parent for a child it is not linked to (no public source). */
export const NOT_LINKED = "Forbidden";
/** What a second answer to the same consent request gets (no public source for the code). */
export const ALREADY_ANSWERED = "ConsentAlreadyApplied";

/** The child named by `name` (query or body), if this parent is linked to it; else the error. */
function linkedChild(ctx: Ctx, raw: unknown): number | Reply {
  const id = toId(raw);
  if (id === undefined) return err(400, 0, "Invalid childUserId.");
  if (!ctx.state.isParentOf(ctx.userId!, id)) return err(403, 0, NOT_LINKED);
  return id;
}

/** What approving a request changes in the world (the parts the simulator models). */
export function applyConsent(
  s: SimState,
  child: number,
  type: ConsentType,
  data: Record<string, unknown>,
): void {
  if (type === "AddTrustedConnection") {
    const target = toId(data.targetUserId);
    if (target !== undefined && s.users.has(target)) s.makeTrusted(child, target);
  } else if (type === "UpdateUserSetting") {
    const v = data.dailyScreenTimeLimit;
    if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 1440)
      s.screenTimeOf(child).dailyLimit = v;
  } else if (type === "ManageFriend") {
    const friend = toId(data.friendUserId);
    if (friend === undefined) return;
    const key = child < friend ? `${child}:${friend}` : `${friend}:${child}`;
    if (data.friendManagementAction === "Block") {
      s.unfriend(child, friend);
      s.blocks.add(key);
    } else if (data.friendManagementAction === "Unblock") s.blocks.delete(key);
  }
}

export function registerParent(r: Router): void {
  r.add("GET", `${BASE}/children-info`, { auth: "cookie" }, (ctx) => {
    const list = [...ctx.state.childrenOf(ctx.userId!)].flatMap((id) => {
      const u = ctx.state.users.get(id);
      return u ? [{ userId: u.id, userName: u.name, displayName: u.displayName }] : [];
    });
    return { status: 200, body: { childrenInfoList: list } };
  });

  r.add("GET", `${BASE}/child-settings`, { auth: "cookie" }, (ctx) => {
    const child = linkedChild(ctx, ctx.query.get("childUserId"));
    if (typeof child !== "number") return child;
    return { status: 200, body: settingsAndOptions(ctx.state, child, true) };
  });

  r.add("GET", `${BASE}/consents`, { auth: "cookie" }, (ctx) => {
    const child = linkedChild(ctx, ctx.query.get("childUserId"));
    if (typeof child !== "number") return child;
    const status = ctx.query.get("consentStatus");
    if (status !== null && status !== "Pending") return err(400, 0, "Invalid consentStatus.");
    const type = ctx.query.get("consentType");
    const consents: Consent[] = [];
    for (const c of ctx.state.consents.values()) {
      if (c.childUserId !== child || c.status !== "Pending") continue;
      if (type !== null && type !== "" && c.consentType !== type) continue;
      consents.push(c);
    }
    return { status: 200, body: { consents: consents.map(consentJson), nextCursor: null } };
  });

  r.add("POST", `${BASE}/grant-consent`, { auth: "cookie" }, (ctx) => {
    const body = bodyObject(ctx);
    const child = linkedChild(ctx, body.childUserId);
    if (typeof child !== "number") return child;
    const type = body.consentType;
    if (typeof type !== "string" || !(CONSENT_TYPES as readonly string[]).includes(type))
      return err(400, 0, "Invalid consentType.");
    const details = body.details;
    if (details === null || typeof details !== "object" || Array.isArray(details))
      return err(400, 0, "Invalid details.");
    applyConsent(ctx.state, child, type as ConsentType, details as Record<string, unknown>);
    return { status: 200, body: {} };
  });

  r.add("POST", `${VPC}/consent-request/:consentId`, { auth: "cookie" }, (ctx) => {
    const c = ctx.state.consents.get(ctx.params.consentId ?? "");
    if (!c) return err(404, 0, "NotFound");
    const body = bodyObject(ctx);
    if (!ctx.state.isParentOf(ctx.userId!, c.childUserId)) return err(403, 0, NOT_LINKED);
    const answer = body.answer;
    if (answer !== "Approve" && answer !== "Deny") return err(400, 0, "Invalid answer.");
    if (c.status !== "Pending") return err(400, 0, ALREADY_ANSWERED);
    c.status = answer === "Approve" ? "Approved" : "Denied";
    c.parentUserId = ctx.userId;
    if (c.status === "Approved") applyConsent(ctx.state, c.childUserId, c.consentType, c.consentData);
    return { status: 200, body: {} };
  });
}
