import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { Invocation } from "../context.js";
import type { Level } from "../permissions.js";
import { linkModalData } from "../ui/modals.js";
import { accountOpt } from "./options.js";
import { accounts, setDefault, unlinkOperation, unlinkPrompt } from "./roblox/manage.js";
import { status } from "./roblox/status.js";
import type { ConfirmOperation } from "./types.js";

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

type Sub = (interaction: ChatInputCommandInteraction<"cached">, ctx: Invocation) => Promise<void>;

const subcommands: Record<string, Sub> = {
  // The cookie is collected only through the modal, never a chat message; its submit is components/roblox-link.ts.
  link: async (interaction) => {
    await interaction.showModal(linkModalData());
  },
  unlink: unlinkPrompt,
  status,
  accounts,
  default: setDefault,
};

export async function execute(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: Invocation,
): Promise<void> {
  const sub = subcommands[interaction.options.getSubcommand()];
  if (!sub) throw new Error(`/roblox ${interaction.options.getSubcommand()} is not implemented`);
  await sub(interaction, ctx);
}

export const confirmOperations: ConfirmOperation[] = [unlinkOperation];
