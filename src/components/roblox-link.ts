/**
 * The `roblox-link` modal: the only place a cookie enters roguard. The cookie is
 * checked with Roblox on a transient session, then stored encrypted by the store; it never
 * reaches a reply, a log line or an error message.
 */
import { MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { Invocation } from "../context.js";
import { COOKIE_REFUSED_KEY, normalizeCookie, normalizeLabel, normalizeTracker } from "../domain/cookie.js";
import { UserError } from "../errors.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import {
  ModeratedError,
  type RestrictionT,
  type RobloxSession,
  UnauthenticatedError,
} from "../roblox/index.js";
import { AccountLimitError } from "../store/index.js";
import { accountEmbed } from "../ui/embeds.js";
import { discordTimestamp, escapeMarkdown } from "../ui/format.js";
import { ROBLOX_LINK_MODAL_ID } from "../ui/modals.js";
import { field, linkIdentity, transientSession } from "./link-form.js";
import type { ModalHandler } from "./types.js";

/** Who the cookie belongs to; every refusal becomes a plain sentence (nothing stored). */
async function whoIs(ctx: Invocation, session: RobloxSession) {
  try {
    return await ctx.roblox.users.authenticated(session, ctx.call);
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw new UserError(COOKIE_REFUSED_KEY);
    if (err instanceof ModeratedError) throw await lockedWhileLinking(ctx, session);
    throw err;
  }
}

/**
 * Linking while locked answers "locked until <end>; link again after that", in the member's language.
 * The end comes from usermoderation v2 on the same (transient) session.
 */
async function lockedWhileLinking(ctx: Invocation, session: RobloxSession): Promise<UserError> {
  let r: RestrictionT | null = null;
  try {
    r = await ctx.roblox.moderation.restriction(session, ctx.call);
  } catch {
    // The end stays unknown; the sentence still says what to do.
  }
  const end = r?.endTime ? new Date(r.endTime) : undefined;
  return end && !Number.isNaN(end.getTime())
    ? new UserError("roblox.link.lockedUntil", {
        end: md(discordTimestamp(end, "f")),
        relative: md(discordTimestamp(end, "R")),
      })
    : new UserError("roblox.link.lockedNoEnd");
}

async function checkLabel(ctx: Invocation, robloxId: string, label: string | undefined) {
  if (label === undefined) return;
  if (/^\d+$/.test(label)) throw new UserError("roblox.link.labelDigits");
  const taken = (await ctx.store.accounts.list(ctx.guildId)).find(
    (a) => a.robloxId !== robloxId && a.label?.toLowerCase() === label.toLowerCase(),
  );
  if (taken) {
    throw new UserError("roblox.link.labelTaken", { name: taken.robloxName, label });
  }
}

/** The refusal past MAX_ACCOUNTS_PER_GUILD. */
export function accountLimitSentence(limit: number, locale: Locale): string {
  return t(locale, "roblox.link.accountLimit", { count: limit });
}

/** A new account past the guild's cap is refused; re-linking one already linked always passes. */
async function checkRoom(ctx: Invocation, robloxId: string): Promise<void> {
  const max = ctx.config.maxAccountsPerGuild;
  if (max === undefined) return;
  const ids = await ctx.store.accounts.ids(ctx.guildId);
  if (!ids.includes(robloxId) && ids.length >= max)
    throw new UserError("roblox.link.accountLimit", { count: max });
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
      if (err instanceof AccountLimitError)
        throw new UserError("roblox.link.accountLimit", { count: err.limit });
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
  const who = md(
    ctx.t("roblox.link.who", {
      display: md(escapeMarkdown(me.displayName, { max: 100 })),
      name: md(escapeMarkdown(me.name, { max: 60 })),
      id: robloxId,
    }),
  );
  const lines = [ctx.t(created ? "roblox.link.linked" : "roblox.link.relinked", { who })];
  if (account.isDefault) lines.push(ctx.t("roblox.link.isDefault"));
  if (account.tracker === undefined) lines.push(ctx.t("roblox.link.noTracker"));
  if (elsewhere.length > 0) lines.push(ctx.t("roblox.link.elsewhere", { count: elsewhere.length }));
  await interaction.editReply({
    content: lines.join("\n"),
    embeds: [
      accountEmbed(
        {
          robloxId,
          name: me.name,
          displayName: me.displayName,
          avatarUrl,
          label: account.label ?? null,
          isDefault: account.isDefault,
          linkedAt: new Date(account.linkedAt),
          health: "ok",
        },
        ctx.locale,
      ),
    ],
  });
}

export const robloxLinkModal: ModalHandler = {
  id: ROBLOX_LINK_MODAL_ID,
  level: "admin",
  execute: submit,
};
