/**
 * Defer only when slow. A chat command or modal calls `deferReply()` first ("thinking…"), then
 * `editReply()`. Most answer within milliseconds, so the router makes that defer lazy: it is sent
 * only if nothing was answered within DEFER_AFTER_MS of the interaction's arrival (Discord allows
 * 3 s); a fast answer goes out as the reply itself, with the defer's ephemerality. One HTTP
 * exchange instead of two, for the same message (BENCHMARKS.md, "Many processes, one store").
 * Commands keep calling deferReply/editReply/reply as before.
 */
import {
  type InteractionDeferReplyOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  MessageFlagsBitField,
  type RepliableInteraction,
} from "discord.js";

/** The defer goes out this long after arrival if no answer did (Discord's deadline is 3 s). */
export const DEFER_AFTER_MS = 1_500;

type EditBody = string | InteractionEditReplyOptions;
type ReplyBody = string | InteractionReplyOptions;

/** The reply that stands for a deferred reply's edit: the defer decided whether it is ephemeral. */
function asReply(body: EditBody | ReplyBody, ephemeral: boolean): InteractionReplyOptions {
  const o = (typeof body === "string" ? { content: body } : body) as InteractionReplyOptions &
    Pick<InteractionEditReplyOptions, "attachments">;
  const { attachments: _unused, ...rest } = o;
  const flags = new MessageFlagsBitField(rest.flags as MessageFlagsBitField | undefined);
  if (ephemeral) flags.add(MessageFlags.Ephemeral);
  else flags.remove(MessageFlags.Ephemeral);
  return { ...rest, flags: flags.bitfield as InteractionReplyOptions["flags"] };
}

function isEphemeral(options: InteractionDeferReplyOptions | undefined): boolean {
  return new MessageFlagsBitField(options?.flags as MessageFlagsBitField | undefined).has(
    MessageFlags.Ephemeral,
  );
}

/**
 * Makes `interaction.deferReply` lazy until `finish()` (call it when the handler is done: a defer
 * still wanted and never followed by an answer is sent then, as it would have been).
 * `arrivedAt` is the performance.now() at which the interaction arrived.
 */
export function deferWhenSlow(
  interaction: RepliableInteraction,
  arrivedAt: number,
  afterMs = DEFER_AFTER_MS,
): { finish(): void } {
  const real = {
    deferReply: interaction.deferReply.bind(interaction),
    reply: interaction.reply.bind(interaction),
    editReply: interaction.editReply.bind(interaction),
    followUp: interaction.followUp.bind(interaction),
  };
  /** deferReply was called (its options); nothing sent yet. */
  let wanted: InteractionDeferReplyOptions | undefined;
  /** The real defer, once sent (awaited before any edit). */
  let deferring: Promise<unknown> | undefined;
  /** The reply standing for the defer, once sent. */
  let replying: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sendDefer = (): Promise<unknown> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!deferring) {
      deferring = real.deferReply(wanted ?? {});
      // Awaited by the next answer, which then fails into the router's boundary; never unhandled.
      deferring.catch(() => undefined);
    }
    return deferring;
  };
  /** Sends `body` as the reply standing for the wanted defer. */
  const replyInstead = (body: EditBody | ReplyBody): Promise<unknown> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    replying = real.reply(asReply(body, isEphemeral(wanted)));
    replying.catch(() => undefined);
    return replying;
  };
  const pending = () => wanted !== undefined && !deferring && !replying;

  const lazy = {
    async deferReply(options: InteractionDeferReplyOptions = {}) {
      if (wanted || deferring || replying) return real.deferReply(options); // throws "already"
      wanted = options;
      timer = setTimeout(() => void sendDefer(), Math.max(0, arrivedAt + afterMs - performance.now()));
      return undefined;
    },
    async reply(body: ReplyBody) {
      if (pending()) return replyInstead(body);
      if (deferring || replying) {
        await (deferring ?? replying);
        return real.editReply(typeof body === "string" ? body : asEdit(body));
      }
      return real.reply(body);
    },
    async editReply(body: EditBody) {
      if (pending()) return replyInstead(body);
      await (deferring ?? replying);
      return real.editReply(body);
    },
    async followUp(body: ReplyBody) {
      if (pending()) await sendDefer();
      else await (deferring ?? replying);
      return real.followUp(body);
    },
  };
  Object.assign(interaction, lazy);
  return {
    finish() {
      if (pending()) void sendDefer();
    },
  };
}

/** A reply's body as an edit of the deferred reply (an edit carries no flags). */
function asEdit(body: InteractionReplyOptions): InteractionEditReplyOptions {
  const {
    flags: _flags,
    withResponse: _w,
    fetchReply: _f,
    ...rest
  } = body as InteractionReplyOptions & {
    fetchReply?: boolean;
  };
  return rest as InteractionEditReplyOptions;
}
