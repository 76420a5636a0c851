import type { Router } from "../router.js";

const EXEMPT = { auth: "cookie", moderationExempt: true } as const;

export function registerModeration(r: Router): void {
  r.add("GET", "/usermoderation/v2/not-approved", EXEMPT, (ctx) => {
    const rs = ctx.state.restrictionOf(ctx.userId!, ctx.now);
    if (!rs) return { status: 200, body: { restriction: null } };
    const end = rs.endTime === null ? null : Date.parse(rs.endTime);
    return {
      status: 200,
      body: {
        restriction: {
          source: rs.source,
          moderationStatus: 2,
          startTime: rs.startTime,
          endTime: rs.endTime,
          durationSeconds: end === null ? null : Math.max(0, Math.round((end - ctx.now) / 1000)),
        },
      },
    };
  });

  // Ban details only (source 1); `{}` otherwise.
  r.add("GET", "/usermoderation/v1/not-approved", EXEMPT, (ctx) => {
    const rs = ctx.state.restrictionOf(ctx.userId!, ctx.now);
    if (rs?.source !== 1) return { status: 200, body: {} };
    return {
      status: 200,
      body: {
        punishedUserId: ctx.userId,
        messageToUser: rs.messageToUser,
        punishmentTypeDescription: rs.punishmentTypeDescription,
        beginDate: rs.startTime,
        endDate: rs.endTime,
        badUtterances: [],
      },
    };
  });
}
