/**
 * Buttons of parent accounts: Approve/Deny on a child's consent request (alert or `/parent
 * requests`), admin only and re-checked on every click by the router; and Confirm/Cancel of
 * `/parent unlink`. A request answered once from Discord is never sent to Roblox again: a second
 * click says "already" from the store (src/domain/parents.ts).
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Invocation } from "../context.js";
import {
  answerOnce,
  findParent,
  forgetParentSession,
  type HandledConsent,
  parentName,
} from "../domain/parents.js";
import { md } from "../i18n/t.js";
import { isExpired } from "../ui/custom-id.js";
import { answeredMessage } from "../ui/parent.js";
import { messageLocale } from "./message-locale.js";
import type { ButtonHandler } from "./types.js";

function alreadySentence(h: HandledConsent, ctx: Invocation): string {
  const when = md(`<t:${Math.floor(h.at / 1000)}:R>`);
  if (h.answer === "gone") return ctx.t("parent.already.gone", { when });
  return ctx.t(h.answer === "approved" ? "parent.already.approved" : "parent.already.denied", {
    by: md(`<@${h.by}>`),
    when,
  });
}

async function consentClick(
  interaction: ButtonInteraction<"cached">,
  ctx: Invocation,
  parentId: string,
  childId: string,
  consentId: string,
  answer: "Approve" | "Deny",
): Promise<void> {
  await interaction.deferUpdate();
  const parent = await findParent(ctx, parentId);
  const r = await answerOnce(ctx, parent, childId, consentId, answer);
  await interaction.editReply({
    ...answeredMessage(
      interaction.message,
      r.entry.answer,
      r.entry.by,
      r.entry.at,
      await messageLocale(interaction, ctx),
    ),
    allowedMentions: { parse: [] },
  });
  if (r.kind === "already") {
    await interaction.followUp({
      content: alreadySentence(r.entry, ctx),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  await ctx.audit(
    `parent.${r.entry.answer === "approved" ? "approve" : "deny"}`,
    childId,
    `request ${consentId}`,
  );
}

export const consentButton: ButtonHandler<"consent"> = {
  action: "consent",
  level: () => "admin",
  execute: (interaction, a, ctx) =>
    consentClick(interaction, ctx, a.parentId, a.childId, a.consentId, a.answer === "a" ? "Approve" : "Deny"),
};

export const parentUnlinkButton: ButtonHandler<"par-unlink"> = {
  action: "par-unlink",
  level: () => "admin",
  async execute(interaction, a, ctx) {
    if (a.go === "n") {
      await interaction.update({
        content: ctx.t("parent.unlink.cancelled"),
        embeds: [],
        components: [],
        allowedMentions: { parse: [] },
      });
      return;
    }
    if (isExpired(a, ctx.now())) {
      await interaction.update({
        content: ctx.t("parent.unlink.expired"),
        components: [],
      });
      return;
    }
    const parent = await ctx.store.parents.get(ctx.guildId, a.parentId);
    const removed = await ctx.store.parents.remove(ctx.guildId, a.parentId);
    forgetParentSession(ctx, ctx.guildId, a.parentId);
    if (!removed || !parent) {
      await interaction.update({
        content: ctx.t("parent.unlink.already"),
        components: [],
      });
      return;
    }
    await ctx.audit("parent.unlink", a.parentId);
    await interaction.update({
      content: ctx.t("parent.unlink.done", { parent: md(parentName(parent)) }),
      components: [],
      allowedMentions: { parse: [] },
    });
  },
};
