import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
} from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import { UserError } from "../errors.js";
import type { Level } from "../permissions.js";
import { accountOpt, requestSortOpt, userOpt, withOpts } from "./options.js";
import * as actions from "./requests/actions.js";
import { requestsPager, sortOf } from "./requests/list.js";
import type { ConfirmOperation, Pager } from "./types.js";

const requester = (s: Parameters<typeof accountOpt>[0]) => userOpt(s, true, "Requester's username or id");

export const data = new SlashCommandBuilder()
  .setName("requests")
  .setDescription("Incoming friend requests of the linked Roblox account")
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    withOpts(
      requestSortOpt,
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

type Reply = Awaited<ReturnType<Pager>>;
type Sub = (
  i: ChatInputCommandInteraction<"cached">,
  ctx: Invocation,
  linked: LinkedAccount,
) => Promise<Reply>;

const list: Sub = (i, ctx, linked) =>
  requestsPager(ctx, linked, { args: { sort: sortOf(i.options.getInteger("sort")), offset: 0, page: 1 } });

const SUBS: Record<string, Sub> = {
  list,
  count: actions.count,
  accept: actions.accept,
  decline: actions.decline,
  "accept-token": actions.acceptToken,
  "decline-all": actions.declineAll,
  "mark-seen": actions.markSeen,
};

export async function execute(
  interaction: ChatInputCommandInteraction<"cached">,
  ctx: Invocation,
): Promise<void> {
  const sub = SUBS[interaction.options.getSubcommand()];
  if (!sub) throw new UserError("This subcommand is not supported any more.");
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const linked = await ctx.account(interaction);
  await interaction.editReply({ ...(await sub(interaction, ctx, linked)), allowedMentions: { parse: [] } });
}

export const pagers: Record<string, Pager> = { requests: requestsPager };
export const confirmOperations: ConfirmOperation[] = actions.confirmOperations;
