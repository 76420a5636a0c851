import { MessageFlags, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Context } from "../context.js";
import { t } from "../i18n/t.js";
import { refusal } from "../permissions.js";
import { createInteractionHandler } from "./interactionCreate.js";

type Call = [string, unknown];

/** A chat command from a cached guild, recording what the bot sends back in order. */
function chatCommand(commandName: string, subcommand: string | null, admin: boolean) {
  const calls: Call[] = [];
  const i = {
    type: 2,
    commandName,
    guildId: "1",
    user: { id: "2" },
    deferred: false,
    replied: false,
    memberPermissions: { bitfield: admin ? PermissionFlagsBits.ManageGuild : 0n },
    member: { roles: { cache: new Map() } },
    options: {
      getSubcommand: () => subcommand,
      getString: () => null,
    },
    inCachedGuild: () => true,
    isRepliable: () => true,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isButton: () => false,
    isModalSubmit: () => false,
    isMessageComponent: () => false,
    async deferReply(o: unknown) {
      calls.push(["deferReply", o]);
      i.deferred = true;
    },
    async editReply(o: unknown) {
      calls.push(["editReply", o]);
    },
    async reply(o: unknown) {
      calls.push(["reply", o]);
      i.replied = true;
    },
    async followUp(o: unknown) {
      calls.push(["followUp", o]);
    },
  };
  return { interaction: i, calls };
}

/** A guild with no linked account, no parent link, no access role. */
function emptyGuild(): Context {
  const logger = { child: () => logger, info() {}, warn() {}, error() {} };
  return {
    logger,
    now: () => 0,
    store: {
      settings: {
        get: async () => ({ accessRoles: {} }),
        getForDisplay: async () => ({ accessRoles: {} }),
      },
      accounts: {
        resolve: async () => undefined,
        list: async () => [],
        listForDisplay: async () => [],
      },
      parents: { list: async () => [] },
    },
  } as unknown as Context;
}

async function run(name: string, sub: string | null, admin: boolean) {
  const { interaction, calls } = chatCommand(name, sub, admin);
  await createInteractionHandler(emptyGuild())(interaction as never);
  return calls;
}

describe("the command prologue the router runs", () => {
  it("defers a subcommand on the linked account (lazily: a fast answer is the ephemeral reply itself), then tells that none is linked", async () => {
    const calls = await run("restrictions", null, true);
    expect(calls.map(([k]) => k)).toEqual(["reply"]);
    expect(calls[0]?.[1]).toMatchObject({
      content: t("en-US", "error.noAccount"),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  });

  it("answers a subcommand that declares no defer with one ephemeral reply, mentions off", async () => {
    const calls = await run("access", "list", true);
    expect(calls.map(([k]) => k)).toEqual(["reply"]);
    expect(calls[0]?.[1]).toMatchObject({ flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  });

  it("refuses below the declared level before deferring or reading an account", async () => {
    const calls = await run("restrictions", null, false);
    expect(calls).toEqual([["reply", expect.objectContaining({ content: t("en-US", refusal("viewer")) })]]);
  });

  it("calls a subcommand it does not know no longer supported, without running anything", async () => {
    const calls = await run("friends", "toString", true);
    expect(calls).toEqual([
      [
        "reply",
        expect.objectContaining({
          content: "This button or command is no longer supported. Run the command again.",
        }),
      ],
    ]);
  });
});
