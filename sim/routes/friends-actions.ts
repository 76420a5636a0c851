import { randomUUID } from "node:crypto";
import { friendsErr, type Reply } from "../errors.js";
import type { Ctx, Router } from "../router.js";
import { MAX_FRIENDS } from "../state.js";
import { friendGate } from "./friends-requests.js";
import { bodyObject, idArray, param } from "./util.js";

const COOKIE = { auth: "cookie" } as const;
const F = "/friends/v1";
const NICKNAME_RE = /^[\p{L}\p{N}_ ]{1,20}$/u;

/** 403 code 14 plus the challenge headers Roblox sends with a captcha. */
export function captchaReply(): Reply {
  const id = randomUUID();
  const metadata = Buffer.from(JSON.stringify({ unifiedCaptchaId: id, actionType: "AddFriend" })).toString(
    "base64",
  );
  return friendsErr(403, 14, {
    "rblx-challenge-id": id,
    "rblx-challenge-type": "captcha",
    "rblx-challenge-metadata": metadata,
  });
}

function requestFriendship(ctx: Ctx, to: number | undefined): Reply {
  const s = ctx.state;
  const me = ctx.userId!;
  if (to === undefined || !s.users.has(to)) return friendsErr(400, 1);
  const body = bodyObject(ctx);
  const source = body.friendshipOriginSourceType ?? 0;
  if (typeof source !== "number" || !Number.isInteger(source) || source < 0 || source > 10) {
    return friendsErr(400, 6);
  }
  const nickname = body.senderNickname ?? "";
  if (typeof nickname !== "string" || (nickname !== "" && !NICKNAME_RE.test(nickname)))
    return friendsErr(400, 35);
  if (to === me) return friendsErr(400, 7);
  if (ctx.user?.isBanned) return friendsErr(403, 2);
  if (s.captcha.has(me)) return captchaReply();
  if ((s.friends.get(me)?.size ?? 0) >= MAX_FRIENDS) return friendsErr(400, 31);
  const gate = friendGate(s, me, to);
  if (gate) return gate;
  if (s.getRequest(to, me)) {
    // The other side already asked: sending back accepts, as on Roblox.
    s.makeFriends(me, to);
  } else {
    s.addRequest(me, to, { nickname, originSourceType: source });
  }
  return { status: 200, body: { success: true, isCaptchaRequired: false } };
}

export function registerFriendActions(r: Router): void {
  r.add("POST", `${F}/users/:targetUserId/request-friendship`, COOKIE, (ctx) =>
    requestFriendship(ctx, param(ctx, "targetUserId")),
  );

  r.add("POST", `${F}/contacts/:targetContactId/request-friendship`, COOKIE, (ctx) => {
    const contact = ctx.params.targetContactId ?? "";
    if (contact === "" || contact.length > 100) return friendsErr(400, 6);
    return requestFriendship(ctx, ctx.state.contacts.get(contact));
  });

  r.add("POST", `${F}/users/:targetUserId/unfriend`, COOKIE, (ctx) => {
    const to = param(ctx, "targetUserId");
    if (to === undefined || !ctx.state.users.has(to)) return friendsErr(400, 1);
    ctx.state.unfriend(ctx.userId!, to);
    return { status: 200, body: {} };
  });

  r.add("POST", `${F}/user/:userId/multiget-are-friends`, COOKIE, (ctx) => {
    const id = param(ctx, "userId");
    if (id === undefined || !ctx.state.users.has(id)) return friendsErr(400, 1);
    const ids = idArray(bodyObject(ctx).targetUserIds ?? []);
    if (ids === undefined) return friendsErr(400, 1);
    const friends = ctx.state.friends.get(id);
    return { status: 200, body: { friendsId: ids.filter((t) => friends?.has(t) ?? false) } };
  });

  r.add("POST", `${F}/my/friends/refresh-qr-session`, COOKIE, () => ({
    status: 200,
    body: { Success: true },
  }));
}
