import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import type { Level } from "../permissions.js";
import { add, addContact, confirmOperations, remove } from "./friends/actions.js";
import { count, groups, status } from "./friends/info.js";
import { friendsPager, inactive, list, online, search, searchPager } from "./friends/lists.js";
import { accountOpt, friendSortOpt, userOpt, withOpts } from "./options.js";
import type { Pager } from "./types.js";

export { confirmOperations };

const optionalUser = (s: Parameters<typeof accountOpt>[0]) =>
  userOpt(s, false, "Roblox username or id (default: the linked account)");
const requiredUser = (s: Parameters<typeof accountOpt>[0]) => userOpt(s, true);

export const data = new SlashCommandBuilder()
  .setName("friends")
  .setDescription("Friends of the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    withOpts(optionalUser, friendSortOpt, accountOpt)(s.setName("list").setDescription("List friends")),
  )
  .addSubcommand((s) => accountOpt(s.setName("online").setDescription("Friends online now")))
  .addSubcommand((s) =>
    accountOpt(s.setName("inactive").setDescription("Friends who have not played lately")),
  )
  .addSubcommand((s) =>
    accountOpt(
      s
        .setName("search")
        .setDescription("Search friends by name")
        .addStringOption((o) =>
          o
            .setName("query")
            .setDescription("Part of a name")
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(50),
        ),
    ),
  )
  .addSubcommand((s) =>
    withOpts(optionalUser, accountOpt)(s.setName("count").setDescription("How many friends")),
  )
  .addSubcommand((s) =>
    accountOpt(
      s
        .setName("status")
        .setDescription("Friendship status with some users")
        .addStringOption((o) =>
          o
            .setName("users")
            .setDescription("Usernames or ids, comma-separated")
            .setRequired(true)
            .setMaxLength(1000),
        ),
    ),
  )
  .addSubcommand((s) =>
    withOpts(optionalUser, accountOpt)(s.setName("groups").setDescription("Groups the friends are in")),
  )
  .addSubcommand((s) =>
    withOpts(
      requiredUser,
      (x) =>
        x.addStringOption((o) =>
          o.setName("nickname").setDescription("Optional note sent with the request").setMaxLength(50),
        ),
      accountOpt,
    )(s.setName("add").setDescription("Send a friend request")),
  )
  .addSubcommand((s) =>
    accountOpt(
      s
        .setName("add-contact")
        .setDescription("Send a friend request to a contact")
        .addStringOption((o) =>
          o.setName("contact").setDescription("Contact id").setRequired(true).setMaxLength(64),
        ),
    ),
  )
  .addSubcommand((s) =>
    withOpts(
      requiredUser,
      accountOpt,
    )(s.setName("remove").setDescription("Unfriend someone (asks to confirm)")),
  )
  .toJSON();

const ADMIN = new Set(["add", "add-contact", "remove"]);
export const level = (sub: string | null): Level => (sub && ADMIN.has(sub) ? "admin" : "viewer");

type Handler = (
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: Invocation,
  linked: LinkedAccount,
) => Promise<Awaited<ReturnType<Pager>>>;

const SUBCOMMANDS: Record<string, Handler> = {
  list,
  online: (_i, ctx, linked) => online(ctx, linked),
  inactive: (_i, ctx, linked) => inactive(ctx, linked),
  search,
  count,
  status,
  groups,
  add,
  "add-contact": addContact,
  remove,
};

/** Previous/Next of the paged lists this command renders. */
export const pagers: Record<string, Pager> = { friends: friendsPager, search: searchPager };

export async function execute(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: Invocation,
): Promise<void> {
  const handler = SUBCOMMANDS[interaction.options.getSubcommand()];
  if (!handler) throw new Error(`/friends: unknown subcommand ${interaction.options.getSubcommand()}`);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const linked = await ctx.account(interaction);
  const reply = await handler(interaction, ctx, linked);
  await interaction.editReply({ ...reply, allowedMentions: { parse: [] } });
}
