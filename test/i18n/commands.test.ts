import { describe, expect, it } from "vitest";
import { commandData } from "../../src/commands/deploy-json.js";
import { commands } from "../../src/commands/registry.js";
import { localizeCommands } from "../../src/i18n/commands.js";
import { enUS } from "../../src/i18n/locales/en-US.js";
import { LOCALES } from "../../src/i18n/locales.js";
import { validateSchema } from "../e2e/fake-discord/openapi.js";

interface Node {
  name: string;
  description: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  options?: Node[];
  choices?: { name: string; value: unknown; name_localizations?: Record<string, string> }[];
}

const raw = [...commands.values()].map((c) => c.data) as unknown as Node[];
const deployed = commandData() as unknown as Node[];

function walk(nodes: Node[] | undefined, visit: (n: Node, siblings: Node[]) => void): void {
  for (const n of nodes ?? []) {
    visit(n, nodes ?? []);
    walk(n.options, visit);
  }
}

// Discord: names 1-32, lowercase where the script has case, letters/digits/-/_ only; descriptions 1-100.
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe("localized commands", () => {
  it("the en-US texts are exactly the registered ones (none missing, none stale)", () => {
    const names = new Set<string>();
    const descriptions = new Set<string>();
    const choices = new Set<string>();
    walk(raw, (n) => {
      names.add(n.name);
      descriptions.add(n.description);
      for (const c of n.choices ?? []) choices.add(c.name);
    });
    expect(Object.keys(enUS.commands.names).sort()).toEqual([...names].sort());
    expect(Object.keys(enUS.commands.descriptions).sort()).toEqual([...descriptions].sort());
    expect(Object.keys(enUS.commands.choices).sort()).toEqual([...choices].sort());
  });

  it("every name, description and choice is localized in every locale but the source", () => {
    walk(deployed, (n) => {
      for (const locale of LOCALES.filter((l) => l !== "en-US")) {
        expect(n.name_localizations?.[locale], `${n.name} in ${locale}`).toBeTruthy();
        expect(n.description_localizations?.[locale], `${n.description} in ${locale}`).toBeTruthy();
        for (const c of n.choices ?? []) expect(c.name_localizations?.[locale]).toBeTruthy();
      }
      expect(Object.keys(n.name_localizations ?? {})).not.toContain("en-US");
    });
  });

  it("follows Discord's limits in every locale, and sibling names stay unique", () => {
    walk(deployed, (n, siblings) => {
      for (const [locale, name] of Object.entries(n.name_localizations ?? {})) {
        expect(name, `${n.name} in ${locale}`).toMatch(NAME);
        expect(name, `${n.name} in ${locale}`).toBe(name.toLocaleLowerCase(locale));
        const same = siblings.filter((s) => s.name_localizations?.[locale] === name);
        expect(
          same.map((s) => s.name),
          `${locale}: "${name}" names two siblings`,
        ).toEqual([n.name]);
      }
      for (const text of Object.values(n.description_localizations ?? {})) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(100);
      }
      for (const c of n.choices ?? []) {
        for (const text of Object.values(c.name_localizations ?? {}))
          expect(text.length).toBeLessThanOrEqual(100);
      }
    });
  });

  it("each command stays within Discord's 8,000 characters, counting the longest localization of each field", () => {
    const longest = (base: string, loc?: Record<string, string>) =>
      Math.max(base.length, ...Object.values(loc ?? {}).map((s) => s.length));
    for (const c of deployed) {
      let size = 0;
      walk([c], (n) => {
        size += longest(n.name, n.name_localizations) + longest(n.description, n.description_localizations);
        for (const ch of n.choices ?? [])
          size += longest(ch.name, ch.name_localizations) + String(ch.value).length;
      });
      expect(size, c.name).toBeLessThanOrEqual(8000);
    }
  });

  it("the deploy JSON validates against Discord's OpenAPI description", () => {
    for (const c of deployed)
      expect(validateSchema("ApplicationCommandCreateRequest", c), c.name).toEqual([]);
  });

  it("refuses to deploy with a missing translation", () => {
    const unknown = { ...raw[0], name: "not-in-any-catalog" } as Node;
    expect(() => localizeCommands([unknown])).toThrow(/no translation for "not-in-any-catalog"/);
  });
});
