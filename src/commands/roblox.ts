import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";
import { accountOpt } from "./options.js";

export const data = new SlashCommandBuilder()
  .setName("roblox")
  .setDescription("Link and manage the Roblox accounts this server supervises")
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s.setName("link").setDescription("Link a Roblox account with its session cookie (opens a form)"),
  )
  .addSubcommand((s) =>
    accountOpt(s.setName("unlink").setDescription("Unlink an account and delete its cookie")),
  )
  .addSubcommand((s) =>
    accountOpt(s.setName("status").setDescription("Check the cookie and any restriction")),
  )
  .addSubcommand((s) => s.setName("accounts").setDescription("List the accounts linked in this server"))
  .addSubcommand((s) =>
    s
      .setName("default")
      .setDescription("Choose the account commands use when none is given")
      .addStringOption((o) =>
        o
          .setName("account")
          .setDescription("Linked account (label or username)")
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(100),
      ),
  )
  .toJSON();

export const level = (_sub: string | null): Level => "admin";
