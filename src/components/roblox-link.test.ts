// The account-limit refusal of the link form, with plurals.
import { describe, expect, it } from "vitest";
import { accountLimitSentence } from "./roblox-link.js";

describe("accountLimitSentence", () => {
  it("the account limit, with plurals", () => {
    expect(accountLimitSentence(1, "en-US")).toBe(
      "This server already has 1 linked Roblox account, the most allowed here. Unlink one with `/roblox unlink` first; nothing was stored.",
    );
    expect(accountLimitSentence(3, "pt-BR")).toBe(
      "Este servidor já tem 3 contas Roblox vinculadas, o máximo permitido aqui. Desvincule uma com `/roblox desvincular` primeiro; nada foi guardado.",
    );
  });
});
