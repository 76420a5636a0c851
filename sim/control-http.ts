import type { ControlError, SimControl } from "./control.js";
import type { Reply } from "./errors.js";

type Body = Record<string, unknown>;
type Route = (c: SimControl, b: Body, idSeg: string | undefined) => unknown;
const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const num = (v: unknown): number => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : (v as number));
const withUserId = (b: Body) => ({ ...b, userId: num(b.userId) }) as never;

/** Routes that answer `{ ok: true }` once SimControl has done them. */
const ACTIONS: Record<string, Route> = {
  "POST reset": (c) => c.reset(),
  "POST friend-requests": (c, { from, to, ...opts }) =>
    c.sendFriendRequest(num(from), num(to), opts as never),
  "POST friend-requests/accept": (c, b) => c.acceptFriendRequest(num(b.from), num(b.to)),
  "POST friend-requests/decline": (c, b) => c.declineFriendRequest(num(b.from), num(b.to)),
  "POST trusted-requests": (c, { from, to, ...opts }) =>
    c.sendTrustedRequest(num(from), num(to), opts as never),
  "POST trusted-requests/accept": (c, b) => c.acceptTrustedRequest(num(b.from), num(b.to)),
  "POST trusted-requests/ignore": (c, b) => c.ignoreTrustedRequest(num(b.from), num(b.to)),
  "POST parent-links": (c, b) => c.linkParent(num(b.parent), num(b.child)),
  "POST consents/answer": (c, b) => c.answerConsent(String(b.id), b.answer === "Deny" ? "Deny" : "Approve"),
  "POST universes": (c, b) => c.addUniverse({ ...b, id: num(b.id) } as never),
  "POST friends": (c, b) => c.addFriends(num(b.a), num(b.b)),
  "DELETE friends": (c, b) => c.removeFriends(num(b.a), num(b.b)),
  "POST presence": (c, b) => c.setPresence(withUserId(b)),
  "DELETE restrictions": (c, b, idSeg) => c.endRestriction(num(idSeg ?? b.userId)),
  "POST screentime": (c, b) => c.setScreenTime(withUserId(b)),
  "POST cookies/expire": (c, b) => c.expireCookie(num(b.userId)),
  "POST cookies/rotate": (c, b) => c.rotateCookie(num(b.userId)),
  "POST csrf/rotate": (c, b) => c.rotateCsrf(b.userId === undefined ? undefined : num(b.userId)),
  "POST captcha": (c, b) => c.setCaptcha(num(b.userId), b.required !== false),
  "POST thumbnails": (c, b) => c.setThumbnailState(num(b.userId), (b.state ?? null) as never),
  "POST blocks": (c, b) => c.setBlocked(num(b.a), num(b.b), true),
  "DELETE blocks": (c, b) => c.setBlocked(num(b.a), num(b.b), false),
  "POST faults": (c, b) => c.addFault(b as never),
  "DELETE faults": (c) => c.clearFaults(),
  "DELETE log": (c) => c.clearLog(),
  "POST latency": (c, b) => c.setLatency(num(b.ms)),
};

/** Routes that answer with what SimControl returns. */
const ANSWERS: Record<string, Route> = {
  "POST users": (c, b) => c.createUser(b as never),
  "POST bulk-accounts": (c, b) => c.bulkAccounts(b as never),
  "POST consents": (c, b) => c.requestConsent({ ...b, childUserId: num(b.childUserId) } as never),
  "GET modes": (c) => c.getModes(),
  "POST modes": (c, b) => c.setModes(b as never),
  "POST restrictions": (c, b) => ({ restriction: c.startRestriction(withUserId(b)) }),
  "POST cookies/issue": (c, b) => ({ cookie: c.issueCookie(num(b.userId)) }),
  "GET cookies": (c, _b, idSeg) => ({ cookie: c.cookieOf(num(idSeg)) ?? null }),
  "GET log": (c) => c.getLog(),
  "GET state": (c) => c.dumpState(),
};

/** Maps `/__sim/<route>` to SimControl; ControlError → 400 `{error}`, unknown route → 404. */
export function controlHttp(c: SimControl, method: string, path: string, body: Body): Reply {
  const route = path.replace(/^\/__sim\/?/, "").replace(/\/$/, "");
  const seg = route.split("/");
  const key = `${method} ${seg[0] ?? ""}${seg[1] !== undefined && !/^\d+$/.test(seg[1]) ? `/${seg[1]}` : ""}`;
  const idSeg = seg.find((s) => /^\d+$/.test(s));
  const action = ACTIONS[key];
  if (action) {
    action(c, body, idSeg);
    return ok();
  }
  const answer = ANSWERS[key];
  if (answer) return ok(answer(c, body, idSeg));
  return { status: 404, body: { error: `no control route ${method} /__sim/${route}` } };
}

export function controlErrorReply(e: ControlError): Reply {
  return { status: 400, body: { error: e.message } };
}
