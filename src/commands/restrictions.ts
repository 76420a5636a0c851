import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";

export const data = new SlashCommandBuilder()
  .setName("restrictions")
  .setDescription("Bans and screen-time locks on the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName("account")
      .setDescription("Linked account (label or username); the server's default when empty")
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .toJSON();

export const level = (_sub: string | null): Level => "viewer";
