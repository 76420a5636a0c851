import { add, addContact, confirmOperations, remove } from "./friends/actions.js";
import { count, groups, status } from "./friends/info.js";
import { friendsPager, inactive, list, online, search, searchPager } from "./friends/lists.js";
import { accountOpt, friendSortOpt, guildCommand, subcommand, text, userOpt } from "./options.js";
import { onAccount, type Pager, type Subcommand } from "./types.js";

export { confirmOperations };

const optionalUser = userOpt(false, "Roblox username or id (default: the linked account)");

export const data = guildCommand("friends", "Friends of the linked Roblox account")
  .addSubcommand(subcommand("list", "List friends", optionalUser, friendSortOpt, accountOpt))
  .addSubcommand(subcommand("online", "Friends online now", accountOpt))
  .addSubcommand(subcommand("inactive", "Friends who have not played lately", accountOpt))
  .addSubcommand(
    subcommand(
      "search",
      "Search friends by name",
      text("query", "Part of a name", { required: true, min: 1, max: 50 }),
      accountOpt,
    ),
  )
  .addSubcommand(subcommand("count", "How many friends", optionalUser, accountOpt))
  .addSubcommand(
    subcommand(
      "status",
      "Friendship status with some users",
      text("users", "Usernames or ids, comma-separated", { required: true, max: 1000 }),
      accountOpt,
    ),
  )
  .addSubcommand(subcommand("groups", "Groups the friends are in", optionalUser, accountOpt))
  .addSubcommand(
    subcommand(
      "add",
      "Send a friend request",
      userOpt(true),
      text("nickname", "Optional note sent with the request", { max: 50 }),
      accountOpt,
    ),
  )
  .addSubcommand(
    subcommand(
      "add-contact",
      "Send a friend request to a contact",
      text("contact", "Contact id", { required: true, max: 64 }),
      accountOpt,
    ),
  )
  .addSubcommand(subcommand("remove", "Unfriend someone (asks to confirm)", userOpt(true), accountOpt))
  .toJSON();

export const subcommands: Record<string, Subcommand> = {
  list: onAccount("viewer", list),
  online: onAccount("viewer", (_i, ctx, linked) => online(ctx, linked)),
  inactive: onAccount("viewer", (_i, ctx, linked) => inactive(ctx, linked)),
  search: onAccount("viewer", search),
  count: onAccount("viewer", count),
  status: onAccount("viewer", status),
  groups: onAccount("viewer", groups),
  add: onAccount("admin", add),
  "add-contact": onAccount("admin", addContact),
  remove: onAccount("admin", remove),
};

/** Previous/Next of the paged lists this command renders. */
export const pagers: Record<string, Pager> = { friends: friendsPager, search: searchPager };
