// The roblox.* replies (/roblox, /access, /audit, the link form) in every locale: same keys and
// placeholders as en-US, valid ICU.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "./catalog.js";
import { LOCALES } from "./locales.js";
import { formatMessage, md } from "./t.js";

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
