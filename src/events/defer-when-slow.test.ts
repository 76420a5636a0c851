import type { RepliableInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deferWhenSlow } from "./defer-when-slow.js";

/** Records the HTTP exchanges discord.js would make, with its own state checks. */
function fakeInteraction() {
  const sent: { kind: string; body: unknown }[] = [];
  const i = {
    deferred: false,
    replied: false,
    async deferReply(options: unknown) {
      if (i.deferred || i.replied) throw new Error("already replied");
      sent.push({ kind: "defer", body: options });
      await Promise.resolve();
      i.deferred = true;
    },
    async reply(body: unknown) {
      if (i.deferred || i.replied) throw new Error("already replied");
      sent.push({ kind: "reply", body });
      await Promise.resolve();
      i.replied = true;
    },
    async editReply(body: unknown) {
      if (!i.deferred && !i.replied) throw new Error("not replied");
      sent.push({ kind: "edit", body });
    },
    async followUp(body: unknown) {
      if (!i.deferred && !i.replied) throw new Error("not replied");
      sent.push({ kind: "followUp", body });
    },
  };
  return { i, sent, interaction: i as unknown as RepliableInteraction };
}

describe("deferWhenSlow", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a fast answer after deferReply goes out as one ephemeral reply, no defer", async () => {
    const { sent, interaction } = fakeInteraction();
    const lazy = deferWhenSlow(interaction, performance.now(), 1500);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: "done", embeds: [] });
    lazy.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([
      { kind: "reply", body: { content: "done", embeds: [], flags: MessageFlags.Ephemeral } },
    ]);
  });

  it("a string edit keeps the defer's visibility (not ephemeral: no flag)", async () => {
    const { sent, interaction } = fakeInteraction();
    deferWhenSlow(interaction, performance.now(), 1500);
    await interaction.deferReply();
    await interaction.editReply("hello");
    expect(sent).toEqual([{ kind: "reply", body: { content: "hello", flags: 0 } }]);
  });

  it("a slow answer: the defer goes out when the timer fires, the answer edits it", async () => {
    const { sent, interaction } = fakeInteraction();
    const arrived = performance.now();
    deferWhenSlow(interaction, arrived, 1500);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await vi.advanceTimersByTimeAsync(1499);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ kind: "defer", body: { flags: MessageFlags.Ephemeral } }]);
    await interaction.editReply("late");
    expect(sent.map((s) => s.kind)).toEqual(["defer", "edit"]);
  });

  it("an answer while the defer is in flight waits for it, then edits (no second callback)", async () => {
    const { i, sent, interaction } = fakeInteraction();
    deferWhenSlow(interaction, performance.now(), 10);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    vi.advanceTimersByTime(10); // the defer is sent, its response not yet in
    expect(i.deferred).toBe(false);
    // the router's error reply checks `deferred`, sees false and calls reply(): it must become an edit
    await interaction.reply({ content: "oops", flags: MessageFlags.Ephemeral });
    expect(sent.map((s) => s.kind)).toEqual(["defer", "edit"]);
    expect(sent[1]?.body).toEqual({ content: "oops" });
  });

  it("a direct reply (no deferReply) is untouched, and later edits edit it", async () => {
    const { sent, interaction } = fakeInteraction();
    deferWhenSlow(interaction, performance.now(), 1500);
    await interaction.reply({ content: "hi", flags: MessageFlags.Ephemeral });
    await interaction.editReply("changed");
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map((s) => s.kind)).toEqual(["reply", "edit"]);
  });

  it("a follow-up with only a wanted defer sends the defer first", async () => {
    const { sent, interaction } = fakeInteraction();
    deferWhenSlow(interaction, performance.now(), 1500);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.followUp({ content: "more" });
    expect(sent.map((s) => s.kind)).toEqual(["defer", "followUp"]);
  });

  it("deferReply twice fails as discord.js would; finish() sends a defer never answered", async () => {
    const { sent, interaction } = fakeInteraction();
    const lazy = deferWhenSlow(interaction, performance.now(), 1500);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    lazy.finish();
    await Promise.resolve();
    expect(sent.map((s) => s.kind)).toEqual(["defer"]);
    await expect(interaction.deferReply()).rejects.toThrow("already replied");
  });
});
