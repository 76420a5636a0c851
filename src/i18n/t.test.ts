import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "./catalog.js";
import { date, minutes, number, relative, weekdays } from "./format.js";
import { guildLocale, LOCALES, resolveLocale } from "./locales.js";
import { formatMessage, localizeMentions, md, t } from "./t.js";

describe("locales", () => {
  it("a member's Discord locale picks its catalog; unsupported ones (and en-GB) get the source", () => {
    expect(resolveLocale("pt-BR")).toBe("pt-BR");
    expect(resolveLocale("es-419")).toBe("es-419");
    expect(resolveLocale("en-GB")).toBe("en-US");
    expect(resolveLocale("ja")).toBe("en-US");
    expect(resolveLocale(undefined)).toBe("en-US");
  });

  it("a guild's language is the one chosen, else its preferred locale when supported", () => {
    expect(guildLocale("de", "fr")).toBe("de");
    expect(guildLocale(undefined, "fr")).toBe("fr");
    expect(guildLocale("xx", "ko")).toBe("en-US");
  });

  it("every locale has every message key, each a message that compiles", () => {
    const keys = Object.keys(CATALOGS["en-US"].messages).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(CATALOGS[locale].messages).sort(), locale).toEqual(keys);
      for (const key of keys) {
        const message = CATALOGS[locale].messages[key as keyof (typeof CATALOGS)["en-US"]["messages"]];
        expect(() => new IntlMessageFormat(message, locale), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it("every translation uses the same placeholders as the English message", () => {
    const source = CATALOGS["en-US"].messages;
    for (const locale of LOCALES) {
      for (const [key, english] of Object.entries(source)) {
        const message = CATALOGS[locale].messages[key as keyof typeof source];
        // `n` only picks a plural form: a language whose nouns do not change with a count may leave it out.
        const shown = (m: string) => placeholders(m).filter((p) => p !== "n");
        expect(shown(message), `${locale} ${key}`).toEqual(shown(english));
      }
    }
  });
});

describe("t", () => {
  it("escapes values from Roblox but keeps markdown roguard built", () => {
    const hostile = "[free robux](https://evil.example) @everyone **x**";
    const out = formatMessage("pt-BR", "{who} quer ser seu amigo ({by})", {
      who: hostile,
      by: md("**Kid**"),
    });
    expect(out).toBe(
      "\\[free robux\\](https\\://evil.example) \\@everyone \\*\\*x\\*\\* quer ser seu amigo (**Kid**)",
    );
  });

  it("plurals and numbers follow the locale's rules", () => {
    const m = "{n, plural, one {# pedido} other {# pedidos}}";
    expect(formatMessage("pt-BR", m, { n: 1 })).toBe("1 pedido");
    expect(formatMessage("pt-BR", m, { n: 1200 })).toBe("1.200 pedidos");
    expect(formatMessage("fr", "{n, plural, one {# demande} other {# demandes}}", { n: 0 })).toBe(
      "0 demande",
    );
  });

  it("a catalog key formats in every locale", () => {
    expect(t("en-US", "duration.noLimit")).toBe("no limit");
    expect(t("de", "duration.noLimit")).toBe("kein Limit");
  });
});

describe("format", () => {
  it("keeps roguard's English durations for en-US and takes Intl's elsewhere", () => {
    expect(minutes("en-US", 65)).toBe("1 h 05 min");
    expect(minutes("en-US", 0, { asLimit: true })).toBe("no limit");
    expect(minutes("de", 65)).toBe("1 Std. 5 Min.");
    expect(minutes("pt-BR", 45)).toBe("45 min");
    expect(minutes("tr", 0, { asLimit: true })).toBe("sınır yok");
  });

  it("numbers, weekdays (Monday first), dates and relative times follow the locale", () => {
    expect(number("de", 12345.5)).toBe("12.345,5");
    expect(number("en-US", 12345.5)).toBe("12,345.5");
    expect(weekdays("de")).toEqual(["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]);
    expect(weekdays("en-US")[0]).toBe("Mon");
    expect(date("fr", new Date(Date.UTC(2026, 11, 5)))).toBe("5 déc. 2026");
    expect(relative("pt-BR", -3 * 86_400_000)).toBe("há 3 dias");
    expect(relative("en-US", 2 * 3_600_000)).toBe("in 2 hours");
  });
});

/** The argument names of an ICU message ({name}, {n, plural, …}), sorted and unique. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as {
      type: number;
      value?: unknown;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (typeof node.value === "string" && node.type !== 0) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "en-US").getAst());
  return [...names].sort();
}

describe("command mentions", () => {
  it("names a command as the member's Discord shows it, leaving other words and English alone", () => {
    expect(localizeMentions("pt-BR", "Vincule de novo com `/roblox link` agora.")).toBe(
      "Vincule de novo com `/roblox vincular` agora.",
    );
    expect(localizeMentions("de", "siehe /restrictions.")).toBe("siehe /einschränkungen.");
    expect(localizeMentions("de", "(/alerts show again)")).toBe("(/meldungen anzeigen again)");
    expect(localizeMentions("de", "https://www.roblox.com/users/1/profile")).toBe(
      "https://www.roblox.com/users/1/profile",
    );
    expect(localizeMentions("de", "1/2 and /nothing-here")).toBe("1/2 and /nothing-here");
    expect(localizeMentions("en-US", "`/roblox link`")).toBe("`/roblox link`");
  });

  it("applies to every message t() says", () => {
    expect(t("pt-BR", "error.noAccount")).toContain("`/roblox vincular`");
    expect(t("en-US", "error.noAccount")).toContain("`/roblox link`");
  });
});
