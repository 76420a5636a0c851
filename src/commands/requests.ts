import { InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { Level } from "../permissions.js";
import { accountOpt, sortOpt, userOpt, withOpts } from "./options.js";

const requester = (s: Parameters<typeof accountOpt>[0]) => userOpt(s, true, "Requester's username or id");

export const data = new SlashCommandBuilder()
  .setName("requests")
  .setDescription("Incoming friend requests of the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    withOpts(
      sortOpt,
      accountOpt,
    )(s.setName("list").setDescription("Pending requests, with Accept/Decline buttons")),
  )
  .addSubcommand((s) => accountOpt(s.setName("count").setDescription("How many requests are pending")))
  .addSubcommand((s) =>
    withOpts(requester, accountOpt)(s.setName("accept").setDescription("Accept a request")),
  )
  .addSubcommand((s) =>
    withOpts(requester, accountOpt)(s.setName("decline").setDescription("Decline a request")),
  )
  .addSubcommand((s) =>
    withOpts(
      requester,
      (x) =>
        x.addStringOption((o) =>
          o
            .setName("token")
            .setDescription("Friending token (from a QR code)")
            .setRequired(true)
            .setMaxLength(200),
        ),
      accountOpt,
    )(s.setName("accept-token").setDescription("Accept a request with a friending token")),
  )
  .addSubcommand((s) =>
    accountOpt(s.setName("decline-all").setDescription("Decline every pending request (asks to confirm)")),
  )
  .addSubcommand((s) => accountOpt(s.setName("mark-seen").setDescription("Mark new requests as seen")))
  .toJSON();

const VIEW = new Set(["list", "count"]);
export const level = (sub: string | null): Level => (sub && VIEW.has(sub) ? "viewer" : "admin");
