/**
 * The `roblox-link` modal: the only place a cookie enters roguard. The cookie is
 * checked with Roblox on a transient session, then stored encrypted by the store; it never
 * reaches a reply, a log line or an error message.
 */
import { MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { Invocation } from "../context.js";
import { COOKIE_REFUSED, normalizeCookie, normalizeLabel, normalizeTracker } from "../domain/cookie.js";
import { lockedWhileLinking } from "../domain/restriction.js";
import { UserError } from "../errors.js";
import { ModeratedError, type RobloxSession, UnauthenticatedError } from "../roblox/index.js";
import { AccountLimitError } from "../store/index.js";
import { accountEmbed } from "../ui/embeds.js";
import { escapeMarkdown } from "../ui/format.js";
import { ROBLOX_LINK_MODAL_ID } from "../ui/modals.js";
import { field, linkIdentity, transientSession } from "./link-form.js";
import type { ModalHandler } from "./types.js";

/** Who the cookie belongs to; every refusal becomes a plain sentence (nothing stored). */
async function whoIs(ctx: Invocation, session: RobloxSession) {
  try {
    return await ctx.roblox.users.authenticated(session, ctx.call);
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw new UserError(COOKIE_REFUSED);
    if (err instanceof ModeratedError) throw new UserError(await lockedWhileLinking(ctx, session));
    throw err;
  }
}

async function checkLabel(ctx: Invocation, robloxId: string, label: string | undefined) {
  if (label === undefined) return;
  if (/^\d+$/.test(label)) throw new UserError("A label cannot be only digits (ids look like that).");
  const taken = (await ctx.store.accounts.list(ctx.guildId)).find(
    (a) => a.robloxId !== robloxId && a.label?.toLowerCase() === label.toLowerCase(),
  );
  if (taken) {
    throw new UserError(
      `Another linked account (@${escapeMarkdown(taken.robloxName)}) already has the label “${escapeMarkdown(label)}”. Choose another label.`,
    );
  }
}

/** The refusal past MAX_ACCOUNTS_PER_GUILD. */
export function accountLimitSentence(limit: number): string {
  return `This server already has ${limit} linked Roblox account${limit === 1 ? "" : "s"}, the most allowed here. Unlink one with \`/roblox unlink\` first; nothing was stored.`;
}

/** A new account past the guild's cap is refused; re-linking one already linked always passes. */
async function checkRoom(ctx: Invocation, robloxId: string): Promise<void> {
  const max = ctx.config.maxAccountsPerGuild;
  if (max === undefined) return;
  const ids = await ctx.store.accounts.ids(ctx.guildId);
  if (!ids.includes(robloxId) && ids.length >= max) throw new UserError(accountLimitSentence(max));
}

async function submit(interaction: ModalSubmitInteraction<"cached">, ctx: Invocation) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const cookie = normalizeCookie(field(interaction, "cookie"));
  const tracker = normalizeTracker(field(interaction, "tracker"));
  const label = normalizeLabel(field(interaction, "label"));
  const session = transientSession(ctx, cookie, tracker);
  const me = await whoIs(ctx, session);
  const robloxId = String(me.id);
  await checkRoom(ctx, robloxId);
  await checkLabel(ctx, robloxId, label);

  const elsewhere = (await ctx.store.accounts.guildsLinking(robloxId)).filter((g) => g !== ctx.guildId);
  const max = ctx.config.maxAccountsPerGuild;
  const { account, created } = await ctx.store.accounts
    .upsert({
      ...linkIdentity(ctx, me, label, cookie, session),
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
  const who = `**${escapeMarkdown(me.displayName, { max: 100 })}** (@${escapeMarkdown(me.name, { max: 60 })}, id ${robloxId})`;
  const lines = [
    created
      ? `Linked ${who}. The cookie is stored encrypted.`
      : `Re-linked ${who}: the new cookie replaced the old one; label, alerts and settings are kept.`,
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
