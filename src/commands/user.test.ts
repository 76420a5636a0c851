import { describe, expect, it } from "vitest";
import { profileEmbed } from "./user.js";

const USER = {
  id: 7,
  name: "Some_Name",
  displayName: "Some",
  description: "",
  created: "2015-01-01T00:00:00Z",
  isBanned: true,
  hasVerifiedBadge: false,
};

describe("profileEmbed", () => {
  it("names its fields and the account's age in the member's language", () => {
    const json = profileEmbed(USER, null, new Date("2026-06-01T00:00:00Z"), "pt-BR").toJSON();
    expect(json.title).toBe("Some (@Some\\_Name)");
    expect(json.description).toBe("*Sem descrição.*");
    expect(json.fields?.slice(1)).toEqual([
      { name: "Criação", value: "<t:1420070400:D> (há 11 anos)", inline: true },
      { name: "Selo de verificado", value: "Não", inline: true },
      { name: "Banido", value: "⛔ Sim", inline: true },
    ]);
  });

  it("stays as it was in English", () => {
    const json = profileEmbed(USER, null, new Date("2026-06-01T00:00:00Z"), "en-US").toJSON();
    expect(json.fields?.map((f) => [f.name, f.value])).toEqual([
      ["Roblox id", "7"],
      ["Created", "<t:1420070400:D> (11 years old)"],
      ["Verified badge", "No"],
      ["Banned", "⛔ Yes"],
    ]);
    expect(json.description).toBe("*No description.*");
  });
});
