import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { Invocation } from "../context.js";
import { UserError } from "../errors.js";
import type { AccessLevel, Level } from "../permissions.js";
import { keyValueEmbed } from "../ui/embeds.js";

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

type Cmd = ChatInputCommandInteraction<"cached">;

const LEVEL_WORDS: Record<AccessLevel, string> = {
  viewer: "viewer — may read the linked accounts' data",
  manager: "manager — may do everything, like Manage Server",
};

async function roleAdd(interaction: Cmd, ctx: Invocation): Promise<void> {
  const role = interaction.options.getRole("role", true);
  const level: AccessLevel = interaction.options.getString("level") === "viewer" ? "viewer" : "manager";
  if (role.id === ctx.guildId) {
    throw new UserError(
      "Grant access to a specific role, not @everyone: every member would see the accounts.",
    );
  }
  let before: AccessLevel | undefined;
  await ctx.store.settings.update(ctx.guildId, (s) => {
    before = s.accessRoles[role.id];
    s.accessRoles[role.id] = level;
    return s;
  });
  await ctx.audit("access.role-add", undefined, `${role.name} (${role.id}) → ${level}`);
  const was = before && before !== level ? ` (was ${before})` : "";
  await interaction.reply({
    content: `<@&${role.id}> is now **${LEVEL_WORDS[level]}**${was}.\nIf the role should also see the admin-only commands (/roblox, /alerts, /access, /audit) in Discord's menu, allow it under Server Settings → Integrations → roguard.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

async function roleRemove(interaction: Cmd, ctx: Invocation): Promise<void> {
  const role = interaction.options.getRole("role", true);
  let had: AccessLevel | undefined;
  await ctx.store.settings.update(ctx.guildId, (s) => {
    had = s.accessRoles[role.id];
    delete s.accessRoles[role.id];
    return s;
  });
  if (!had) {
    await interaction.reply({
      content: `<@&${role.id}> had no roguard access; nothing changed.`,
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await ctx.audit("access.role-remove", undefined, `${role.name} (${role.id}), was ${had}`);
  await interaction.reply({
    content: `<@&${role.id}> no longer has roguard access (it was ${had}). Members with Manage Server keep theirs.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

async function list(interaction: Cmd, ctx: Invocation): Promise<void> {
  const { accessRoles } = await ctx.store.settings.get(ctx.guildId);
  const entries = Object.entries(accessRoles).sort(([, a], [, b]) =>
    a === b ? 0 : a === "manager" ? -1 : 1,
  );
  const lines = entries.map(([id, level]) => {
    const gone = interaction.guild.roles.cache.has(id) ? "" : " (role deleted)";
    return `<@&${id}>${gone} — **${level}**`;
  });
  await interaction.reply({
    embeds: [
      keyValueEmbed(
        "Who may use roguard",
        [
          { name: "Always admin", value: "Members with Manage Server (or Administrator)" },
          { name: `Roles granted with /access (${entries.length})`, value: lines.join("\n") || "None yet" },
          { name: "Everyone else", value: "`/user lookup` only (public Roblox profiles)" },
        ],
        { footer: "viewer reads the linked accounts; manager does everything." },
      ),
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
}

const subcommands: Record<string, (i: Cmd, ctx: Invocation) => Promise<void>> = {
  "role-add": roleAdd,
  "role-remove": roleRemove,
  list,
};

export async function execute(interaction: Cmd, ctx: Invocation): Promise<void> {
  const sub = subcommands[interaction.options.getSubcommand()];
  if (!sub) throw new Error(`/access ${interaction.options.getSubcommand()} is not implemented`);
  await sub(interaction, ctx);
}
