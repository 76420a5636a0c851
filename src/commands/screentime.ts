import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";
import { accountOpt } from "./options.js";

export const data = new SlashCommandBuilder()
  .setName("screentime")
  .setDescription("Screen time of the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    accountOpt(s.setName("show").setDescription("Today's minutes, the limit and the week's chart")),
  )
  .addSubcommand((s) =>
    accountOpt(
      s
        .setName("limit")
        .setDescription("Set the daily limit")
        .addIntegerOption((o) =>
          o
            .setName("minutes")
            .setDescription("Minutes a day, 0 = no limit")
            .setRequired(true)
            .setMinValue(0)
            .setMaxValue(1440),
        ),
    ),
  )
  .addSubcommand((s) =>
    accountOpt(
      s
        .setName("add")
        .setDescription("Grant extra minutes for today")
        .addIntegerOption((o) =>
          o
            .setName("minutes")
            .setDescription("Extra minutes")
            .setRequired(true)
            .setMinValue(1)
            .setMaxValue(240),
        ),
    ),
  )
  .toJSON();

export const level = (sub: string | null): Level => (sub === "show" ? "viewer" : "admin");
