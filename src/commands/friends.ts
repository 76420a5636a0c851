import { add, addContact, confirmOperations, remove } from "./friends/actions.js";
import { count, groups, status } from "./friends/info.js";
import { friendsPager, inactive, list, online, search, searchPager } from "./friends/lists.js";
import { accountSub, friendSortOpt, guildCommand, text, userOpt } from "./options.js";
import { onAccount, type Pager, type Subcommand } from "./types.js";

export { confirmOperations };

const optionalUser = userOpt(false, "Roblox username or id (default: the linked account)");

export const data = guildCommand("friends", "Friends of the linked Roblox account")
  .addSubcommand(accountSub("list", "List friends", optionalUser, friendSortOpt))
  .addSubcommand(accountSub("online", "Friends online now"))
  .addSubcommand(accountSub("inactive", "Friends who have not played lately"))
  .addSubcommand(
    accountSub(
      "search",
      "Search friends by name",
      text("query", "Part of a name", { required: true, min: 1, max: 50 }),
    ),
  )
  .addSubcommand(accountSub("count", "How many friends", optionalUser))
  .addSubcommand(
    accountSub(
      "status",
      "Friendship status with some users",
      text("users", "Usernames or ids, comma-separated", { required: true, max: 1000 }),
    ),
  )
  .addSubcommand(accountSub("groups", "Groups the friends are in", optionalUser))
  .addSubcommand(
    accountSub(
      "add",
      "Send a friend request",
      userOpt(true),
      text("nickname", "Optional note sent with the request", { max: 50 }),
    ),
  )
  .addSubcommand(
    accountSub(
      "add-contact",
      "Send a friend request to a contact",
      text("contact", "Contact id", { required: true, max: 64 }),
    ),
  )
  .addSubcommand(accountSub("remove", "Unfriend someone (asks to confirm)", userOpt(true)))
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
