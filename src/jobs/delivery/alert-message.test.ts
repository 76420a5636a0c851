import type { Client } from "discord.js";
import { describe, expect, it } from "vitest";
import type { RequestCard } from "../../domain/friend-requests.js";
import { silentLogger } from "../../logger.js";
import { connectionAlert } from "../connections/connections-render.js";
import { cookieAlert } from "../cookie/cookie-render.js";
import { digestAlert, presenceAlert } from "../presence/presence-render.js";
import { requestAlert } from "../requests/requests-render.js";
import { restrictionEndAlert, restrictionStartAlert } from "../restrictions/restrictions-render.js";
import { screenTimeAlert } from "../screentime/screentime-render.js";
import { freshState, OUTBOX_MAX, type OutMessage } from "../state.js";
import { summaryAlert } from "../summary/summary-render.js";
import { enqueue, flushOutbox } from "./outbox.js";

// Every alert kind, rendered with hostile names: the envelope they share (alert-message.ts) and
// the outbox that posts them are checked over all of them at once.
const NOW = Date.parse("2026-03-02T12:00:00Z");
const A = { robloxId: "1001", robloxName: "KidAccount", displayName: "Kid", label: "kid" };
const LONG = `**${"x".repeat(5000)}__`;
const ON = { t: 1, loc: null, exp: null };
const GAME = { t: 2, loc: LONG, exp: "1" };

function card(o: Partial<RequestCard> = {}): RequestCard {
  return {
    person: { id: "3001", name: "friend_z", displayName: "Zed" },
    created: Date.parse("2015-01-01T00:00:00Z"),
    verified: false,
    sentAt: NOW - 60_000,
    mutual: [],
    origin: undefined,
    experience: undefined,
    trusted: false,
    ...o,
  };
}

function every(): OutMessage[] {
  return [
    requestAlert(A, card({ person: { id: "3001", name: LONG, displayName: LONG } }), null, NOW),
    presenceAlert(A, { id: "2001", name: LONG, displayName: LONG }, ON, GAME, "https://x/a.png", NOW, NOW),
    digestAlert(
      A,
      Array.from({ length: 80 }, () => ({ userId: "2001", from: ON, to: GAME, at: NOW })),
      new Map(),
      null,
      NOW,
    ),
    restrictionStartAlert(A, { source: 1, start: null, end: null }, { messageToUser: LONG }, null, null, NOW),
    restrictionStartAlert(A, { source: 2, start: null, end: "2026-03-03T00:00:00Z" }, null, 120, null, NOW),
    restrictionEndAlert(A, { source: 2, start: null, end: null }, null, NOW),
    screenTimeAlert(A, { threshold: 80, minutes: 97, limit: 120 }, null, NOW),
    cookieAlert(A, "2026-03-02T11:00:00Z", null, NOW),
    summaryAlert(
      A,
      { restriction: null, limit: 120, days: [1, 2, 3, 4, 5, 6, 7], localDayOfWeek: 0, pending: 3 },
      true,
      null,
      NOW,
    ),
    requestAlert(A, card({ trusted: true, experience: LONG, origin: "player search" }), null, NOW, false),
    connectionAlert(
      A,
      {
        person: { id: "3001", name: LONG, displayName: LONG },
        created: null,
        mutual: { shown: [], count: 0 },
      },
      null,
      NOW,
    ),
  ];
}

describe("alert messages, every kind", () => {
  it("fit Discord's limits whatever the names, carry a Discord timestamp, ids ≤ 100 and a nonce ≤ 25", () => {
    for (const m of every()) {
      const e = m.embeds[0] as { title?: string; description?: string };
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(JSON.stringify(m.embeds).length).toBeLessThan(8000);
      expect(JSON.stringify(m.embeds)).toMatch(/<t:\d+:[Rf]>/);
      expect(m.id.length).toBeLessThanOrEqual(25);
      for (const row of m.components as { components: { custom_id?: string }[] }[])
        for (const c of row.components) expect((c.custom_id ?? "").length).toBeLessThanOrEqual(100);
    }
    expect(new Set(every().map((m) => m.id)).size).toBe(every().length);
  });
});

describe("outbox", () => {
  const channel = (fail: () => boolean, sent: string[]) => ({
    id: "9",
    guildId: "8",
    isDMBased: () => false,
    isSendable: () => true,
    send: async (b: { nonce: string }) => {
      if (fail()) throw new Error("Missing Access");
      sent.push(b.nonce);
    },
  });
  const clientOf = (ch: unknown) =>
    ({ channels: { cache: new Map([["9", ch]]), fetch: async () => ch } }) as unknown as Client;

  it("posts in order; a failure keeps that alert and the rest for next time", async () => {
    const state = freshState("9");
    const msgs = every().slice(0, 4);
    enqueue(state, msgs, silentLogger());
    const sent: string[] = [];
    let n = 0;
    const client = clientOf(channel(() => ++n === 3, sent));
    const posted = await flushOutbox(client, "8", { alertChannelId: "9" }, state, silentLogger());
    expect(posted).toBe(2);
    expect(sent).toEqual([msgs[0]!.id, msgs[1]!.id]);
    expect(state.outbox.map((m) => m.id)).toEqual([msgs[2]!.id, msgs[3]!.id]);
    expect(await flushOutbox(client, "8", { alertChannelId: "9" }, state, silentLogger())).toBe(2);
    expect(state.outbox).toEqual([]);
  });

  it("refuses a channel of another guild, and keeps at most OUTBOX_MAX alerts", async () => {
    const state = freshState("9");
    const sent: string[] = [];
    const client = clientOf(channel(() => false, sent));
    enqueue(state, every().slice(0, 1), silentLogger());
    expect(await flushOutbox(client, "7", { alertChannelId: "9" }, state, silentLogger())).toBe(0);
    expect(sent).toEqual([]);
    for (let i = 0; i < 10; i++) enqueue(state, every(), silentLogger());
    expect(state.outbox).toHaveLength(OUTBOX_MAX);
  });
});
