/**
 * Friendship (Roblox "connections") as commands, buttons and watchers share it: is someone a
 * friend, mutual friends, the removal prompt (Confirm/Cancel) and the removal itself.
 */
import type { EmbedBuilder } from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import { UserError } from "../errors.js";
import { md } from "../i18n/t.js";
import type { CallOptions, RobloxClient, RobloxSession } from "../roblox/index.js";
import { type ButtonRow, confirmRow } from "../ui/buttons.js";
import { noticeEmbed } from "../ui/embeds.js";
import { auditName, namePerson, type Person, personMd } from "./people.js";

type Roblox = Pick<RobloxClient, "friends">;

/** Is `id` a friend of the linked account? (multiget-are-friends; Roblox errors propagate.) */
export async function isFriend(
  r: { roblox: Roblox; call?: CallOptions | undefined },
  linked: LinkedAccount,
  id: string,
): Promise<boolean> {
  const ids = await r.roblox.friends.multigetAreFriends(
    linked.session,
    linked.account.robloxId,
    [id],
    r.call,
  );
  return ids.some((x) => String(x) === id);
}

/** Most of the account's friends checked for mutual friends (Roblox caps a list at 1,000). */
export const MUTUAL_CHECK_MAX = 1_000;

/** Which of `friendIds` (the account's friends) are also friends of `userId`. */
export async function mutualFriends(
  roblox: Roblox,
  session: RobloxSession,
  userId: string,
  friendIds: readonly string[],
  call?: CallOptions,
): Promise<string[]> {
  const others = friendIds.filter((id) => id !== userId).slice(0, MUTUAL_CHECK_MAX);
  if (others.length === 0) return [];
  return (await roblox.friends.multigetAreFriends(session, userId, others, call)).map(String);
}

export interface Prompt {
  content: string;
  embeds: EmbedBuilder[];
  components: ButtonRow[];
}

/** The Confirm/Cancel prompt for removing `target` (after checking they are a friend). */
export async function removePrompt(ctx: Invocation, linked: LinkedAccount, target: Person): Promise<Prompt> {
  if (target.id === linked.account.robloxId) throw new UserError("friends.remove.self");
  const names = { person: md(personMd(target, ctx.locale)), account: linked.account.robloxName };
  if (!(await isFriend(ctx, linked, target.id))) throw new UserError("friends.remove.notFriend", names);
  return {
    content: "",
    embeds: [noticeEmbed("warn", ctx.t("friends.remove.title"), ctx.t("friends.remove.prompt", names))],
    components: [
      confirmRow("remove", linked.account.robloxId, target.id, { now: ctx.now(), locale: ctx.locale }),
    ],
  };
}

/** Confirm on the removal prompt: unfriends once (a second Confirm says it is already done). */
export async function removeFriend(
  ctx: Invocation,
  linked: LinkedAccount,
  targetId: string,
): Promise<string> {
  const who = await namePerson(ctx, targetId);
  const names = { person: md(personMd(who, ctx.locale)), account: linked.account.robloxName };
  if (!(await isFriend(ctx, linked, targetId))) return ctx.t("friends.remove.already", names);
  await ctx.roblox.friends.unfriend(linked.session, targetId, ctx.call);
  await ctx.audit("friends.remove", linked.account.robloxId, auditName(who));
  return ctx.t("friends.remove.done", names);
}
