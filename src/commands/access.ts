import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";

export const data = new SlashCommandBuilder()
  .setName("access")
  .setDescription("Which roles may see or manage the linked accounts")
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName("role-add")
      .setDescription("Grant a role viewer or manager access")
      .addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true))
      .addStringOption((o) =>
        o
          .setName("level")
          .setDescription("viewer reads, manager does everything (default manager)")
          .addChoices({ name: "viewer", value: "viewer" }, { name: "manager", value: "manager" }),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName("role-remove")
      .setDescription("Take a role's access away")
      .addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true)),
  )
  .addSubcommand((s) => s.setName("list").setDescription("Roles with access"))
  .toJSON();

export const level = (_sub: string | null): Level => "admin";
