// Every alert kind rendered in the guild's language: German and Brazilian Portuguese sentences,
// Roblox's text still escaped, and no English left in any non-English locale (the English source
// messages, placeholders removed, must not appear in what the alerts show).
import { describe, expect, it } from "vitest";
import type { RequestCard } from "../../src/domain/friend-requests.js";
import { consentAsk } from "../../src/domain/parents.js";
import { LOCALES, type Locale } from "../../src/i18n/locales.js";
import { connectionAlert } from "../../src/jobs/connections/connections-render.js";
import { cookieAlert } from "../../src/jobs/cookie/cookie-render.js";
import { describeSnap, digestAlert, presenceAlert } from "../../src/jobs/presence/presence-render.js";
import { requestAlert } from "../../src/jobs/requests/requests-render.js";
import {
  restrictionEndAlert,
  restrictionStartAlert,
} from "../../src/jobs/restrictions/restrictions-render.js";
import { screenTimeAlert } from "../../src/jobs/screentime/screentime-render.js";
import type { OutMessage } from "../../src/jobs/state.js";
import { summaryAlert } from "../../src/jobs/summary/summary-render.js";
import { weeklyChartSvg } from "../../src/ui/chart.js";
import { escapeMarkdown } from "../../src/ui/format.js";
import { consentMessage } from "../../src/ui/parent.js";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { KITCHEN_SINK, plain } from "./hostile.js";
import { beyond, liveIn, type Payload } from "./live.js";

const NOW = Date.parse("2026-03-01T12:00:00Z");
const AVATAR = "https://tr.rbxcdn.com/avatar.png";

interface Names {
  account: string;
  label: string;
  name: string;
  display: string;
  game: string;
  reason: string;
}
const NEUTRAL: Names = {
  account: "Kiddo12",
  label: "Kiddo",
  name: "zed_99",
  display: "Zeddo",
  game: "Obby",
  reason: "Xyz",
};

const card = (n: Names, o: Partial<RequestCard> = {}): RequestCard => ({
  person: { id: "3001", name: n.name, displayName: n.display },
  created: Date.parse("2020-01-01T00:00:00Z"),
  verified: true,
  sentAt: NOW - 60_000,
  mutual: [n.display],
  origin: undefined,
  experience: undefined,
  trusted: false,
  ...o,
});

/** Every alert kind and branch, in one locale, with these Roblox texts. */
function renderAll(locale: Locale, n: Names): { kind: string; message: OutMessage }[] {
  const a = { robloxId: "1001", robloxName: n.account, displayName: n.account, label: n.label };
  const person = { id: "3001", name: n.name, displayName: n.display };
  const off = { t: 0, loc: null, exp: null };
  const on = { t: 1, loc: null, exp: null };
  const game = { t: 2, loc: n.game, exp: "1" };
  const hidden = { t: 2, loc: null, exp: null, u: null, off: true };
  const studio = { t: 3, loc: null, exp: null };
  const ban = { source: 1, start: "2026-03-01T00:00:00Z", end: "2026-03-04T00:00:00Z" };
  const lock = { source: 2, start: "2026-03-01T00:00:00Z", end: null };
  const week = [90, 30, 45, 0, 120, 60, 10];
  const all: [string, OutMessage][] = [
    [
      "friend-request",
      requestAlert(
        a,
        card(n, { origin: "player search", originId: 1, experience: n.game }),
        AVATAR,
        NOW,
        true,
        locale,
      ),
    ],
    [
      "friend-request (school)",
      requestAlert(a, card(n, { origin: "the school member list", originId: 12 }), null, NOW, true, locale),
    ],
    [
      "trusted-request",
      requestAlert(
        a,
        card(n, { trusted: true, verified: false, created: null, experience: "an experience" }),
        null,
        NOW,
        false,
        locale,
      ),
    ],
    [
      "connection",
      connectionAlert(
        a,
        { person, created: NOW - 40 * 86_400_000, mutual: { shown: [person], count: 2 } },
        AVATAR,
        NOW,
        locale,
      ),
    ],
    [
      "connection (none)",
      connectionAlert(
        a,
        { person, created: NOW - 2 * 86_400_000, mutual: { shown: [], count: 0 } },
        null,
        NOW,
        locale,
      ),
    ],
    ["connection (unknown)", connectionAlert(a, { person, created: null, mutual: null }, null, NOW, locale)],
    ["presence (game)", presenceAlert(a, person, on, game, AVATAR, NOW, NOW, new Map(), locale)],
    ["presence (joins off)", presenceAlert(a, person, game, hidden, null, NOW, NOW, new Map(), locale)],
    ["presence (studio)", presenceAlert(a, person, off, studio, null, NOW, NOW, new Map(), locale)],
    ["presence (offline)", presenceAlert(a, person, studio, off, null, NOW, NOW, new Map(), locale)],
    [
      "presence-digest",
      digestAlert(
        a,
        [
          { userId: "3001", from: off, to: game, at: NOW - 60_000 },
          { userId: "3002", from: on, to: { t: 2, loc: null, exp: null }, at: NOW - 30_000 },
        ],
        new Map([["3001", person]]),
        null,
        NOW,
        new Map(),
        locale,
      ),
    ],
    [
      "presence-digest (one, more)",
      digestAlert(
        a,
        Array.from({ length: 31 }, () => ({ userId: "3001", from: off, to: hidden, at: NOW })),
        new Map([["3001", person]]),
        null,
        NOW,
        new Map(),
        locale,
      ),
    ],
    ["restriction-start (lock)", restrictionStartAlert(a, lock, null, 120, AVATAR, NOW, locale)],
    [
      "restriction-start (ban)",
      restrictionStartAlert(
        a,
        ban,
        { messageToUser: n.reason, punishmentTypeDescription: n.reason },
        null,
        null,
        NOW,
        locale,
      ),
    ],
    [
      "restriction-start (ban, no reason)",
      restrictionStartAlert(a, { ...ban, end: null }, null, null, null, NOW, locale),
    ],
    ["restriction-end (lock)", restrictionEndAlert(a, lock, null, NOW, locale)],
    ["restriction-end (ban)", restrictionEndAlert(a, ban, null, NOW, locale)],
    ["screentime (80)", screenTimeAlert(a, { threshold: 80, minutes: 97, limit: 120 }, AVATAR, NOW, locale)],
    ["screentime (100)", screenTimeAlert(a, { threshold: 100, minutes: 121, limit: 120 }, null, NOW, locale)],
    ["cookie-health", cookieAlert(a, "2026-03-01T11:00:00Z", AVATAR, NOW, locale)],
    [
      "daily-summary (chart)",
      summaryAlert(
        a,
        { restriction: null, limit: 120, days: week, localDayOfWeek: 0, pending: 3 },
        true,
        AVATAR,
        NOW,
        locale,
      ),
    ],
    [
      "daily-summary (no limit)",
      summaryAlert(
        { robloxId: a.robloxId, robloxName: a.robloxName, displayName: a.displayName },
        { restriction: null, limit: 0, days: week, localDayOfWeek: 0, pending: null },
        true,
        null,
        NOW,
        locale,
      ),
    ],
    [
      "daily-summary (banned)",
      summaryAlert(
        a,
        { restriction: ban, limit: null, days: null, localDayOfWeek: null, pending: null },
        false,
        null,
        NOW,
        locale,
      ),
    ],
    [
      "daily-summary (locked)",
      summaryAlert(
        a,
        { restriction: lock, limit: null, days: null, localDayOfWeek: null, pending: null },
        false,
        null,
        NOW,
        locale,
      ),
    ],
  ];
  const base = { id: "c1", childUserId: 1001, settings: {} };
  const asks: [string, Parameters<typeof consentAsk>[0], boolean][] = [
    ["trusted", { ...base, consentType: "AddTrustedConnection", targetUserId: 3001 }, true],
    ["trusted, unnamed", { ...base, consentType: "AddTrustedConnection" }, false],
    ["block", { ...base, consentType: "ManageFriend", friendAction: "Block" }, false],
    ["unblock", { ...base, consentType: "ManageFriend", friendAction: "Unblock" }, true],
    ["friend", { ...base, consentType: "ManageFriend" }, true],
    [
      "experience",
      { ...base, consentType: "ManageExperience", universeId: 7, experienceAction: "Block" },
      false,
    ],
    ["play", { ...base, consentType: "ManageExperience", universeId: 7 }, false],
    ["lift", { ...base, consentType: "LiftRestriction" }, false],
    [
      "setting",
      {
        ...base,
        consentType: "UpdateUserSetting",
        settings: {
          dailyScreenTimeLimit: 90,
          whoCanChatWithMeInApp: "Friends",
          contentAgeRestriction: 13,
          enablePurchases: false,
          monthlySpendLimit: 0,
        },
      },
      false,
    ],
    ["no limit", { ...base, consentType: "UpdateUserSetting", settings: { dailyScreenTimeLimit: 0 } }, false],
  ];
  for (const [what, consent, named] of asks) {
    const m = consentMessage(
      {
        parentId: "2001",
        childId: "1001",
        consentId: what === "no limit" ? "x".repeat(200) : "c1",
        childMd: `**${escapeMarkdown(n.account)}**`,
        askMd: consentAsk(consent as never, named ? person : undefined, locale),
        parentText: n.label,
      },
      NOW,
      locale,
    );
    const json = {
      id: "c1",
      kind: "parent-request",
      at: NOW,
      embeds: m.embeds as Record<string, unknown>[],
      components: m.components.map((r) => r.toJSON() as unknown as Record<string, unknown>),
    };
    all.push([`parent-request (${what})`, json]);
  }
  return all.map(([kind, message]) => ({ kind, message }));
}

/** What a member reads: embed texts, button labels, and the chart's SVG text. */
function shown(m: OutMessage): string[] {
  const out: string[] = [];
  for (const e of m.embeds as {
    title?: string;
    description?: string;
    footer?: { text: string };
    fields?: { name: string; value: string }[];
  }[]) {
    out.push(e.title ?? "", e.description ?? "", e.footer?.text ?? "");
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const row of m.components as { components: { label?: string }[] }[])
    for (const c of row.components) out.push(c.label ?? "");
  if (m.chart) {
    const svg = weeklyChartSvg(m.chart);
    for (const match of svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(match[1] ?? "");
  }
  return out.filter((s) => s !== "");
}

const embedOf = (m: OutMessage) =>
  m.embeds[0] as { title: string; description: string; fields?: { name: string; value: string }[] };
const labels = (m: OutMessage) =>
  (m.components as { components: { label?: string }[] }[]).flatMap((r) => r.components.map((c) => c.label));
const find = (locale: Locale, kind: string) =>
  renderAll(locale, NEUTRAL).find((r) => r.kind === kind)?.message as OutMessage;

describe("alerts in German", () => {
  it("a friend request: title, fields, origin and buttons", () => {
    const m = find("de", "friend-request");
    expect(embedOf(m).title).toBe("Neue Freundschaftsanfrage für Kiddo12");
    expect(embedOf(m).description).toMatch(
      /^\*\*Zeddo\*\* \(@zed\\_99\) ✅ möchte befreundet sein — gesendet <t:\d+:R>\.$/,
    );
    expect(embedOf(m).fields?.map((f) => f.name)).toEqual([
      "Benutzername",
      "Anzeigename",
      "Kontoalter",
      "Verifizierungsabzeichen",
      "Gesendet über",
      "Gemeinsame Freunde",
    ]);
    expect(embedOf(m).fields?.find((f) => f.name === "Gesendet über")?.value).toBe(
      "Spielersuche, in **Obby**",
    );
    expect(embedOf(m).fields?.find((f) => f.name === "Kontoalter")?.value).toMatch(
      /^6 Jahre \(seit <t:\d+:D>\)$/,
    );
    expect(labels(m)).toEqual(["Annehmen", "Ablehnen", "Profil"]);
  });

  it("a connection, presence, a restriction, screen time, the cookie and the digest", () => {
    expect(embedOf(find("de", "connection")).title).toBe("Neue Verbindung für Kiddo12");
    expect(embedOf(find("de", "connection")).fields?.[0]?.value).toMatch(/^1 Monat \(seit/);
    expect(labels(find("de", "connection"))).toEqual(["Profil", "Entfernen"]);
    expect(embedOf(find("de", "presence (game)")).title).toBe("Zeddo ist jetzt im Spiel");
    expect(embedOf(find("de", "presence (game)")).description).toContain(
      "ist jetzt im Spiel: **Obby** (vorher online)",
    );
    expect(embedOf(find("de", "presence (joins off)")).title).toBe(
      "Zeddo ist jetzt in einem Erlebnis (Beitreten aus)",
    );
    expect(embedOf(find("de", "restriction-start (lock)")).description).toContain(
      "(Tageslimit 2 Std. 0 Min.)",
    );
    expect(labels(find("de", "restriction-start (lock)"))).toEqual(["+15 Min.", "+30 Min."]);
    expect(embedOf(find("de", "restriction-start (ban, no reason)")).fields?.[0]).toEqual({
      name: "Grund",
      value: "Roblox hat keinen Grund genannt.",
      inline: false,
    });
    expect(embedOf(find("de", "screentime (80)")).title).toBe(
      "Kiddo12 hat 80 % der heutigen Bildschirmzeit genutzt",
    );
    expect(embedOf(find("de", "screentime (80)")).description).toContain("Noch 23 Min. übrig.");
    expect(embedOf(find("de", "cookie-health")).title).toBe(
      "Roblox akzeptiert das Cookie von Kiddo12 nicht mehr",
    );
    expect(embedOf(find("de", "presence-digest")).title).toBe(
      "Ruhezeit vorbei: 2 Statusänderungen zurückgehalten",
    );
    expect(embedOf(find("de", "presence-digest (one, more)")).description).toMatch(/…und \d+ weitere$/);
    expect(describeSnap({ t: 3, loc: null, exp: null }, new Map(), "de")).toBe("in Roblox Studio");
    const consent = find("de", "parent-request (trusted)");
    expect(embedOf(consent).title).toBe("Ein Kind bittet um Zustimmung");
    expect(embedOf(consent).description).toMatch(
      /^\*\*Kiddo12\*\* möchte \*\*Zeddo\*\* \(@zed\\_99\) als vertrauenswürdige Verbindung hinzufügen — gefragt <t:\d+:R>\.$/,
    );
    expect(labels(consent)).toEqual(["Zustimmen", "Ablehnen"]);
    expect(embedOf(find("de", "parent-request (no limit)")).description).toContain(
      "eine Einstellung ändern: tägliches Bildschirmzeitlimit auf **kein Limit** — gefragt",
    );
  });

  it("the daily summary and its chart: German fields, weekdays, today and the limit line", () => {
    const m = find("de", "daily-summary (chart)");
    expect(embedOf(m).title).toBe("Tägliche Zusammenfassung — Kiddo12");
    expect(embedOf(m).fields?.[0]).toEqual({
      name: "Bildschirmzeit heute",
      value: "1 Std. 30 Min. von 2 Std. 0 Min. Limit",
      inline: false,
    });
    expect(m.chart?.locale).toBe("de");
    const svg = weeklyChartSvg(m.chart as NonNullable<OutMessage["chart"]>);
    // Today is a Sunday: Monday … Sunday, left to right.
    const days = [...svg.matchAll(/<text[^>]*font-size="13"[^>]*>([^<]*)<\/text>/g)].map((x) => x[1]);
    expect(days).toEqual(["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]);
    expect(svg).toContain(">heute<");
    expect(svg).toContain(">Limit<");
    expect(svg).toContain(">Tageslimit 2 Std.<");
    expect(svg).toContain(">Bildschirmzeit diese Woche — Kiddo12<");
    expect(svg).not.toMatch(/>(Sun|Mon|today|limit|daily limit 2h)</);
  });
});

describe("alerts in Brazilian Portuguese", () => {
  it("every kind speaks pt-BR", () => {
    const m = find("pt-BR", "friend-request (school)");
    expect(embedOf(m).title).toBe("Novo pedido de amizade para Kiddo12");
    expect(embedOf(m).fields?.find((f) => f.name === "Enviado por")?.value).toBe(
      "a lista de membros da escola",
    );
    expect(labels(m)).toEqual(["Aceitar", "Recusar", "Perfil"]);
    expect(embedOf(find("pt-BR", "trusted-request")).title).toBe(
      "Novo pedido de conexão confiável para Kiddo12",
    );
    expect(
      embedOf(find("pt-BR", "trusted-request")).fields?.find((f) => f.name === "Enviado por")?.value,
    ).toBe("em **uma experiência**");
    expect(embedOf(find("pt-BR", "connection (none)")).fields?.[1]?.value).toBe("nenhum");
    expect(embedOf(find("pt-BR", "presence (studio)")).title).toBe("Zeddo agora está no Roblox Studio");
    expect(embedOf(find("pt-BR", "restriction-end (ban)")).title).toBe("O banimento de Kiddo12 terminou");
    expect(embedOf(find("pt-BR", "screentime (100)")).description).toMatch(
      /^2 h 1 min de 2 h 0 min de limite diário jogados hoje \(dia do Roblox\), até <t:\d+:R>\.$/,
    );
    expect(labels(find("pt-BR", "screentime (100)"))).toEqual(["+15 min"]);
    expect(embedOf(find("pt-BR", "daily-summary (banned)")).fields?.[2]?.value).toMatch(
      /^Banido até <t:\d+:f>/,
    );
    expect(embedOf(find("pt-BR", "cookie-health")).title).toBe(
      "O Roblox não aceita mais o cookie de Kiddo12",
    );
    const svg = weeklyChartSvg(
      find("pt-BR", "daily-summary (chart)").chart as NonNullable<OutMessage["chart"]>,
    );
    expect(svg).toContain(">seg.<");
    expect(svg).toContain(">hoje<");
  });
});

describe("Roblox's text stays escaped in every locale", () => {
  const hostile: Names = {
    account: KITCHEN_SINK,
    label: KITCHEN_SINK,
    name: KITCHEN_SINK,
    display: KITCHEN_SINK,
    game: KITCHEN_SINK,
    reason: KITCHEN_SINK,
  };
  const twin: Names = Object.fromEntries(Object.entries(hostile).map(([k, v]) => [k, plain(v)])) as never;
  const payloads = (locale: Locale, n: Names): Payload[] =>
    renderAll(locale, n).map((r) => ({ embeds: r.message.embeds, components: r.message.components }));

  for (const locale of LOCALES) {
    it(`${locale}: no markup from Roblox's text`, () => {
      expect(beyond(liveIn(payloads(locale, hostile)), liveIn(payloads(locale, twin)))).toEqual([]);
    });
  }
});

describe("no English left", () => {
  const texts = (locale: Locale) =>
    renderAll(locale, NEUTRAL).flatMap((r) =>
      shown(r.message).map((s) =>
        s
          .replaceAll("Kiddo12", " ")
          .replaceAll("Zeddo", " ")
          .replaceAll("Obby", " ")
          // a setting's value as Roblox sends it (parent consent), shown as it is in every locale
          .replaceAll("**Friends**", " "),
      ),
    );

  it("the scan finds the English of the en-US alerts (it would see English left elsewhere)", () => {
    const found = englishIn(texts("en-US"));
    expect(found).toContain("wants to be friends — sent");
    expect(found).toContain("today");
    expect(found.length).toBeGreaterThan(50);
  });

  for (const locale of LOCALES.filter((l) => l !== "en-US")) {
    it(`${locale}: no English source text in any alert, button or chart label`, () => {
      expect(englishIn(texts(locale), COGNATES[locale])).toEqual([]);
    });
  }
});
