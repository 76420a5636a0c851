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
import type { AccountRecord } from "../store/index.js";
import type { ConfirmOp } from "../ui/custom-id.js";

export type { PageState };

export type Cmd = ChatInputCommandInteraction<"cached">;

/** What a subcommand answers; the router sends it (a string is the content alone). */
export type Reply = string | Pick<InteractionEditReplyOptions, "content" | "embeds" | "components" | "files">;

/**
 * The account a subcommand works on, resolved by the router from the `account` option (else the
 * server's default) before the handler runs: `linked` needs a working cookie and hands the session
 * too; `stored` takes any stored account, a dead cookie included (unlink, status); `none` resolves
 * nothing (the handler reads its own options, e.g. a parent link or a child through a parent).
 */
export type AccountNeed = "linked" | "stored" | "none";
interface Resolved {
  linked: LinkedAccount;
  stored: AccountRecord;
  none: undefined;
}

/**
 * One subcommand (or a command without subcommands): who may run it, its prologue, its handler.
 * The router checks the level, defers, resolves the account, runs the handler once and sends what
 * it returns (ephemeral, no mentions parsed); `undefined` means the handler answered itself (a form).
 */
export interface Subcommand<A extends AccountNeed = AccountNeed> {
  /** The level it needs (README, Who may do what). */
  level: Level;
  /** "ephemeral": defer at once, for handlers that ask Roblox; false: the handler answers fast. */
  defer: "ephemeral" | false;
  account: A;
  run(interaction: Cmd, ctx: Invocation, account: Resolved[A]): Promise<Reply | undefined>;
}

type Run<A extends AccountNeed> = Subcommand<A>["run"];

/** Deferred, on the linked account (a working cookie): what most subcommands that ask Roblox are. */
export const onAccount = (level: Level, run: Run<"linked">): Subcommand<"linked"> => ({
  level,
  defer: "ephemeral",
  account: "linked",
  run,
});

/** On any stored account, a dead cookie included; deferred when it asks Roblox. */
export const onStored = (level: Level, run: Run<"stored">, defer: Subcommand["defer"] = false) => ({
  level,
  defer,
  account: "stored" as const,
  run,
});

/** No account resolved by the router; deferred when it asks Roblox. */
export const plain = (level: Level, run: Run<"none">, defer: Subcommand["defer"] = false) => ({
  level,
  defer,
  account: "none" as const,
  run,
});

/** Opens a form (a modal answers the interaction itself, so nothing is deferred or resolved). */
export const opensForm = (level: Level, form: () => Parameters<Cmd["showModal"]>[0]): Subcommand<"none"> =>
  plain(level, async (interaction) => {
    await interaction.showModal(form());
    return undefined;
  });

/** One top-level slash command: its JSON and its subcommands. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** By subcommand name; the key "" for a command without subcommands. */
  subcommands: Readonly<Record<string, Subcommand>>;
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
