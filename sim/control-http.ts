import type { ControlError, SimControl } from "./control.js";
import type { Reply } from "./errors.js";

type Body = Record<string, unknown>;
const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
const num = (v: unknown): number => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : (v as number));

/** Maps `/__sim/<route>` to SimControl; ControlError → 400 `{error}`, unknown route → 404. */
export function controlHttp(c: SimControl, method: string, path: string, body: Body): Reply {
  const route = path.replace(/^\/__sim\/?/, "").replace(/\/$/, "");
  const seg = route.split("/");
  const key = `${method} ${seg[0] ?? ""}${seg[1] !== undefined && !/^\d+$/.test(seg[1]) ? `/${seg[1]}` : ""}`;
  const idSeg = seg.find((s) => /^\d+$/.test(s));
  switch (key) {
    case "POST reset":
      c.reset();
      return ok();
    case "POST users":
      return ok(c.createUser(body as never));
    case "POST bulk-accounts":
      return ok(c.bulkAccounts(body as never));
    case "POST friend-requests": {
      const { from, to, ...opts } = body;
      c.sendFriendRequest(num(from), num(to), opts as never);
      return ok();
    }
    case "POST friend-requests/accept":
      c.acceptFriendRequest(num(body.from), num(body.to));
      return ok();
    case "POST friend-requests/decline":
      c.declineFriendRequest(num(body.from), num(body.to));
      return ok();
    case "POST trusted-requests": {
      const { from, to, ...opts } = body;
      c.sendTrustedRequest(num(from), num(to), opts as never);
      return ok();
    }
    case "POST trusted-requests/accept":
      c.acceptTrustedRequest(num(body.from), num(body.to));
      return ok();
    case "POST trusted-requests/ignore":
      c.ignoreTrustedRequest(num(body.from), num(body.to));
      return ok();
    case "POST parent-links":
      c.linkParent(num(body.parent), num(body.child));
      return ok();
    case "POST consents":
      return ok(c.requestConsent({ ...body, childUserId: num(body.childUserId) } as never));
    case "POST consents/answer":
      c.answerConsent(String(body.id), body.answer === "Deny" ? "Deny" : "Approve");
      return ok();
    case "GET modes":
      return ok(c.getModes());
    case "POST modes":
      return ok(c.setModes(body as never));
    case "POST universes":
      c.addUniverse({ ...body, id: num(body.id) } as never);
      return ok();
    case "POST friends":
      c.addFriends(num(body.a), num(body.b));
      return ok();
    case "DELETE friends":
      c.removeFriends(num(body.a), num(body.b));
      return ok();
    case "POST presence":
      c.setPresence({ ...body, userId: num(body.userId) } as never);
      return ok();
    case "POST restrictions":
      return ok({ restriction: c.startRestriction({ ...body, userId: num(body.userId) } as never) });
    case "DELETE restrictions":
      c.endRestriction(num(idSeg ?? body.userId));
      return ok();
    case "POST screentime":
      c.setScreenTime({ ...body, userId: num(body.userId) } as never);
      return ok();
    case "POST cookies/expire":
      c.expireCookie(num(body.userId));
      return ok();
    case "POST cookies/rotate":
      c.rotateCookie(num(body.userId));
      return ok();
    case "POST cookies/issue":
      return ok({ cookie: c.issueCookie(num(body.userId)) });
    case "GET cookies":
      return ok({ cookie: c.cookieOf(num(idSeg)) ?? null });
    case "POST csrf/rotate":
      c.rotateCsrf(body.userId === undefined ? undefined : num(body.userId));
      return ok();
    case "POST captcha":
      c.setCaptcha(num(body.userId), body.required !== false);
      return ok();
    case "POST thumbnails":
      c.setThumbnailState(num(body.userId), (body.state ?? null) as never);
      return ok();
    case "POST blocks":
      c.setBlocked(num(body.a), num(body.b), true);
      return ok();
    case "DELETE blocks":
      c.setBlocked(num(body.a), num(body.b), false);
      return ok();
    case "POST faults":
      c.addFault(body as never);
      return ok();
    case "DELETE faults":
      c.clearFaults();
      return ok();
    case "GET log":
      return ok(c.getLog());
    case "DELETE log":
      c.clearLog();
      return ok();
    case "GET state":
      return ok(c.dumpState());
    case "POST latency":
      c.setLatency(num(body.ms));
      return ok();
    default:
      return { status: 404, body: { error: `no control route ${method} /__sim/${route}` } };
  }
}

export function controlErrorReply(e: ControlError): Reply {
  return { status: 400, body: { error: e.message } };
}
