import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";
import { userOpt } from "./options.js";

export const data = new SlashCommandBuilder()
  .setName("user")
  .setDescription("Public Roblox profiles")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => userOpt(s.setName("lookup").setDescription("Look up a public Roblox profile"), true))
  .toJSON();

export const level = (_sub: string | null): Level => "anyone";
