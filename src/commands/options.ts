/**
 * Builders shared by the command definitions: the command shell, subcommands and their options.
 * Names are the README's Command reference: people and scripts rely on them, keep them exact.
 */
import {
  type APIApplicationCommandOptionChoice,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from "discord.js";

type Sub = SlashCommandSubcommandBuilder;
/** Adds one option (or several) to a subcommand. */
export type Adder = (s: Sub) => Sub;

/**
 * A top-level command, usable in servers only; `admin` hides it from members without Manage
 * Server in Discord's menu (the level is still checked in code on every run).
 */
export function guildCommand(name: string, description: string, admin = false): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild);
  return admin ? b.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild) : b;
}

/** A subcommand with its options, added in order (required ones first). */
export const subcommand =
  (name: string, description: string, ...adders: Adder[]) =>
  (s: Sub): Sub =>
    adders.reduce((acc, add) => add(acc), s.setName(name).setDescription(description));

interface TextShape {
  required?: boolean;
  min?: number;
  max?: number;
  autocomplete?: boolean;
}

/** What every option has: name, description, whether it is required. */
function named<O extends SlashCommandStringOption | SlashCommandIntegerOption>(
  o: O,
  name: string,
  description: string,
  required = false,
): O {
  return o.setName(name).setDescription(description).setRequired(required) as O;
}

/** A string option. */
export const text =
  (name: string, description: string, shape: TextShape = {}): Adder =>
  (s) =>
    s.addStringOption((o) => {
      if (shape.min !== undefined) o.setMinLength(shape.min);
      if (shape.max !== undefined) o.setMaxLength(shape.max);
      if (shape.autocomplete) o.setAutocomplete(true);
      return named(o, name, description, shape.required);
    });

/** A required integer option from `min` to `max`. */
export function integer(name: string, description: string, min: number, max: number): Adder {
  return (s) =>
    s.addIntegerOption((o) => named(o.setMinValue(min).setMaxValue(max), name, description, true));
}

/** The optional `account` option (autocomplete over the guild's linked accounts). */
export const accountOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o
    .setName("account")
    .setDescription("Linked account (label or username); the server's default when empty")
    .setAutocomplete(true)
    .setMaxLength(100);

const accountOpt: Adder = (s) => s.addStringOption(accountOption);

/** A subcommand on one linked account: its options, then the optional `account` last. */
export const accountSub = (name: string, description: string, ...adders: Adder[]) =>
  subcommand(name, description, ...adders, accountOpt);

/** A `user` option: a Roblox username or numeric id. */
export const userOpt = (required: boolean, description = "Roblox username or numeric id"): Adder =>
  text("user", description, { required, max: 32 });

/** A time of day typed as HH:MM. */
export const hhmmOpt = (name: string, description: string, required: boolean): Adder =>
  text(name, description, { required, min: 4, max: 5 });

/** An optional `sort` option: one of Roblox's sort orders by number. */
const sortOpt =
  (choices: APIApplicationCommandOptionChoice<number>[]): Adder =>
  (s) =>
    s.addIntegerOption((o) =>
      o
        .setName("sort")
        .setDescription("Sort order")
        .addChoices(...choices),
    );

/** /friends list `sort`: Roblox's userSort values (docs/roblox-behaviour.md, "userSort"). */
export const friendSortOpt = sortOpt([
  { name: "by name", value: 0 },
  { name: "online first, then by name", value: 1 },
  { name: "online first, then most played with", value: 2 },
]);

/** /requests list `sort`: Roblox's friendRequestSort values (REQUEST_SORT in src/roblox/api/requests.ts). */
export const requestSortOpt = sortOpt([
  { name: "Roblox's default (newest first)", value: 0 },
  { name: "newest first", value: 1 },
  { name: "oldest first", value: 2 },
]);
