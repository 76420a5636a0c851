import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";
import { accountOpt, sortOpt, userOpt, withOpts } from "./options.js";

const optionalUser = (s: Parameters<typeof accountOpt>[0]) =>
  userOpt(s, false, "Roblox username or id (default: the linked account)");
const requiredUser = (s: Parameters<typeof accountOpt>[0]) => userOpt(s, true);

export const data = new SlashCommandBuilder()
  .setName("friends")
  .setDescription("Friends of the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    withOpts(optionalUser, sortOpt, accountOpt)(s.setName("list").setDescription("List friends")),
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
