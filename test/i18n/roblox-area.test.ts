// The roblox.* replies (/roblox, /access, /audit, the link form) in every locale: same keys as en-US,
// valid ICU, the link form within Discord's limits, and exact sentences in de and pt-BR.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { auditLine, fitLines } from "../../src/commands/audit.js";
import { accountLimitSentence } from "../../src/components/roblox-link.js";
import { COOKIE_REFUSED_KEY, cookieProblemSentence } from "../../src/domain/cookie.js";
import { CATALOGS } from "../../src/i18n/catalog.js";
import { LOCALES } from "../../src/i18n/locales.js";
import { formatMessage, md, t } from "../../src/i18n/t.js";
import { linkModalData } from "../../src/ui/modals.js";

const areaKeys = (messages: Record<string, string>) =>
  Object.keys(messages)
    .filter((k) => k.startsWith("roblox."))
    .sort();

describe("roblox.* messages", () => {
  const en = areaKeys(CATALOGS["en-US"].messages);

  it("exist in every locale, with the same keys as en-US", () => {
    expect(en.length).toBeGreaterThan(60);
    for (const locale of LOCALES) expect([locale, areaKeys(CATALOGS[locale].messages)]).toEqual([locale, en]);
  });

  it("use the same placeholders as the English message", () => {
    const names = (message: string) => {
      const found = new Set<string>();
      const walk = (nodes: unknown[]): void => {
        for (const node of nodes as {
          type: number;
          value?: unknown;
          options?: Record<string, { value: unknown[] }>;
        }[]) {
          if (typeof node.value === "string" && node.type !== 0) found.add(node.value);
          for (const option of Object.values(node.options ?? {})) walk(option.value);
        }
      };
      walk(new IntlMessageFormat(message, "en-US", undefined, { ignoreTag: true }).getAst());
      return [...found].sort();
    };
    const messages = (locale: (typeof LOCALES)[number]) =>
      CATALOGS[locale].messages as Record<string, string>;
    for (const locale of LOCALES) {
      for (const key of en) {
        expect([locale, key, names(messages(locale)[key] ?? "")]).toEqual([
          locale,
          key,
          names(messages("en-US")[key] ?? ""),
        ]);
      }
    }
  });

  it("format in every locale (valid ICU, every placeholder filled)", () => {
    const values = {
      count: 3,
      limit: 10,
      id: "1001",
      name: "Kid",
      label: "kid",
      level: "viewer",
      kind: "screenTime",
      before: "manager",
      role: md("<@&1>"),
      who: md("<@2>"),
      when: md("<t:1:R>"),
      since: md("<t:1:R>"),
      end: md("<t:1:f>"),
      relative: md("<t:1:R>"),
      account: md("Kid"),
      next: md("Mum"),
      display: md("Kid"),
      reason: md("Roblox refused it."),
      why: md("Roblox did not answer."),
    };
    for (const locale of LOCALES) {
      for (const key of en) {
        const text = formatMessage(
          locale,
          (CATALOGS[locale].messages as Record<string, string>)[key] ?? "",
          values,
        );
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
        expect(text.length, `${locale} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("the link form in every locale", () => {
  it("stays within Discord's limits: title ≤ 45, labels ≤ 45, descriptions ≤ 100", () => {
    for (const locale of LOCALES) {
      const modal = linkModalData(locale);
      expect(modal.title.length, `${locale} title`).toBeLessThanOrEqual(45);
      const labels = modal.components as unknown as Array<{ label: string; description?: string }>;
      expect(labels).toHaveLength(3);
      for (const l of labels) {
        expect(l.label.length, `${locale} ${l.label}`).toBeLessThanOrEqual(45);
        expect((l.description ?? "").length, `${locale} ${l.description}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("is in the member's language", () => {
    const modal = linkModalData("pt-BR");
    expect(modal.title).toBe("Vincular uma conta Roblox");
    const labels = modal.components as unknown as Array<{ label: string }>;
    expect(labels.map((l) => l.label)).toEqual([
      "Cookie .ROBLOSECURITY",
      "Cookie RBXEventTrackerV2 (opcional)",
      "Rótulo (opcional)",
    ]);
    expect(linkModalData("en-US").title).toBe("Link a Roblox account");
  });
});

describe("pure sentences take a locale", () => {
  it("cookie refusals", () => {
    expect(cookieProblemSentence("empty", "de")).toBe(
      "Das Cookie-Feld war leer, daher wurde das Cookie nicht angenommen. Es wurde nichts gespeichert.",
    );
    expect(cookieProblemSentence("not-a-cookie", "pt-BR")).toBe(
      "Isso não é um cookie .ROBLOSECURITY (ele sempre começa com `_|WARNING:`), então não foi aceito. Nada foi guardado.",
    );
    expect(t("fr", COOKIE_REFUSED_KEY)).toContain("Roblox n’a pas accepté ce cookie");
  });

  it("the account limit, with plurals", () => {
    expect(accountLimitSentence(1, "en-US")).toBe(
      "This server already has 1 linked Roblox account, the most allowed here. Unlink one with `/roblox unlink` first; nothing was stored.",
    );
    expect(accountLimitSentence(3, "pt-BR")).toBe(
      "Este servidor já tem 3 contas Roblox vinculadas, o máximo permitido aqui. Desvincule uma com `/roblox desvincular` primeiro; nada foi guardado.",
    );
  });

  it("audit lines: the stored action and detail as they are, our words translated", () => {
    const line = auditLine(
      { at: "2026-01-02T03:04:05.000Z", actorId: "42", action: "roblox.unlink", robloxId: "77", detail: "x" },
      new Map(),
      "pt-BR",
    );
    expect(line).toBe(
      "<t:1767323045:f> (<t:1767323045:R>) <@42> **roblox.unlink** · conta 77 (desvinculada) · x",
    );
    const text = fitLines(
      Array.from({ length: 50 }, (_, i) => `${i}`.padEnd(150, ".")),
      "de",
      1000,
    );
    expect(text.split("\n").at(-1)).toMatch(/^…und \d+ ältere Einträge werden nicht angezeigt$/);
  });
});
