/**
 * Accept / Decline on friend-request alerts and /requests list pages (README, Alerts). Admin only,
 * re-checked on every click by the router. After the click the message says who did what and
 * when, and that request's buttons are disabled (Profile stays). A click on a request already
 * handled from Discord is answered from the store, with no second Roblox call; a request that
 * vanished on Roblox (code 10) is said plainly.
 *
 * Clicks on the same request run one at a time, across processes too, and with `/requests accept|
 * decline` (domain/handled-requests.ts `withRequestClaim`), so two admins clicking Accept together
 * make one Roblox call. The second click waits briefly for the first and then says "already
 * accepted by …"; if the first is still talking to Roblox after that, it says someone else is on it.
 *
 * Languages: what only the clicker sees (the follow-ups) is in the clicker's language; the note
 * edited into the message is in the message's own language — the guild's for an alert (a shared
 * channel message), the member's for an ephemeral /requests list page.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import { isFriend } from "../domain/friendship.js";
import {
  alreadySentence,
  getHandled,
  handledSince,
  recordHandled,
  withRequestClaim,
} from "../domain/handled-requests.js";
import { auditName, namePerson, type Person, personMd } from "../domain/people.js";
import { editRequestMessage, noteText, type Outcome } from "../domain/request-message.js";
import { md } from "../i18n/t.js";
import { isRobloxError } from "../roblox/index.js";
import { messageLocale } from "./message-locale.js";
import type { ButtonHandler } from "./types.js";

type Kind = "accept" | "decline";

/** Friends API code 10: "The friend request does not exist." — 5: "already a friend". */
function robloxCode(err: unknown): number | undefined {
  return isRobloxError(err) && err.kind === "api" && err.status === 400 ? err.code : undefined;
}

async function editMessage(
  interaction: ButtonInteraction<"cached">,
  ctx: Invocation,
  requesterId: string,
  outcome: Outcome,
  by: { userId: string; at: number },
): Promise<void> {
  const locale = await messageLocale(interaction, ctx);
  const note = noteText(by.userId, by.at, locale);
  const edited = editRequestMessage(interaction.message, requesterId, outcome, note, locale);
  await interaction.editReply({ ...edited, allowedMentions: { parse: [] } });
}

async function tell(interaction: ButtonInteraction<"cached">, content: string): Promise<void> {
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

async function click(
  interaction: ButtonInteraction<"cached">,
  ctx: Invocation,
  accountId: string,
  requesterId: string,
  kind: Kind,
): Promise<void> {
  await interaction.deferUpdate();
  const linked = await ctx.account(accountId);
  const person = await namePerson(ctx, requesterId);
  const who = personMd(person, ctx.locale);
  const account = linked.account.robloxName;

  const claimed = await withRequestClaim(ctx, linked.account.robloxId, requesterId, () =>
    answer(interaction, ctx, linked, person, kind, who, account),
  );
  if (claimed.busy) await tell(interaction, ctx.t("requests.button.busy"));
}

/** The click's work, under the request's claim. */
async function answer(
  interaction: ButtonInteraction<"cached">,
  ctx: Invocation,
  linked: LinkedAccount,
  person: Person,
  kind: Kind,
  who: string,
  account: string,
): Promise<void> {
  const requesterId = person.id;
  const prior = await getHandled(ctx, linked.account.robloxId, requesterId);
  if (handledSince(prior, interaction.message.createdTimestamp)) {
    await editMessage(interaction, ctx, requesterId, prior.action, { userId: prior.by, at: prior.at });
    await tell(interaction, alreadySentence(ctx, prior, who));
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
    await editMessage(interaction, ctx, requesterId, friends ? "friends" : "gone", {
      userId: ctx.userId,
      at: now(),
    });
    await tell(
      interaction,
      friends
        ? ctx.t("requests.button.alreadyFriends", { person: md(who), account })
        : ctx.t("requests.button.gone", { person: md(who) }),
    );
    return;
  }

  const action = kind === "accept" ? "accepted" : "declined";
  const at = now();
  await recordHandled(ctx, linked.account.robloxId, requesterId, { action, by: ctx.userId, at });
  await ctx.audit(`requests.${kind}`, linked.account.robloxId, `${auditName(person)} by button`);
  await editMessage(interaction, ctx, requesterId, action, { userId: ctx.userId, at });
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
