// Alerts follow the guild's language end to end: the real bot against the simulator and the fake
// Discord. A guild with no language set whose preferred locale is pt-BR gets pt-BR alerts; once its
// language is set to de with `/alerts language` its screen-time alert and its daily summary come in
// German, and `/alerts show` says so. The bot's clock is put on the next Sunday, so the summary carries
// the weekly chart: the picture posted is the German chart of the week's minutes, not the English one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n/t.js";
import { renderWeeklyChart, type WeeklyChartInput } from "../../src/ui/chart.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;
const DAY = 86_400_000;
/** How far the bot's clock runs ahead: to the next Sunday (UTC), the same time of day. */
const TO_SUNDAY = ((7 - new Date().getUTCDay()) % 7) * DAY;
const WEEK = [100, 95, 110, 60, 45, 130, 80];

const labels = (m: FakeMessage) =>
  m.components.flatMap((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((c) => c.label),
  );

describe("alerts in the guild's language", () => {
  let w: World;
  const sent = (part: string) => w.sim.log.filter((e) => !e.csrfRejected && e.path.includes(part));

  beforeAll(async () => {
    w = await startWorld({
      link: [{ robloxId: KID }],
      alertChannel: true,
      pollIntervalSeconds: 1,
      preferredLocale: "pt-BR",
      clockOffsetMs: TO_SUNDAY,
    });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });

  it("no language set, preferred locale pt-BR: the lock alerts are in Portuguese", async () => {
    await w.fake.waitFor(() => sent("/usermoderation/v2/not-approved").length > 0, 15_000, "a baseline poll");
    await new Promise((r) => setTimeout(r, 1500));
    w.sim.control.startRestriction({ userId: KID, source: 2 });
    const lock = await w.fake.waitForMessage(
      "alerts",
      (m) => visibleText(m).includes("está bloqueado"),
      15_000,
    );
    const text = visibleText(lock);
    expect(text).toContain("KidAccount está bloqueado: o tempo de tela de hoje acabou");
    expect(text).toContain("Adicione tempo com os botões abaixo.");
    expect(text).toContain("Conta Roblox KidAccount");
    expect(text).not.toContain("today's screen time");
    expect(labels(lock)).toEqual(["+15 min", "+30 min"]);

    w.sim.control.endRestriction(KID);
    const ended = await w.fake.waitForMessage("alerts", (m) => visibleText(m).includes("terminou"), 15_000);
    expect(visibleText(ended)).toContain("O bloqueio por tempo de tela de KidAccount terminou");
  });

  it("language de: the screen-time alert and the daily summary are in German", async () => {
    const before = await w.runText({ name: "alerts", subcommand: "show" });
    expect(before).toContain("Português (Brasil) (the server's language)");
    const set = await w.runText({ name: "alerts", subcommand: "language", options: { language: "de" } });
    expect(set).toContain("Alerts and digests in this server will be in **Deutsch**.");
    expect(await w.runText({ name: "alerts", subcommand: "show" })).toContain("Deutsch");
    expect(await w.withStore((s) => s.settings.get(w.guildId))).toMatchObject({ language: "de" });
    // The bot re-reads a changed guild within a second (the store's change log).
    await new Promise((r) => setTimeout(r, 2500));
    w.sim.control.setScreenTime({ userId: KID, dailyLimit: 120, days: WEEK, localDayOfWeek: 0 });
    const st = await w.fake.waitForMessage(
      "alerts",
      (m) => visibleText(m).includes("der heutigen Bildschirmzeit"),
      20_000,
    );
    const text = visibleText(st);
    expect(text).toContain("KidAccount hat 80 % der heutigen Bildschirmzeit genutzt");
    expect(text).toMatch(/1 Std\. 40 Min\. von 2 Std\. 0 Min\. Tageslimit heute gespielt/);
    expect(text).toContain("Roblox-Konto KidAccount");
    expect(labels(st)).toEqual(["+15 Min."]);

    // The summary is due at summary-time in the guild's zone (checked every minute); it is Sunday there.
    const now = new Date(Date.now() + TO_SUNDAY);
    const hhmm = `${String(now.getUTCHours()).padStart(2, "0")}:${String(now.getUTCMinutes()).padStart(2, "0")}`;
    await w.withStore((s) =>
      s.settings.update(w.guildId, { events: { "daily-summary": true }, timeZone: "UTC", summaryTime: hhmm }),
    );
    const summary = await w.fake.waitForMessage(
      "alerts",
      (m) => visibleText(m).includes("Tägliche Zusammenfassung"),
      75_000,
    );
    const s = visibleText(summary);
    expect(s).toContain("Tägliche Zusammenfassung — KidAccount");
    expect(s).toContain("Bildschirmzeit heute");
    expect(s).toContain("Offene Freundschaftsanfragen");
    expect(s).not.toMatch(/Daily summary|Screen time today|Pending friend requests/);

    const [picture] = Object.values(summary.files);
    expect(picture?.contentType).toBe("image/png");
    const week = (locale: "de" | "en-US"): WeeklyChartInput => ({
      days: WEEK.map((minutes, daysAgo) => ({ daysAgo, minutes })),
      localDayOfWeek: 0,
      limitMinutes: 120,
      title: t(locale, "summary.chartTitle", { account: "KidAccount" }).slice(0, 80),
      ...(locale === "de" ? { locale } : {}),
    });
    expect(picture?.data.equals(renderWeeklyChart(week("de")))).toBe(true);
    expect(picture?.data.equals(renderWeeklyChart(week("en-US")))).toBe(false);
  }, 120_000);
});
