// The test's own markdown reader: it must see every construct raw, and none once escaped.
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/ui/format.js";
import { ATOMS, plain } from "./hostile.js";
import { beyond, liveMarkdown } from "./live.js";

const kinds = (s: string) => liveMarkdown(s).map((f) => f.kind);

describe("liveMarkdown", () => {
  it("sees each construct when it is raw", () => {
    expect(kinds("[free robux](https://evil.example/login)")).toEqual(["link", "url"]);
    expect(kinds("# H\n-# s\n> q\n>>> q\n- l\n* l\n+ l\n1. l\n2) l")).toEqual([
      "line:#",
      "line:-#",
      "line:>",
      "line:>>>",
      "line:-",
      "line:*",
      "line:+",
      "line:1.",
      "line:2)",
      "mark:*",
    ]);
    expect(kinds("<@&1> <@1> <@!1> <#1> <t:0:R> <t:1> <:e:1> <a:e:1> </c d:1> <id:home>")).toEqual(
      Array(10).fill("token"),
    );
    expect(kinds("@everyone @here")).toEqual(["everyone", "here"]);
    expect(kinds("`a` **b** __c__ ~~d~~ ||e||")).toEqual([
      "code",
      ...Array(4).fill("mark:*"),
      ...Array(4).fill("mark:_"),
      ...Array(4).fill("mark:~"),
      ...Array(4).fill("mark:|"),
    ]);
    expect(kinds("a\u200bb\u202ec 👨\u200d👩")).toEqual(["invisible", "invisible"]);
  });

  it("sees nothing inside code spans or behind backslashes", () => {
    expect(kinds("`**b** <@1> [a](https://x.y)`")).toEqual(["code"]);
    expect(kinds("\\*\\*b\\*\\* \\<@1> \\[a\\](https\\://x.y) \\@everyone\n\\# H\n1\\. x")).toEqual([]);
    expect(kinds("a\\b")).toEqual([]); // a backslash before a letter is shown, escapes nothing
  });

  it("finds nothing in any escaped atom, and something in most raw ones", () => {
    let raw = 0;
    for (const atom of ATOMS) {
      expect(liveMarkdown(escapeMarkdown(atom, { multiline: true })), atom).toEqual([]);
      if (liveMarkdown(atom).length > 0) raw++;
    }
    expect(raw).toBeGreaterThan(40);
  });

  it("beyond() is a multiset difference", () => {
    expect(beyond(["a", "a", "b"], ["a", "b", "c"])).toEqual(["a"]);
    expect(beyond([], ["a"])).toEqual([]);
  });

  it("the plain twin has no markup and keeps letters, digits and spacing", () => {
    const s = "Ab 9\t**x** <@1>\r\n# é\u200b";
    expect(plain(s)).toBe("Ab 9 κκxκκ σχ1υ\nγ é");
    expect(liveMarkdown(plain(ATOMS.join("")))).toEqual([]);
  });
});
