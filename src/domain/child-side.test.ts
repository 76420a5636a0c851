import { describe, expect, it } from "vitest";
import { said } from "../errors.js";
import type { StoredParent } from "../store/index.js";
import { matchParentChild, sideNote } from "./child-side.js";

const parent = (id: string, over: Partial<StoredParent> = {}): StoredParent => ({
  guildId: "1",
  robloxId: id,
  robloxName: `Parent${id}`,
  displayName: `P${id}`,
  linkedBy: "9",
  linkedAt: "2026-01-01T00:00:00.000Z",
  health: { state: "ok" },
  cookie: "sealed",
  children: [],
  ...over,
});

const mum = parent("10", {
  label: "Mum",
  children: [
    { userId: "101", name: "KidAccount", displayName: "Kid" },
    { userId: "102", name: "Sis", displayName: "Sister" },
  ],
});
const dad = parent("20", { children: [{ userId: "201", name: "Bro" }] });
const empty = parent("30", { label: "Nobody's" });

describe("matchParentChild", () => {
  it("no option: the first child of the first parent link that has one", () => {
    expect(matchParentChild([empty, dad, mum])?.child.userId).toBe("201");
    expect(matchParentChild([empty])).toBeUndefined();
    expect(matchParentChild([])).toBeUndefined();
  });

  it("by the child's id, user name or display name (case-insensitive), across parent links", () => {
    expect(matchParentChild([mum, dad], "102")?.child.name).toBe("Sis");
    expect(matchParentChild([mum, dad], "kidaccount")?.child.userId).toBe("101");
    expect(matchParentChild([mum, dad], " SISTER ")?.child.userId).toBe("102");
    expect(matchParentChild([mum, dad], "bro")?.parent.robloxId).toBe("20");
  });

  it("by the parent link's label or name: its first child; a parent with no child matches nothing", () => {
    expect(matchParentChild([mum, dad], "mum")?.child.userId).toBe("101");
    expect(matchParentChild([mum, dad], "parent20")?.child.userId).toBe("201");
    expect(matchParentChild([empty, mum], "nobody's")).toBeUndefined();
    expect(matchParentChild([mum, dad], "stranger")).toBeUndefined();
  });

  it("a child's name wins over a parent's label that reads the same", () => {
    const odd = parent("40", { label: "Sis", children: [{ userId: "401", name: "Other" }] });
    expect(matchParentChild([odd, mum], "sis")?.child.userId).toBe("102");
  });
});

describe("sideNote", () => {
  it("says nothing for the child's own account", () => {
    expect(sideNote({}, "read", "en-US")).toBeUndefined();
  });

  it("names the parent account (markdown escaped) and what the child's side was told", () => {
    const p = parent("50", { displayName: "*Mum*", robloxName: "mum_1" });
    expect(sideNote({ via: p }, "read", "en-US")).toBe(
      "Read through the parent account \\*Mum\\* (@mum\\_1).",
    );
    expect(sideNote({ via: p, childRefusal: "Roblox refused this" }, "changed", "en-US")).toBe(
      "Roblox refused this to the child's own account: Roblox refused this. Changed through the parent account \\*Mum\\* (@mum\\_1) instead.",
    );
  });

  it("in the member's language: pt-BR and de, a refusal kept as a key is said in that language too", () => {
    const p = parent("50", { displayName: "*Mum*", robloxName: "mum_1" });
    expect(sideNote({ via: p }, "read", "pt-BR")).toBe(
      "Lido pela conta de responsável \\*Mum\\* (@mum\\_1).",
    );
    expect(sideNote({ via: p, childRefusal: said("parent.deadChildCookie") }, "changed", "de")).toBe(
      "Roblox hat das dem eigenen Konto des Kindes verweigert: es akzeptiert das Cookie des Kindes nicht mehr (ein Admin kann es mit `/roblox verknüpfen` erneut verknüpfen). Stattdessen über das Elternkonto \\*Mum\\* (@mum\\_1) geändert.",
    );
  });
});
