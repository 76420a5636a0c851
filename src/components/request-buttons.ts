/**
 * Accept / Decline on friend-request alerts and /requests list pages (SPEC §4). Admin only,
 * re-checked on every click by the router. After the click the message says who did what and
 * when, and that request's buttons are disabled (Profile stays). A click on a request already
 * handled from Discord is answered from the store, with no second Roblox call; a request that
 * vanished on Roblox (code 10) is said plainly.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { InteractionContext } from "../context.js";
import { isFriend } from "../domain/friendship.js";
import { getHandled, type Handled, handledSince, recordHandled } from "../domain/handled-requests.js";
import { auditName, namePerson, personMd } from "../domain/people.js";
import { editRequestMessage, noteText, type Outcome } from "../domain/request-message.js";
import { isRobloxError } from "../roblox/index.js";
import { escapeMarkdown } from "../ui/format.js";
import type { ButtonHandler } from "./types.js";

type Kind = "accept" | "decline";

/** Friends API code 10: "The friend request does not exist." — 5: "already a friend". */
function robloxCode(err: unknown): number | undefined {
  return isRobloxError(err) && err.kind === "api" && err.status === 400 ? err.code : undefined;
}

async function editMessage(
  interaction: ButtonInteraction<"cached">,
  requesterId: string,
  outcome: Outcome,
  note: string,
): Promise<void> {
  const edited = editRequestMessage(interaction.message, requesterId, outcome, note);
  await interaction.editReply({ ...edited, allowedMentions: { parse: [] } });
}

async function tell(interaction: ButtonInteraction<"cached">, content: string): Promise<void> {
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

function alreadySentence(h: Handled, who: string): string {
  return `The friend request from ${who} was already ${h.action} by <@${h.by}> <t:${Math.floor(h.at / 1000)}:R>; nothing changed.`;
}

async function click(
  interaction: ButtonInteraction<"cached">,
  ctx: InteractionContext,
  accountId: string,
  requesterId: string,
  kind: Kind,
): Promise<void> {
  await interaction.deferUpdate();
  const linked = await ctx.account(accountId);
  const person = await namePerson(ctx, requesterId);
  const who = personMd(person);
  const account = `**${escapeMarkdown(linked.account.robloxName)}**`;

  const prior = await getHandled(ctx, linked.account.robloxId, requesterId);
  if (handledSince(prior, interaction.message.createdTimestamp)) {
    await editMessage(interaction, requesterId, prior.action, noteText(prior.by, prior.at));
    await tell(interaction, alreadySentence(prior, who));
    return;
  }

  const now = () => ctx.now();
  try {
    if (kind === "accept") await ctx.roblox.requests.accept(linked.session, requesterId, ctx.call);
    else await ctx.roblox.requests.decline(linked.session, requesterId, ctx.call);
  } catch (err) {
    const code = robloxCode(err);
    if (code !== 10 && !(kind === "accept" && code === 5)) throw err;
    const friends =
      code === 5 || (kind === "accept" && (await isFriend(ctx, linked, requesterId).catch(() => false)));
    await editMessage(interaction, requesterId, friends ? "friends" : "gone", noteText(ctx.userId, now()));
    await tell(
      interaction,
      friends
        ? `${who} is already a friend of ${account}; nothing changed.`
        : `The friend request from ${who} no longer exists on Roblox — it was withdrawn or already answered in the Roblox app. Nothing changed.`,
    );
    return;
  }

  const action = kind === "accept" ? "accepted" : "declined";
  const at = now();
  await recordHandled(ctx, linked.account.robloxId, requesterId, { action, by: ctx.userId, at });
  await ctx.audit(`requests.${kind}`, linked.account.robloxId, `${auditName(person)} by button`);
  await editMessage(interaction, requesterId, action, noteText(ctx.userId, at));
}

export const requestAcceptButton: ButtonHandler<"req-accept"> = {
  action: "req-accept",
  level: () => "admin",
  execute: (interaction, action, ctx) =>
    click(interaction, ctx, action.accountId, action.requesterId, "accept"),
};

export const requestDeclineButton: ButtonHandler<"req-decline"> = {
  action: "req-decline",
  level: () => "admin",
  execute: (interaction, action, ctx) =>
    click(interaction, ctx, action.accountId, action.requesterId, "decline"),
};
