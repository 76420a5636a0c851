import type { Invocation } from "../context.js";
import { UserError } from "../errors.js";
import { md } from "../i18n/t.js";
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

const LEVEL_WORDS = {
  viewer: "roblox.access.viewerWords",
  manager: "roblox.access.managerWords",
} as const satisfies Record<AccessLevel, string>;

/** The level's own word ("viewer", "manager") in the member's language. */
const levelWord = (ctx: Invocation, level: AccessLevel) => ctx.t("roblox.access.level", { level });

async function roleAdd(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const role = interaction.options.getRole("role", true);
  const level: AccessLevel = interaction.options.getString("level") === "viewer" ? "viewer" : "manager";
  if (role.id === ctx.guildId) {
    throw new UserError("roblox.access.everyone");
  }
  let before: AccessLevel | undefined;
  await ctx.store.settings.update(ctx.guildId, (s) => {
    before = s.accessRoles[role.id];
    s.accessRoles[role.id] = level;
    return s;
  });
  await ctx.audit("access.role-add", undefined, `${role.name} (${role.id}) → ${level}`);
  const values = { role: md(`<@&${role.id}>`), level: ctx.t(LEVEL_WORDS[level]) };
  return before && before !== level
    ? ctx.t("roblox.access.addedWas", { ...values, before: levelWord(ctx, before) })
    : ctx.t("roblox.access.added", values);
}

async function roleRemove(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const role = interaction.options.getRole("role", true);
  let had: AccessLevel | undefined;
  await ctx.store.settings.update(ctx.guildId, (s) => {
    had = s.accessRoles[role.id];
    delete s.accessRoles[role.id];
    return s;
  });
  const mention = md(`<@&${role.id}>`);
  if (!had) return ctx.t("roblox.access.hadNone", { role: mention });
  await ctx.audit("access.role-remove", undefined, `${role.name} (${role.id}), was ${had}`);
  return ctx.t("roblox.access.removed", { role: mention, level: levelWord(ctx, had) });
}

async function list(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const { accessRoles } = await ctx.store.settings.getForDisplay(ctx.guildId);
  const entries = Object.entries(accessRoles).sort(([, a], [, b]) =>
    a === b ? 0 : a === "manager" ? -1 : 1,
  );
  const lines = entries.map(([id, level]) => {
    const gone = !interaction.guild.roles.cache.has(id);
    return ctx.t(gone ? "roblox.access.roleLineGone" : "roblox.access.roleLine", {
      role: md(`<@&${id}>`),
      level: levelWord(ctx, level),
    });
  });
  return {
    embeds: [
      keyValueEmbed(
        ctx.t("roblox.access.listTitle"),
        [
          { name: ctx.t("roblox.access.alwaysAdmin"), value: ctx.t("roblox.access.alwaysAdminWho") },
          {
            name: ctx.t("roblox.access.granted", { count: entries.length }),
            value: lines.join("\n") || ctx.t("roblox.access.noneYet"),
          },
          { name: ctx.t("roblox.access.everyoneElse"), value: ctx.t("roblox.access.everyoneElseWhat") },
        ],
        { footer: ctx.t("roblox.access.listFooter") },
      ),
    ],
  };
}

export const subcommands: Record<string, Subcommand> = {
  "role-add": plain("admin", roleAdd),
  "role-remove": plain("admin", roleRemove),
  list: plain("admin", list),
};
