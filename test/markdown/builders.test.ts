// Every reply, embed and alert builder, fed hostile text where Roblox (or a member) controls the
// text: nothing it renders may be live markdown that the same builder does not also render when
// that text is plain letters. The builders are enumerated below; the last test scans the builder
// modules' exports so that a new builder fails here until it has a case (or a reason not to).
//
// Replies built inside command handlers (they need a Roblox session) are covered end to end in
// test/e2e/markdown.e2e.test.ts, through the fake Discord, with the same checker.
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditLine } from "../../src/commands/audit.js";
import { requestEmbed } from "../../src/commands/requests/list.js";
import { restrictionEmbed } from "../../src/commands/restrictions.js";
import { accountName } from "../../src/commands/roblox/manage.js";
import { screenTimeEmbed } from "../../src/commands/screentime.js";
import { profileEmbed } from "../../src/commands/user.js";
import { noteGrant } from "../../src/components/screentime-buttons.js";
import { sideNote } from "../../src/domain/child-side.js";
import type { RequestCard } from "../../src/domain/friend-requests.js";
import { parentName } from "../../src/domain/parents.js";
import { editRequestMessage, noteText } from "../../src/domain/request-message.js";
import { connectionAlert } from "../../src/jobs/connections/connections-render.js";
import { cookieAlert } from "../../src/jobs/cookie/cookie-render.js";
import type { AccountInfo } from "../../src/jobs/delivery/alert-message.js";
import { describeSnap, digestAlert, presenceAlert } from "../../src/jobs/presence/presence-render.js";
import { requestAlert } from "../../src/jobs/requests/requests-render.js";
import {
  restrictionEndAlert,
  restrictionStartAlert,
} from "../../src/jobs/restrictions/restrictions-render.js";
import { screenTimeAlert } from "../../src/jobs/screentime/screentime-render.js";
import type { OutMessage } from "../../src/jobs/state.js";
import { summaryAlert } from "../../src/jobs/summary/summary-render.js";
import { accountEmbed, userLine, userListEmbed } from "../../src/ui/embeds.js";
import { hostile, plain } from "./hostile.js";
import { beyond, liveIn, type Payload } from "./live.js";

const NOW = Date.parse("2025-06-01T12:00:00Z");
const AVATAR = "https://tr.rbxcdn.com/avatar.png";

type Render = (t: readonly string[]) => Payload[];

interface BuilderCase {
  /** How many Roblox-controlled strings the case takes. */
  texts: number;
  render: Render;
}

const embed = (e: unknown): Payload => ({ embeds: [e] });
const card = (o: Partial<RequestCard> = {}): RequestCard => ({
  person: { id: "3001", name: "friend_z", displayName: "Zed" },
  created: Date.parse("2020-01-01T00:00:00Z"),
  verified: true,
  sentAt: Date.parse("2025-06-01T11:00:00Z"),
  mutual: [],
  origin: undefined,
  experience: undefined,
  trusted: false,
  ...o,
});
const text = (s: string): Payload => ({ content: s });
const out = (m: OutMessage): Payload => ({ embeds: m.embeds });
const account = (t: readonly string[]): AccountInfo => ({
  robloxId: "1001",
  robloxName: t[0] as string,
  displayName: t[1] as string,
  label: t[2] as string,
});

/** module path (below src) → export name → case. */
const CASES: Record<string, Record<string, BuilderCase>> = {
  "ui/embeds.ts": {
    accountEmbed: {
      texts: 3,
      render: (t) => [
        embed(
          accountEmbed(
            {
              robloxId: "1001",
              name: t[0] as string,
              displayName: t[1] as string,
              label: t[2] as string,
              isDefault: true,
              linkedAt: NOW,
              avatarUrl: AVATAR,
              health: "ok",
            },
            "en-US",
          ),
        ),
      ],
    },
    userLine: {
      texts: 3,
      render: (t) => [
        text(userLine({ id: "7", name: t[0] as string, displayName: t[1] as string, extra: t[2] })),
      ],
    },
    userListEmbed: {
      texts: 6,
      render: (t) => [
        embed(
          userListEmbed({
            locale: "en-US",
            title: "Friends",
            users: [
              { id: "1", name: t[0] as string, displayName: t[1] as string, extra: t[2] },
              { id: "2", name: t[3] as string, displayName: t[4] as string },
              { id: "x", name: t[5] as string, displayName: "" },
            ],
            page: { number: 1, total: 2 },
            footer: "footer",
          }),
        ),
      ],
    },
  },
  "jobs/requests/requests-render.ts": {
    requestAlert: {
      texts: 7,
      render: (t) => [
        out(
          requestAlert(
            account(t),
            card({
              person: { id: "3001", name: t[3] as string, displayName: t[4] as string },
              mutual: [t[5] as string, t[6] as string],
              experience: t[6] as string,
              origin: "player search",
            }),
            AVATAR,
            NOW,
          ),
        ),
        out(
          requestAlert(account(t), card({ trusted: true, experience: t[5] as string }), AVATAR, NOW, false),
        ),
        // In the guild's language: the same values, escaped the same way.
        out(
          requestAlert(
            account(t),
            card({
              person: { id: "3001", name: t[3] as string, displayName: t[4] as string },
              mutual: [t[5] as string],
              experience: t[6] as string,
              origin: "player search",
              originId: 1,
            }),
            AVATAR,
            NOW,
            true,
            "de",
          ),
        ),
      ],
    },
  },
  "jobs/connections/connections-render.ts": {
    connectionAlert: {
      texts: 7,
      render: (t) => [
        out(
          connectionAlert(
            account(t),
            {
              person: { id: "3001", name: t[3] as string, displayName: t[4] as string },
              created: Date.parse("2020-01-01T00:00:00Z"),
              mutual: {
                shown: [{ id: "2", name: t[5] as string, displayName: t[6] as string }],
                count: 3,
              },
            },
            AVATAR,
            NOW,
          ),
        ),
      ],
    },
  },
  "jobs/presence/presence-render.ts": {
    presenceAlert: {
      texts: 6,
      render: (t) => [
        out(
          presenceAlert(
            account(t),
            { id: "2001", name: t[3] as string, displayName: t[4] as string },
            { t: 1, loc: null, exp: null },
            { t: 2, loc: t[5] as string, exp: "1" },
            AVATAR,
            NOW - 1000,
            NOW,
          ),
        ),
        out(
          presenceAlert(
            account(t),
            { id: "2001", name: "2001", displayName: "2001", known: false },
            { t: 2, loc: t[5] as string, exp: "1" },
            { t: 0, loc: null, exp: null },
            null,
            NOW,
            NOW,
          ),
        ),
        out(
          presenceAlert(
            account(t),
            { id: "2001", name: t[3] as string, displayName: t[4] as string },
            { t: 1, loc: null, exp: null },
            { t: 2, loc: t[5] as string, exp: "1", off: true },
            AVATAR,
            NOW - 1000,
            NOW,
            new Map(),
            "pt-BR",
          ),
        ),
      ],
    },
    digestAlert: {
      texts: 7,
      render: (t) => [
        out(
          digestAlert(
            account(t),
            [
              {
                userId: "1",
                from: { t: 0, loc: null, exp: null },
                to: { t: 2, loc: t[3] as string, exp: null },
                at: NOW,
              },
              {
                userId: "2",
                from: { t: 2, loc: t[4] as string, exp: null },
                to: { t: 1, loc: null, exp: null },
                at: NOW,
              },
              {
                userId: "3",
                from: { t: 1, loc: null, exp: null },
                to: { t: 3, loc: null, exp: null },
                at: NOW,
              },
            ],
            new Map([
              ["1", { id: "1", name: t[5] as string, displayName: t[6] as string }],
              ["2", { id: "2", name: t[6] as string, displayName: t[5] as string }],
            ]),
            AVATAR,
            NOW,
          ),
        ),
      ],
    },
    describeSnap: {
      texts: 1,
      render: (t) => [text(`x ${describeSnap({ t: 2, loc: t[0] as string, exp: null })}`)],
    },
  },
  "jobs/restrictions/restrictions-render.ts": {
    restrictionStartAlert: {
      texts: 5,
      render: (t) => [
        out(
          restrictionStartAlert(
            account(t),
            { source: 1, start: "2025-06-01T00:00:00Z", end: null },
            { messageToUser: t[3], punishmentTypeDescription: t[4] },
            null,
            AVATAR,
            NOW,
          ),
        ),
        out(
          restrictionStartAlert(
            account(t),
            { source: 1, start: null, end: "2025-06-02T00:00:00Z" },
            { messageToUser: "", punishmentTypeDescription: t[4] },
            null,
            AVATAR,
            NOW,
          ),
        ),
        out(
          restrictionStartAlert(
            account(t),
            { source: 2, start: null, end: "2025-06-02T00:00:00Z" },
            null,
            60,
            AVATAR,
            NOW,
          ),
        ),
      ],
    },
    restrictionEndAlert: {
      texts: 3,
      render: (t) => [
        out(restrictionEndAlert(account(t), { source: 1, start: null, end: null }, AVATAR, NOW)),
        out(restrictionEndAlert(account(t), { source: 2, start: null, end: null }, AVATAR, NOW)),
      ],
    },
  },
  "jobs/screentime/screentime-render.ts": {
    screenTimeAlert: {
      texts: 3,
      render: (t) => [
        out(screenTimeAlert(account(t), { threshold: 80, minutes: 48, limit: 60 }, AVATAR, NOW)),
        out(screenTimeAlert(account(t), { threshold: 100, minutes: 61, limit: 60 }, AVATAR, NOW)),
      ],
    },
  },
  "jobs/cookie/cookie-render.ts": {
    cookieAlert: {
      texts: 3,
      render: (t) => [out(cookieAlert(account(t), "2025-06-01T00:00:00Z", AVATAR, NOW))],
    },
  },
  "jobs/summary/summary-render.ts": {
    summaryAlert: {
      texts: 3,
      render: (t) => [
        out(
          summaryAlert(
            account(t),
            {
              restriction: null,
              limit: 60,
              days: [10, 20, 30, 40, 50, 60, 70],
              localDayOfWeek: 0,
              pending: 2,
            },
            true,
            AVATAR,
            NOW,
          ),
        ),
        out(
          summaryAlert(
            account(t),
            {
              restriction: { source: 1, start: null, end: "2025-06-03T00:00:00Z" },
              limit: null,
              days: null,
              localDayOfWeek: null,
              pending: null,
            },
            false,
            null,
            NOW,
          ),
        ),
      ],
    },
  },
  "domain/request-message.ts": {
    editRequestMessage: {
      texts: 7,
      render: (t) => {
        const alert = CASES["jobs/requests/requests-render.ts"]?.requestAlert?.render(t)[0] as Payload;
        const components = requestAlert(account(t), card(), null, NOW).components;
        const msg = { content: "", embeds: alert.embeds as never[], components: components as never[] };
        const note = noteText("123456789012345678", NOW, "en-US");
        return [
          editRequestMessage(msg, "3001", "accepted", note, "en-US") as unknown as Payload,
          editRequestMessage({ ...msg, embeds: [] }, "3001", "gone", note, "en-US") as unknown as Payload,
        ];
      },
    },
  },
  "commands/requests/list.ts": {
    requestEmbed: {
      texts: 5,
      render: (t) => [
        embed(
          requestEmbed(
            {
              card: card({
                person: { id: "3001", name: t[0] as string, displayName: t[1] as string },
                mutual: [t[3] as string, t[4] as string],
                experience: t[4] as string,
              }),
              nickname: t[2],
              avatarUrl: AVATAR,
            },
            NOW,
            "en-US",
          ),
        ),
      ],
    },
  },
  "commands/restrictions.ts": {
    restrictionEmbed: {
      texts: 3,
      render: (t) => {
        const ban = {
          messageToUser: t[1] as string,
          punishmentTypeDescription: t[2] as string,
          beginDate: "2025-06-01T00:00:00Z",
          endDate: "2025-06-04T00:00:00Z",
        };
        const r = (source: number) => ({ source, startTime: "2025-06-01T00:00:00Z", endTime: null });
        return [
          embed(restrictionEmbed({ name: t[0] as string, restriction: null, ban: null }, "en-US")),
          embed(restrictionEmbed({ name: t[0] as string, restriction: r(1), ban }, "en-US")),
          embed(restrictionEmbed({ name: t[0] as string, restriction: r(2), ban: null }, "en-US")),
          embed(restrictionEmbed({ name: t[0] as string, restriction: r(7), ban }, "en-US")),
        ];
      },
    },
  },
  "commands/user.ts": {
    profileEmbed: {
      texts: 3,
      render: (t) => [
        embed(
          profileEmbed(
            {
              id: 7,
              name: t[0] as string,
              displayName: t[1] as string,
              description: t[2],
              created: "2015-01-01T00:00:00Z",
              isBanned: false,
              hasVerifiedBadge: true,
            },
            AVATAR,
            new Date(NOW),
            "en-US",
          ),
        ),
      ],
    },
  },
  "commands/screentime.ts": {
    screenTimeEmbed: {
      texts: 1,
      render: (t) => [
        embed(
          screenTimeEmbed(
            {
              name: t[0] as string,
              days: [90, 1, 2, 3, 4, 5, 6],
              localDayOfWeek: 3,
              limit: 60,
            },
            "en-US",
          ),
        ),
        embed(
          screenTimeEmbed(
            { name: t[0] as string, days: [0, 0, 0, 0, 0, 0, 0], localDayOfWeek: 3, limit: 0 },
            "en-US",
          ),
        ),
      ],
    },
  },
  "commands/audit.ts": {
    auditLine: {
      texts: 4,
      render: (t) => {
        const accounts = new Map([
          [
            "1001",
            { robloxId: "1001", robloxName: t[0] as string, displayName: t[1] as string, label: t[2] },
          ],
          ["1002", { robloxId: "1002", robloxName: t[0] as string, displayName: t[1] as string }],
        ]);
        const at = new Date(NOW).toISOString();
        const entry = (robloxId: string | undefined) => ({
          at,
          actorId: "123456789012345678",
          action: "requests.accept",
          ...(robloxId ? { robloxId } : {}),
          detail: t[3] as string,
        });
        return [
          text(
            ["1001", "1002", "1003", undefined]
              .map((id) => auditLine(entry(id), accounts as never, "en-US"))
              .join("\n"),
          ),
        ];
      },
    },
  },
  "commands/roblox/manage.ts": {
    accountName: {
      texts: 2,
      render: (t) => [
        text(`Unlink **${accountName({ displayName: t[0] as string, robloxName: t[1] as string })}**?`),
        text(`**${accountName({ displayName: t[1] as string, robloxName: t[1] as string })}**`),
      ],
    },
  },
  "domain/parents.ts": {
    parentName: {
      texts: 3,
      render: (t) => [
        text(parentName({ displayName: t[0] as string, robloxName: t[1] as string, label: t[2] as string })),
        text(parentName({ displayName: t[1] as string, robloxName: t[1] as string, label: undefined })),
      ],
    },
  },
  "domain/child-side.ts": {
    sideNote: {
      texts: 3,
      render: (t) => {
        const via = {
          guildId: "1",
          robloxId: "2",
          robloxName: t[1] as string,
          displayName: t[0] as string,
          label: t[2] as string,
          linkedBy: "3",
          linkedAt: "2026-01-01T00:00:00.000Z",
          health: { state: "ok" as const },
          cookie: "sealed",
          children: [],
        };
        return [
          text(sideNote({ via }, "read", "en-US") ?? ""),
          text(sideNote({ via, childRefusal: "Roblox refused it." }, "changed", "en-US") ?? ""),
        ];
      },
    },
  },
  "components/screentime-buttons.ts": {
    noteGrant: {
      texts: 3,
      render: (t) => {
        const alert = screenTimeAlert(account(t), { threshold: 80, minutes: 48, limit: 60 }, AVATAR, NOW);
        const line = `+15 min by <@123456789012345678> <t:${NOW / 1000}:R>`;
        return [
          { embeds: noteGrant(alert.embeds as never[], line, "en-US") },
          { embeds: noteGrant([], line, "en-US") },
        ];
      },
    },
  },
};

/**
 * Exports of the builder modules that are no builder of Roblox text, with the reason. Anything
 * else a builder module exports, or any export named like a builder elsewhere, needs a case.
 */
const NOT_BUILDERS: Record<string, string> = {
  "ui/embeds.ts#embedTextLength": "counts characters",
  "ui/embeds.ts#fitEmbed": "cuts an embed to Discord's limits; no text of its own",
  "ui/embeds.ts#errorEmbed": "container: takes a sentence its caller built (and escaped)",
  "ui/embeds.ts#successEmbed": "container: takes a title and sentence its caller built (and escaped)",
  "ui/embeds.ts#noticeEmbed": "container: takes a title and sentence its caller built (and escaped)",
  "ui/embeds.ts#keyValueEmbed": "container: takes fields its caller built (and escaped)",
  "jobs/delivery/alert-message.ts#alertId": "an id",
  "jobs/delivery/alert-message.ts#footerOf": "a footer, which Discord shows as plain text",
  "jobs/delivery/alert-message.ts#md": "the escaper itself (escapeMarkdown with a length)",
  "jobs/delivery/alert-message.ts#message": "container: wraps an embed its caller built",
  "jobs/delivery/alert-message.ts#thumb": "a URL only",
  "jobs/delivery/alert-message.ts#ageText": "an age and a timestamp only",
  "jobs/delivery/alert-message.ts#say":
    "container: a message of the guild's locale whose values its caller built (and escaped)",
  "domain/people.ts#accountAgeText": "a number and the locale's words only",
  "domain/request-message.ts#isRequestRow": "reads buttons",
  "domain/request-message.ts#noteText": "ids and a time only",
  "domain/restriction.ts#restrictionLine": "no Roblox text: kind and dates",
  "domain/restriction.ts#untilText": "dates only",
  "domain/cookie.ts#cookieProblemSentence": "fixed sentences",
  "domain/people.ts#personText": "plain text by contract; every caller escapes it (personMd escapes)",
  "domain/presence.ts#whereText": "plain text; userLine escapes it as the line's extra",
  "domain/friend-requests.ts#originText": "our own words, or an enum name limited to letters and digits",
  "domain/people.ts#auditName": "audit-log detail; the audit reply escapes it (commands/audit.ts auditLine)",
  "domain/presence.ts#locationName": "plain text; callers escape it (md, userLine)",
  "domain/presence.ts#universesToName": "ids only",
  "ui/parent.ts#consentMessage":
    "container: its Roblox texts arrive escaped (ConsentCard's *Md fields, built by domain/parents.ts with escapeMarkdown); the footer is plain text",
  "ui/parent.ts#answeredMessage": "edits a message: a member id and a time only",
  "components/roblox-link.ts#accountLimitSentence": "a number only",
  "domain/handled-requests.ts#alreadySentence":
    "container: the person arrives escaped (personMd, as both callers build it); the rest is a member id and a time",
  "commands/friends/users.ts#presenceText": "plain text; userLine escapes it as the line's extra",
  "commands/friends/users.ts#unknownNote": "plain text for footers; callers escape it for content",
};

/** Modules whose every export is a builder or listed above. */
const BUILDER_MODULES = [
  "ui/embeds.ts",
  "jobs/delivery/alert-message.ts",
  ...["requests", "connections", "presence", "restrictions", "screentime", "cookie", "summary"].map(
    (w) => `jobs/${w}/${w}-render.ts`,
  ),
  "domain/request-message.ts",
  "components/screentime-buttons.ts",
];
/** Elsewhere, an export with one of these names is taken for a builder. */
const BUILDER_NAME = /(Embed|Alert|Line|Message|Text|Name|Note|Sentence|Grant)$/;

const SRC = resolve(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("every builder, fed hostile Roblox text, renders no markup of it", () => {
  for (const [module, cases] of Object.entries(CASES)) {
    for (const [name, c] of Object.entries(cases)) {
      it(`${module} ${name}`, () => {
        fc.assert(
          fc.property(fc.array(hostile, { minLength: c.texts, maxLength: c.texts }), (t) => {
            const extra = beyond(liveIn(c.render(t)), liveIn(c.render(t.map(plain))));
            expect(extra).toEqual([]);
          }),
          { numRuns: 150 },
        );
      });
    }
  }
});

describe("the list of builders is complete", () => {
  it("every export of a builder module, and every builder-named export, has a case or a reason", async () => {
    const files = [
      ...["ui", "commands", "components", "domain"].flatMap((d) => sourceFiles(join(SRC, d))),
      ...BUILDER_MODULES.filter((m) => m.startsWith("jobs/")).map((m) => join(SRC, m)),
    ];
    const missing: string[] = [];
    for (const file of files) {
      const module = relative(SRC, file);
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== "function" || module === "ui/format.ts") continue;
        const builder = BUILDER_MODULES.includes(module) || BUILDER_NAME.test(name);
        const key = `${module}#${name}`;
        if (builder && !CASES[module]?.[name] && !(key in NOT_BUILDERS)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    for (const key of Object.keys(NOT_BUILDERS)) {
      const [module, name] = key.split("#") as [string, string];
      const exports = (await import(join(SRC, module))) as Record<string, unknown>;
      expect(typeof exports[name], `${key} is listed but not exported`).toBe("function");
    }
  });
});
