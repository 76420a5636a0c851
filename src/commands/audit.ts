import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";

export const data = new SlashCommandBuilder()
  .setName("audit")
  .setDescription("Recent changes made through roguard in this server")
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addIntegerOption((o) =>
    o.setName("limit").setDescription("How many entries (1–50, default 10)").setMinValue(1).setMaxValue(50),
  )
  .toJSON();

export const level = (_sub: string | null): Level => "admin";
