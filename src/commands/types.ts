import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  InteractionEditReplyOptions,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import type { PageState } from "../domain/paging.js";
import type { Level } from "../permissions.js";
import type { ConfirmOp } from "../ui/custom-id.js";

export type { PageState };

/** One top-level slash command: its JSON, who may run each subcommand, and what it does. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The level a subcommand needs (README, Who may do what); `sub` is null for commands without subcommands. */
  level(sub: string | null): Level;
  execute(interaction: ChatInputCommandInteraction<"cached">, ctx: Invocation): Promise<void>;
  /** Options other than `account` and `zone`, which the router completes itself. */
  autocomplete?(
    interaction: AutocompleteInteraction<"cached">,
    ctx: Invocation,
  ): Promise<ApplicationCommandOptionChoiceData[]>;
}

/** Renders one page of a list (first page from the command, others from Previous/Next). */
export type Pager = (
  ctx: Invocation,
  linked: LinkedAccount,
  state: PageState,
) => Promise<Pick<InteractionEditReplyOptions, "content" | "embeds" | "components">>;

/** A destructive action behind Confirm/Cancel buttons (unlink, remove, decline-all). */
export interface ConfirmOperation {
  op: ConfirmOp;
  /** False when the operation works on the stored account alone, even with a dead cookie (unlink). */
  needsSession?: boolean;
  /** Does it; returns the sentence that replaces the prompt. */
  run(ctx: Invocation, linked: LinkedAccount, target: string | undefined): Promise<string>;
}
