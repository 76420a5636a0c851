import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { EVENT_WORDS, eventWords } from "../../domain/alert-events.js";
import { originWords } from "../../domain/friend-requests.js";
import { handledSince, withHandled } from "../../domain/handled-requests.js";
import { editRequestMessage, noteText } from "../../domain/request-message.js";
import { pagerRow, requestButtons } from "../../ui/buttons.js";
import { COLORS } from "../../ui/embeds.js";
import { profileUrl } from "../../ui/format.js";
import { requestEmbed, sliceOf } from "./list.js";

describe("sliceOf (4 requests per message over Roblox pages of 10)", () => {
  it("walks a page of 10 in slices of 4, then on to the next Roblox page", () => {
    expect(sliceOf(10, 0, false, true)).toEqual({ start: 0, end: 4, prev: null, next: 4 });
    expect(sliceOf(10, 4, false, true)).toEqual({ start: 4, end: 8, prev: 0, next: 8 });
    expect(sliceOf(10, 8, false, true)).toEqual({ start: 8, end: 10, prev: 4, next: "next-page" });
    expect(sliceOf(10, 8, false, false).next).toBeNull();
  });
  it("opens the previous Roblox page at its last slice (-1) and clamps stale offsets", () => {
    expect(sliceOf(10, 0, true, false).prev).toBe("prev-page");
    expect(sliceOf(10, -1, true, true)).toEqual({ start: 8, end: 10, prev: 4, next: "next-page" });
    expect(sliceOf(3, 8, false, false)).toEqual({ start: 0, end: 3, prev: null, next: null });
    expect(sliceOf(0, 0, false, false)).toEqual({ start: 0, end: 0, prev: null, next: null });
    expect(sliceOf(6, 5, false, false)).toEqual({ start: 4, end: 6, prev: 0, next: null });
  });
});

describe("requestEmbed", () => {
  it("names the requester, links the profile and tells age, time and mutual friends", () => {
    const now = Date.parse("2025-06-01T00:00:00Z");
    const card = {
      person: { id: "3001", name: "Requester3001", displayName: "Req*3001" },
      created: Date.parse("2022-01-15T00:00:00Z"),
      verified: false,
      sentAt: Date.parse("2025-05-31T22:00:00Z"),
      mutual: ["Friend2001", "Friend2002"],
      origin: "player search",
      experience: undefined,
      trusted: false,
    };
    const e = requestEmbed({ card, nickname: "school" }, now, "en-US");
    expect(e.title).toBe("Req\\*3001 (@Requester3001)"); // a title renders markdown too
    expect(e.description).toContain("From player search");
    expect(e.url).toBe(profileUrl("3001"));
    expect(e.description).toContain(`<t:${Date.parse("2025-05-31T22:00:00Z") / 1000}:R>`);
    expect(e.description).toContain("school");
    expect(e.fields).toContainEqual({ name: "Account age", value: "3 years", inline: true });
    expect(e.fields?.find((f) => f.name === "Mutual friends")?.value).toBe("Friend2001, Friend2002");
    const bare = requestEmbed(
      {
        card: {
          ...card,
          person: { id: "5", name: "5", displayName: "5", known: false },
          created: null,
          mutual: [],
        },
      },
      now,
      "en-US",
    );
    expect(bare.title).toBe("user 5");
    expect(bare.fields?.map((f) => f.value)).toEqual(["unknown", "none"]);
  });
});

describe("editRequestMessage", () => {
  const rows = [
    requestButtons("1001", "3001", profileUrl("3001")).toJSON(),
    requestButtons("1001", "3002", profileUrl("3002")).toJSON(),
    pagerRow("requests", "1001", null, "abc", "en-US").toJSON(),
  ];
  const message = {
    content: "Friend requests",
    embeds: [
      { title: "A", url: profileUrl("3001") },
      { title: "B", url: profileUrl("3002"), fields: [{ name: "Account age", value: "1 year" }] },
    ],
    components: rows,
  };

  it("notes who did what on the request's embed and disables only its row (Profile stays)", () => {
    const note = noteText("42", 1_700_000_000_000, "en-US");
    expect(note).toBe("by <@42> <t:1700000000:R>");
    const out = editRequestMessage(message, "3002", "accepted", note, "en-US");
    expect(out.embeds[0]).toEqual(message.embeds[0]);
    expect(out.embeds[1]?.fields).toEqual([
      { name: "Account age", value: "1 year" },
      { name: "Accepted", value: note },
    ]);
    expect(out.embeds[1]?.color).toBe(COLORS.ok);
    const [first, second, pager] = out.components;
    expect(first?.components.every((c) => !("disabled" in c) || !c.disabled)).toBe(true);
    const buttons = second?.components ?? [];
    expect(buttons).toHaveLength(3);
    for (const b of buttons) {
      if (b.type !== ComponentType.Button) throw new Error("not a button");
      expect(b.disabled ?? false).toBe(b.style !== ButtonStyle.Link);
    }
    expect(pager).toEqual(rows[2]);
    // a second note replaces the first rather than stacking
    const again = editRequestMessage({ ...message, embeds: out.embeds }, "3002", "gone", "later", "en-US");
    expect(again.embeds[1]?.fields?.map((f) => f.name)).toEqual(["Account age", "No longer pending"]);
  });

  it("uses the only embed of an alert, or a content line when no embed fits", () => {
    const alert = { content: "", embeds: [{ title: "New request" }], components: [rows[0] as never] };
    expect(editRequestMessage(alert, "3001", "declined", "x", "en-US").embeds[0]?.fields).toEqual([
      { name: "Declined", value: "x" },
    ]);
    const bare = { content: "hi", embeds: [], components: [] };
    expect(editRequestMessage(bare, "3001", "accepted", "by me", "en-US").content).toBe(
      "hi\n**Accepted** by me",
    );
  });
});

describe("handled requests", () => {
  it("keeps the newest entries, replacing the same requester, skipping junk", () => {
    const cur = {
      "1": { action: "accepted", by: "9", at: 10 },
      "2": { action: "declined", by: "9", at: 20 },
      "3": { nonsense: true },
    };
    const out = withHandled(cur, "1", { action: "declined", by: "8", at: 30 }, 2);
    expect(out).toEqual({
      "2": { action: "declined", by: "9", at: 20 },
      "1": { action: "declined", by: "8", at: 30 },
    });
    expect(Object.keys(withHandled(undefined, "5", { action: "accepted", by: "1", at: 1 }))).toEqual(["5"]);
  });

  it("counts a record only when it is newer than the clicked message", () => {
    const h = { action: "accepted" as const, by: "1", at: 1000 };
    expect(handledSince(h, 999)).toBe(true);
    expect(handledSince(h, 1000)).toBe(true);
    expect(handledSince(h, 1001)).toBe(false);
    expect(handledSince(undefined, 0)).toBe(false);
  });
});

describe("in the member's or the guild's language", () => {
  const now = Date.parse("2025-06-01T00:00:00Z");
  const card = {
    person: { id: "3001", name: "Requester3001", displayName: "Req3001" },
    created: Date.parse("2022-01-15T00:00:00Z"),
    verified: false,
    sentAt: null,
    mutual: [],
    origin: "player search",
    originId: 1,
    experience: "an experience",
    trusted: true,
  };

  it("requestEmbed speaks German: origin, experience, age and no mutual friends", () => {
    const e = requestEmbed({ card, nickname: "Schule" }, now, "de");
    expect(e.description).toBe(
      "Anfrage für eine vertrauenswürdige Verbindung · Spitzname: „Schule“ · Herkunft: Spielersuche, in einem Erlebnis",
    );
    expect(e.fields).toEqual([
      { name: "Kontoalter", value: "3 Jahre", inline: true },
      { name: "Gemeinsame Freunde", value: "keine", inline: true },
    ]);
    expect(originWords(card, "pt-BR")).toBe("busca de jogadores");
    expect(originWords({ origin: "school class roster" }, "pt-BR")).toBe("school class roster");
  });

  it("the note on a clicked request is in the message's language, and replaces a note in another", () => {
    const note = noteText("42", 1_700_000_000_000, "pt-BR");
    expect(note).toBe("por <@42> <t:1700000000:R>");
    const alert = { content: "", embeds: [{ title: "Novo pedido" }], components: [] };
    const out = editRequestMessage(alert, "3001", "accepted", note, "pt-BR");
    expect(out.embeds[0]?.fields).toEqual([{ name: "Aceito", value: note }]);
    const again = editRequestMessage({ ...alert, embeds: out.embeds }, "3001", "gone", "x", "de");
    expect(again.embeds[0]?.fields).toEqual([{ name: "Nicht mehr offen", value: "x" }]);
    expect(
      editRequestMessage({ ...alert, embeds: [], content: "oi" }, "3001", "declined", note, "pt-BR").content,
    ).toBe(`oi\n**Recusado** ${note}`);
  });

  it("alert event words follow the locale; EVENT_WORDS stays English", () => {
    expect(eventWords("presence", "pt-BR")).toBe("Alertas de presença (usuários monitorados)");
    expect(eventWords("daily-summary", "de")).toBe("Die tägliche Zusammenfassung");
    expect(EVENT_WORDS.presence).toBe("Presence alerts (watched users)");
  });
});
