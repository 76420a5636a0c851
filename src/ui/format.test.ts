import { describe, expect, it } from "vitest";
import { t } from "../i18n/t.js";
import {
  accountAge,
  discordTimestamp,
  escapeMarkdown,
  formatHHMM,
  formatMinutes,
  isValidTimeZone,
  parseHHMM,
  presenceLabel,
  profileUrl,
  timeZoneChoices,
  truncate,
} from "./format.js";

describe("discordTimestamp", () => {
  it("renders seconds with the style, R by default", () => {
    const d = new Date("2024-01-02T03:04:05.999Z");
    expect(discordTimestamp(d)).toBe(`<t:${Math.floor(d.getTime() / 1000)}:R>`);
    expect(discordTimestamp(1_700_000_000_500, "F")).toBe("<t:1700000000:F>");
  });
  it("refuses an invalid date", () => {
    expect(() => discordTimestamp(new Date("nope"))).toThrow(RangeError);
  });
});

describe("formatMinutes", () => {
  it("formats minutes and hours", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(65)).toBe("1 h 05 min");
    expect(formatMinutes(120)).toBe("2 h 00 min");
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(-3)).toBe("0 min");
    expect(formatMinutes(Number.NaN)).toBe("0 min");
    expect(formatMinutes(59.6)).toBe("1 h 00 min");
  });
  it("says no limit for 0 when it is a limit", () => {
    expect(formatMinutes(0, { asLimit: true })).toBe("no limit");
    expect(formatMinutes(90, { asLimit: true })).toBe("1 h 30 min");
  });
});

describe("presence and experience", () => {
  it("labels presence types", () => {
    expect([0, 1, 2, 3, 4].map((type) => t("en-US", presenceLabel(type)))).toEqual([
      "Offline",
      "Online",
      "In game",
      "In Studio",
      "Invisible",
    ]);
    expect(presenceLabel(null)).toBe("ui.presence.offline");
    expect(t("de", presenceLabel(2))).not.toBe("In game");
  });
});

describe("profileUrl", () => {
  it("builds the profile address from a numeric id", () => {
    expect(profileUrl(156)).toBe("https://www.roblox.com/users/156/profile");
    expect(profileUrl("1234567890123")).toBe("https://www.roblox.com/users/1234567890123/profile");
  });
  it("refuses anything that is not digits", () => {
    expect(() => profileUrl("1/../evil")).toThrow(RangeError);
    expect(() => profileUrl("")).toThrow(RangeError);
  });
});

describe("accountAge", () => {
  const now = new Date("2024-06-15T12:00:00Z");
  it("picks the largest whole unit", () => {
    expect(accountAge("2021-03-01T00:00:00Z", now)).toBe("3 years");
    expect(accountAge("2023-06-15T12:00:00Z", now)).toBe("1 year");
    expect(accountAge("2023-06-16T00:00:00Z", now)).toBe("11 months");
    expect(accountAge("2024-01-10T00:00:00Z", now)).toBe("5 months");
    expect(accountAge("2024-06-03T00:00:00Z", now)).toBe("12 days");
    expect(accountAge("2024-06-14T00:00:00Z", now)).toBe("1 day");
    expect(accountAge("2024-06-15T06:00:00Z", now)).toBe("less than a day");
  });
  it("copes with bad input", () => {
    expect(accountAge("garbage", now)).toBe("unknown age");
  });
});

describe("truncate", () => {
  it("keeps short strings and cuts long ones with an ellipsis", () => {
    expect(truncate("abc", 5)).toBe("abc");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcdef", 4)).toHaveLength(4);
    expect(truncate("abc", 0)).toBe("");
    expect(truncate("abc", 1)).toBe("…");
  });
  it("never splits a surrogate pair", () => {
    const out = truncate("ab😀cd", 4);
    expect(out.length).toBeLessThanOrEqual(4);
    expect(out).toBe("ab…");
  });
});

describe("escapeMarkdown", () => {
  it("escapes Discord markdown", () => {
    expect(escapeMarkdown("**x**_y_")).toBe("\\*\\*x\\*\\*\\_y\\_");
    expect(escapeMarkdown("`c` ~~s~~ ||sp|| a\\b")).toBe("\\`c\\` \\~\\~s\\~\\~ \\|\\|sp\\|\\| a\\\\b");
  });
  it("escapes masked and bare links, mentions, channels, timestamps and custom emoji", () => {
    expect(escapeMarkdown("[free robux](https://evil.example/login)")).toBe(
      "\\[free robux\\](https\\://evil.example/login)",
    );
    expect(escapeMarkdown("<@&123> <@123> <#1> <t:0:R> <:e:1> </cmd:1>")).toBe(
      "\\<@&123> \\<@123> \\<#1> \\<t:0:R> \\<:e:1> \\</cmd:1>",
    );
    expect(escapeMarkdown("hi @everyone and @Here")).toBe("hi \\@everyone and \\@Here");
  });
  it("escapes line-start marks at the start and after every kept line break", () => {
    const text =
      "# H\n## H2\n> q\n>>> q\n-# small\n- item\n  + item\n12. item\n3) item\nplain - not # a list";
    expect(escapeMarkdown(text, { multiline: true }).split("\n")).toEqual([
      "\\# H",
      "\\## H2",
      "\\> q",
      "\\>>> q",
      "\\-# small",
      "\\- item",
      "  \\+ item",
      "12\\. item",
      "3\\) item",
      "plain - not # a list",
    ]);
  });
  it("makes one line of a name unless told to keep the breaks (every kind of break)", () => {
    expect(escapeMarkdown("a\r\nb\rc\u2028d\u2029e\u0085f")).toBe("a b c d e f");
    expect(escapeMarkdown("a\r\n# b", { multiline: true })).toBe("a\n\\# b");
    expect(escapeMarkdown("# a\n# b")).toBe("\\# a # b");
  });
  it("drops invisible characters that split tokens or reorder text, keeps emoji joiners", () => {
    expect(escapeMarkdown("@\u200beveryone")).toBe("\\@everyone");
    expect(escapeMarkdown("\u200b# x")).toBe("\\# x");
    expect(escapeMarkdown("*\u200d*b*\u2060*")).toBe("\\*\\*b\\*\\*");
    expect(escapeMarkdown("evil\u202eexe.txt\u2066\u2069\ufeff\u200e\u3164")).toBe("evilexe.txt");
    expect(escapeMarkdown("👨\u200d👩\u200d👧 ok")).toBe("👨\u200d👩\u200d👧 ok");
    expect(escapeMarkdown("tab\there")).toBe("tab here");
  });
  it("cuts to max before and after escaping, and is linear on long text", () => {
    expect(escapeMarkdown("abcdef", { max: 4 })).toBe("abc…");
    expect(escapeMarkdown("*".repeat(10), { max: 6 }).length).toBeLessThanOrEqual(6);
    const long = "*_`|[<".repeat(50_000);
    const t0 = performance.now();
    expect(escapeMarkdown(long).length).toBe(long.length * 2);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("times and zones", () => {
  it("parses HH:MM", () => {
    expect(parseHHMM("07:30")).toBe(450);
    expect(parseHHMM("7:05")).toBe(425);
    expect(parseHHMM("23:59")).toBe(1439);
    expect(parseHHMM("00:00")).toBe(0);
    for (const bad of ["24:00", "12:60", "1230", "ab:cd", "", "12:3"]) expect(parseHHMM(bad)).toBeNull();
  });
  it("formats HH:MM", () => {
    expect(formatHHMM(450)).toBe("07:30");
    expect(formatHHMM(1439)).toBe("23:59");
  });
  it("validates zones", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
  it("offers matching zones for autocomplete, at most the limit", () => {
    const paris = timeZoneChoices("paris");
    expect(paris[0]).toEqual({ name: "Europe/Paris", value: "Europe/Paris" });
    const ny = timeZoneChoices("new york");
    expect(ny.map((c) => c.value)).toContain("America/New_York");
    const eu = timeZoneChoices("europe/");
    expect(eu).toHaveLength(25);
    expect(eu.every((c) => c.value.startsWith("Europe/"))).toBe(true);
    expect(timeZoneChoices("", 5)).toHaveLength(5);
    expect(timeZoneChoices("")[0]?.value).toBe("UTC");
    expect(timeZoneChoices("zzzz-nothing")).toEqual([]);
    expect(timeZoneChoices("a", 100).length).toBeLessThanOrEqual(25);
    for (const c of timeZoneChoices("america")) expect(isValidTimeZone(c.value)).toBe(true);
  });
});
