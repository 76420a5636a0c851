import { linkModalData } from "../ui/modals.js";
import { accountSub, guildCommand, subcommand, text } from "./options.js";
import { accounts, setDefault, unlinkOperation, unlinkPrompt } from "./roblox/manage.js";
import { status } from "./roblox/status.js";
import { type ConfirmOperation, onStored, plain, type Subcommand } from "./types.js";

/** /roblox default's `account`: required, unlike the optional one of every other subcommand. */
const namedAccount = text("account", "Linked account (label or username)", {
  required: true,
  max: 100,
  autocomplete: true,
});

export const data = guildCommand("roblox", "Link and manage the Roblox accounts this server supervises", true)
  .addSubcommand(subcommand("link", "Link a Roblox account with its session cookie (opens a form)"))
  .addSubcommand(accountSub("unlink", "Unlink an account and delete its cookie"))
  .addSubcommand(accountSub("status", "Check the cookie and any restriction"))
  .addSubcommand(subcommand("accounts", "List the accounts linked in this server"))
  .addSubcommand(subcommand("default", "Choose the account commands use when none is given", namedAccount))
  .toJSON();

/** unlink and status work on any stored account, a dead cookie included; all are admin's. */
export const subcommands: Record<string, Subcommand> = {
  // The cookie is collected only through the modal, never a chat message; its submit is components/roblox-link.ts.
  // The form is in the member's language (ctx.locale), so it is opened here rather than with opensForm.
  link: plain("admin", async (interaction, ctx) => {
    await interaction.showModal(linkModalData(ctx.locale));
    return undefined;
  }),
  unlink: onStored("admin", unlinkPrompt),
  status: onStored("admin", status, "ephemeral"),
  accounts: plain("admin", accounts),
  default: onStored("admin", setDefault),
};

export const confirmOperations: ConfirmOperation[] = [unlinkOperation];
