import type { Invocation } from "../context.js";
import { UserError } from "../errors.js";
import type { AccessLevel } from "../permissions.js";
import { keyValueEmbed } from "../ui/embeds.js";
import { type Adder, guildCommand, subcommand } from "./options.js";
import { type Cmd, plain, type Reply, type Subcommand } from "./types.js";

const roleOpt: Adder = (s) =>
  s.addRoleOption((o) => o.setName("role").setDescription("Role").setRequired(true));

export const data = guildCommand("access", "Which roles may see or manage the linked accounts", true)
  .addSubcommand((s) =>
    subcommand(
      "role-add",
      "Grant a role viewer or manager access",
      roleOpt,
    )(s).addStringOption((o) =>
      o
        .setName("level")
        .setDescription("viewer reads, manager does everything (default manager)")
        .addChoices({ name: "viewer", value: "viewer" }, { name: "manager", value: "manager" }),
    ),
  )
  .addSubcommand(subcommand("role-remove", "Take a role's access away", roleOpt))
  .addSubcommand(subcommand("list", "Roles with access"))
  .toJSON();

const LEVEL_WORDS: Record<AccessLevel, string> = {
  viewer: "viewer — may read the linked accounts' data",
  manager: "manager — may do everything, like Manage Server",
};

async function roleAdd(interaction: Cmd, ctx: Invocation): Promise<Reply> {
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
  return `<@&${role.id}> is now **${LEVEL_WORDS[level]}**${was}.\nIf the role should also see the admin-only commands (/roblox, /alerts, /access, /audit) in Discord's menu, allow it under Server Settings → Integrations → roguard.`;
}

async function roleRemove(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const role = interaction.options.getRole("role", true);
  let had: AccessLevel | undefined;
  await ctx.store.settings.update(ctx.guildId, (s) => {
    had = s.accessRoles[role.id];
    delete s.accessRoles[role.id];
    return s;
  });
  if (!had) return `<@&${role.id}> had no roguard access; nothing changed.`;
  await ctx.audit("access.role-remove", undefined, `${role.name} (${role.id}), was ${had}`);
  return `<@&${role.id}> no longer has roguard access (it was ${had}). Members with Manage Server keep theirs.`;
}

async function list(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const { accessRoles } = await ctx.store.settings.get(ctx.guildId);
  const entries = Object.entries(accessRoles).sort(([, a], [, b]) =>
    a === b ? 0 : a === "manager" ? -1 : 1,
  );
  const lines = entries.map(([id, level]) => {
    const gone = interaction.guild.roles.cache.has(id) ? "" : " (role deleted)";
    return `<@&${id}>${gone} — **${level}**`;
  });
  return {
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
  };
}

export const subcommands: Record<string, Subcommand> = {
  "role-add": plain("admin", roleAdd),
  "role-remove": plain("admin", roleRemove),
  list: plain("admin", list),
};
