import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { InteractionContext } from "../context.js";
import type { Level } from "../permissions.js";

/** One top-level slash command: its JSON, who may run each subcommand, and what it does. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The level a subcommand needs (SPEC §3); `sub` is null for commands without subcommands. */
  level(sub: string | null): Level;
  execute(interaction: ChatInputCommandInteraction<"cached">, ctx: InteractionContext): Promise<void>;
  /** Options other than `account` and `zone`, which the router completes itself. */
  autocomplete?(
    interaction: AutocompleteInteraction<"cached">,
    ctx: InteractionContext,
  ): Promise<ApplicationCommandOptionChoiceData[]>;
}
