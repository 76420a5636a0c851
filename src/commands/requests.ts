import { accountSub, guildCommand, requestSortOpt, text, userOpt } from "./options.js";
import * as actions from "./requests/actions.js";
import { requestsPager, sortOf } from "./requests/list.js";
import { type ConfirmOperation, onAccount, type Pager, type Subcommand } from "./types.js";

const requester = userOpt(true, "Requester's username or id");

export const data = guildCommand("requests", "Incoming friend requests of the linked Roblox account")
  .addSubcommand(accountSub("list", "Pending requests, with Accept/Decline buttons", requestSortOpt))
  .addSubcommand(accountSub("count", "How many requests are pending"))
  .addSubcommand(accountSub("accept", "Accept a request", requester))
  .addSubcommand(accountSub("decline", "Decline a request", requester))
  .addSubcommand(
    accountSub(
      "accept-token",
      "Accept a request with a friending token",
      requester,
      text("token", "Friending token (from a QR code)", { required: true, max: 200 }),
    ),
  )
  .addSubcommand(accountSub("decline-all", "Decline every pending request (asks to confirm)"))
  .addSubcommand(accountSub("mark-seen", "Mark new requests as seen"))
  .toJSON();

export const subcommands: Record<string, Subcommand> = {
  list: onAccount("viewer", (i, ctx, linked) =>
    requestsPager(ctx, linked, { args: { sort: sortOf(i.options.getInteger("sort")), offset: 0, page: 1 } }),
  ),
  count: onAccount("viewer", actions.count),
  accept: onAccount("admin", actions.accept),
  decline: onAccount("admin", actions.decline),
  "accept-token": onAccount("admin", actions.acceptToken),
  "decline-all": onAccount("admin", actions.declineAll),
  "mark-seen": onAccount("admin", actions.markSeen),
};

export const pagers: Record<string, Pager> = { requests: requestsPager };
export const confirmOperations: ConfirmOperation[] = actions.confirmOperations;
