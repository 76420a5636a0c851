import { describe, expect, it } from "vitest";
import { silentLogger } from "../../logger.js";
import { freshState, OUTBOX_MAX, type OutMessage } from "../state.js";
import { enqueue, GUILD_OUTBOX_MAX, OUTBOX_MIN, outboxShare } from "./outbox.js";

let seq = 0;
const alert = (): OutMessage => ({ id: `a${++seq}`, kind: "presence", at: seq, embeds: [], components: [] });
const alerts = (n: number) => Array.from({ length: n }, alert);

describe("alerts waiting, bounded per guild", () => {
  it("an account's share: the whole per-account bound alone, a fair part of the guild's bound with others", () => {
    expect(outboxShare(1)).toBe(OUTBOX_MAX);
    expect(outboxShare(2)).toBe(Math.min(OUTBOX_MAX, GUILD_OUTBOX_MAX / 2));
    expect(outboxShare(10)).toBe(GUILD_OUTBOX_MAX / 10);
    expect(outboxShare(1000)).toBe(OUTBOX_MIN);
    for (let n = 1; n <= 20; n++) expect(n * outboxShare(n)).toBeLessThanOrEqual(GUILD_OUTBOX_MAX);
  });

  it("a guild of 10 accounts whose channel takes nothing keeps at most GUILD_OUTBOX_MAX, the newest", () => {
    const states = Array.from({ length: 10 }, () => freshState("9"));
    let last: OutMessage[] = [];
    for (let poll = 0; poll < 30; poll++) {
      for (const s of states) {
        last = alerts(3);
        enqueue(s, last, silentLogger(), outboxShare(states.length));
      }
    }
    const waiting = states.reduce((n, s) => n + s.outbox.length, 0);
    expect(waiting).toBe(GUILD_OUTBOX_MAX);
    expect(states.at(-1)?.outbox.slice(-3)).toEqual(last);
  });

  it("a share that shrank (more accounts linked) trims the outbox at the next poll", () => {
    const s = freshState("9");
    enqueue(s, alerts(40), silentLogger(), outboxShare(1));
    expect(s.outbox).toHaveLength(40);
    enqueue(s, [], silentLogger(), outboxShare(10));
    expect(s.outbox).toHaveLength(outboxShare(10));
  });
});
