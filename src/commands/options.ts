/** Option builders shared by the command definitions (names are the README's Command reference: people and scripts rely on them, keep them exact). */
import type { SlashCommandStringOption, SlashCommandSubcommandBuilder } from "discord.js";

type Sub = SlashCommandSubcommandBuilder;

/** The optional `account` option (autocomplete over the guild's linked accounts). */
export const accountOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o
    .setName("account")
    .setDescription("Linked account (label or username); the server's default when empty")
    .setAutocomplete(true)
    .setMaxLength(100);

export const accountOpt = (s: Sub): Sub => s.addStringOption(accountOption);

export const userOpt = (s: Sub, required: boolean, description = "Roblox username or numeric id"): Sub =>
  s.addStringOption((o) =>
    o.setName("user").setDescription(description).setRequired(required).setMaxLength(32),
  );

/** /friends list `sort`: Roblox's userSort values (docs/roblox-behaviour.md, "userSort"). */
export const friendSortOpt = (s: Sub): Sub =>
  s.addIntegerOption((o) =>
    o
      .setName("sort")
      .setDescription("Sort order")
      .addChoices(
        { name: "by name", value: 0 },
        { name: "online first, then by name", value: 1 },
        { name: "online first, then most played with", value: 2 },
      ),
  );

/** /requests list `sort`: Roblox's friendRequestSort values (REQUEST_SORT in src/roblox/api/requests.ts). */
export const requestSortOpt = (s: Sub): Sub =>
  s.addIntegerOption((o) =>
    o
      .setName("sort")
      .setDescription("Sort order")
      .addChoices(
        { name: "Roblox's default (newest first)", value: 0 },
        { name: "newest first", value: 1 },
        { name: "oldest first", value: 2 },
      ),
  );

/** Chains option adders onto a subcommand in order (required ones first). */
export const withOpts =
  (...adders: ((s: Sub) => Sub)[]) =>
  (s: Sub): Sub =>
    adders.reduce((acc, add) => add(acc), s);
