/**
 * The `roblox-link` modal (SPEC §3): the only place a cookie enters roguard. The cookie is
 * checked with Roblox on a transient session, then stored encrypted by the store; it never
 * reaches a reply, a log line or an error message.
 */
import {
  type APIModalInteractionResponseCallbackData,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import {
  COOKIE_REFUSED,
  cookieProblem,
  cookieProblemSentence,
  currentCookie,
  LABEL_MAX,
  normalizeCookie,
  normalizeLabel,
  normalizeTracker,
} from "../commands/roblox/cookie.js";
import { lockedWhileLinking } from "../commands/roblox/restriction.js";
import type { InteractionContext } from "../context.js";
import { UserError } from "../errors.js";
import { BadInputError, ModeratedError, type RobloxSession, UnauthenticatedError } from "../roblox/index.js";
import { AccountLimitError } from "../store/index.js";
import { accountEmbed } from "../ui/embeds.js";
import type { ModalHandler } from "./types.js";

export const ROBLOX_LINK_MODAL_ID = "roblox-link";

/**
 * The form `/roblox link` opens, as sent to Discord. Built and validated once: the builders check
 * every field on each `toJSON()`, which was the largest share of roguard's own CPU per link in a
 * profile of 1,000 links (BENCHMARKS.md, burst).
 */
let linkModalJson: APIModalInteractionResponseCallbackData | undefined;
export function linkModalData(): APIModalInteractionResponseCallbackData {
  linkModalJson ??= linkModal().toJSON();
  return linkModalJson;
}

/** The form `/roblox link` opens: cookie (required), tracker and label (optional). */
export function linkModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(ROBLOX_LINK_MODAL_ID)
    .setTitle("Link a Roblox account")
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(".ROBLOSECURITY cookie")
        .setDescription("Stored encrypted; never shown again. Starts with _|WARNING:")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("cookie")
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(4000),
        ),
      new LabelBuilder()
        .setLabel("RBXEventTrackerV2 cookie (optional)")
        .setDescription("Needed by Roblox to change the screen-time limit")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("tracker")
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(1000),
        ),
      new LabelBuilder()
        .setLabel("Label (optional)")
        .setDescription("A short name for this account, e.g. the child's name")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("label")
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(LABEL_MAX),
        ),
    );
}

function field(interaction: ModalSubmitInteraction, id: string): string {
  try {
    return interaction.fields.getTextInputValue(id);
  } catch {
    return "";
  }
}

/** Who the cookie belongs to; every refusal becomes a plain sentence (nothing stored). */
async function whoIs(ctx: InteractionContext, session: RobloxSession) {
  try {
    return await ctx.roblox.users.authenticated(session, ctx.call);
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw new UserError(COOKIE_REFUSED);
    if (err instanceof ModeratedError) throw new UserError(await lockedWhileLinking(ctx, session));
    throw err;
  }
}

async function checkLabel(ctx: InteractionContext, robloxId: string, label: string | undefined) {
  if (label === undefined) return;
  if (/^\d+$/.test(label)) throw new UserError("A label cannot be only digits (ids look like that).");
  const taken = (await ctx.store.accounts.list(ctx.guildId)).find(
    (a) => a.robloxId !== robloxId && a.label?.toLowerCase() === label.toLowerCase(),
  );
  if (taken) {
    throw new UserError(
      `Another linked account (@${taken.robloxName}) already has the label “${label}”. Choose another label.`,
    );
  }
}

/** The refusal past MAX_ACCOUNTS_PER_GUILD. */
export function accountLimitSentence(limit: number): string {
  return `This server already has ${limit} linked Roblox account${limit === 1 ? "" : "s"}, the most allowed here. Unlink one with \`/roblox unlink\` first; nothing was stored.`;
}

/** A new account past the guild's cap is refused; re-linking one already linked always passes. */
async function checkRoom(ctx: InteractionContext, robloxId: string): Promise<void> {
  const max = ctx.config.maxAccountsPerGuild;
  if (max === undefined) return;
  const ids = await ctx.store.accounts.ids(ctx.guildId);
  if (!ids.includes(robloxId) && ids.length >= max) throw new UserError(accountLimitSentence(max));
}

async function submit(interaction: ModalSubmitInteraction<"cached">, ctx: InteractionContext) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const cookie = normalizeCookie(field(interaction, "cookie"));
  const tracker = normalizeTracker(field(interaction, "tracker"));
  const label = normalizeLabel(field(interaction, "label"));
  const problem = cookieProblem(cookie);
  if (problem) throw new UserError(cookieProblemSentence(problem));

  let session: RobloxSession;
  try {
    session = ctx.sessions.transient(cookie, tracker);
  } catch (err) {
    if (err instanceof BadInputError) throw new UserError(`${err.userMessage} Nothing was stored.`);
    throw err;
  }
  const me = await whoIs(ctx, session);
  const robloxId = String(me.id);
  await checkRoom(ctx, robloxId);
  await checkLabel(ctx, robloxId, label);

  const elsewhere = (await ctx.store.accounts.guildsLinking(robloxId)).filter((g) => g !== ctx.guildId);
  const max = ctx.config.maxAccountsPerGuild;
  const { account, created } = await ctx.store.accounts
    .upsert({
      guildId: ctx.guildId,
      robloxId,
      robloxName: me.name,
      displayName: me.displayName,
      ...(label === undefined ? {} : { label }),
      linkedBy: ctx.userId,
      // Roblox may have rotated the cookie while answering: keep the one that works now.
      cookie: currentCookie(session) ?? cookie,
      ...(tracker === undefined ? {} : { tracker }),
      // Checked again under the guild's lock: two links submitted at once cannot both pass.
      ...(max === undefined ? {} : { maxAccounts: max }),
    })
    .catch((err: unknown) => {
      if (err instanceof AccountLimitError) throw new UserError(accountLimitSentence(err.limit));
      throw err;
    });
  if (account.health.state !== "ok") {
    await ctx.store.accounts.setHealth(ctx.guildId, robloxId, { state: "ok" });
  }
  ctx.sessions.forget(ctx.guildId, robloxId);
  await ctx.audit(
    created ? "roblox.link" : "roblox.relink",
    robloxId,
    label ? `label “${label}”` : undefined,
  );
  ctx.log.info({ robloxId, created, shared: elsewhere.length > 0 }, "linked a Roblox account");

  const avatarUrl = await ctx.lookups.avatar(robloxId, ctx.call);
  const lines = [
    created
      ? `Linked **${me.displayName}** (@${me.name}, id ${robloxId}). The cookie is stored encrypted.`
      : `Re-linked **${me.displayName}** (@${me.name}, id ${robloxId}): the new cookie replaced the old one; label, alerts and settings are kept.`,
  ];
  if (account.isDefault) lines.push("Commands use this account when no `account` is given.");
  if (account.tracker === undefined) {
    lines.push(
      "No RBXEventTrackerV2 cookie was given: changing the screen-time limit may need it (link again to add it).",
    );
  }
  if (elsewhere.length > 0) {
    lines.push(
      `⚠️ This Roblox account is also linked in ${elsewhere.length === 1 ? "another server" : `${elsewhere.length} other servers`}. Roblox may rotate the cookie and break the other link; use a separate login (cookie) for each server if you can.`,
    );
  }
  await interaction.editReply({
    content: lines.join("\n"),
    embeds: [
      accountEmbed({
        robloxId,
        name: me.name,
        displayName: me.displayName,
        avatarUrl,
        label: account.label ?? null,
        isDefault: account.isDefault,
        linkedAt: new Date(account.linkedAt),
        health: "ok",
      }),
    ],
  });
}

export const robloxLinkModal: ModalHandler = {
  id: ROBLOX_LINK_MODAL_ID,
  level: "admin",
  execute: submit,
};
