import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";

export const data = new SlashCommandBuilder()
  .setName("presence")
  .setDescription("Who is online, in game or in Studio")
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName("users")
      .setDescription("Usernames or ids, comma-separated (up to 200); default: the account's watch list")
      .setMaxLength(4000),
  )
  .addStringOption((o) =>
    o
      .setName("account")
      .setDescription("Linked account (label or username); the server's default when empty")
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .toJSON();

export const level = (_sub: string | null): Level => "viewer";
