// The grant note on a shared screen-time alert, in the alert's language.
import { describe, expect, it } from "vitest";
import { noteGrant } from "./screentime-buttons.js";

describe("noteGrant", () => {
  it("noteGrant adds to the field named in the alert's language", () => {
    const first = noteGrant([{ title: "x" }], "+15 Min. von <@1> <t:1:R>", "de");
    expect(first[0]?.fields).toEqual([
      { name: "Zusätzliche Zeit gewährt", value: "+15 Min. von <@1> <t:1:R>" },
    ]);
    const second = noteGrant(first, "+30 Min. von <@2> <t:2:R>", "de");
    expect(second[0]?.fields).toHaveLength(1);
    expect(second[0]?.fields?.[0]?.value).toBe("+15 Min. von <@1> <t:1:R>\n+30 Min. von <@2> <t:2:R>");
  });
});
