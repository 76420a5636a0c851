/** /friends count, status and groups. */
import type { Invocation, LinkedAccount } from "../../context.js";
import { personText } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import { type KeyValueField, keyValueEmbed, noticeEmbed, userListEmbed } from "../../ui/embeds.js";
import { escapeMarkdown, truncate } from "../../ui/format.js";
import type { Cmd, Pager } from "../types.js";
import { resolveMany, unknownNote, userOrSelf } from "./users.js";

type Reply = Awaited<ReturnType<Pager>>;

/** At most this many users per `/friends status` (friends/statuses takes 50 a call). */
export const STATUS_MAX = 50;

export async function count(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await userOrSelf(ctx, linked, interaction.options.getString("user"));
  const n = target.self
    ? await ctx.roblox.friends.myCount(linked.session, ctx.call)
    : await ctx.roblox.friends.count(linked.session, target.id, ctx.call);
  const who = escapeMarkdown(personText(target), { max: 120 });
  return {
    content: "",
    embeds: [noticeEmbed("info", `${n} friend${n === 1 ? "" : "s"}`, `${who} has ${n} Roblox friends.`)],
    components: [],
  };
}

const STATUS_TEXT: Record<string, string> = {
  Friends: "Friends",
  RequestSent: "Friend request sent, waiting for an answer",
  RequestReceived: "Sent this account a friend request",
  NotFriends: "Not friends",
};

/** friends/statuses + multiget-are-friends: one line per user. */
export async function status(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const { users, unknown } = await resolveMany(ctx, interaction.options.getString("users", true), STATUS_MAX);
  if (users.length === 0)
    throw new UserError(escapeMarkdown(unknownNote(unknown) ?? "No Roblox user found."));
  const me = linked.account.robloxId;
  const ids = users.map((u) => u.id);
  const [statuses, friendIds] = await Promise.all([
    ctx.roblox.friends.statuses(linked.session, me, ids, ctx.call),
    ctx.roblox.friends.multigetAreFriends(linked.session, me, ids, ctx.call),
  ]);
  const byId = new Map(statuses.map((s) => [String(s.id), s.status]));
  const friends = new Set(friendIds.map(String));
  const rows = users.map((u) => {
    const raw = u.id === me ? "Self" : (byId.get(u.id) ?? (friends.has(u.id) ? "Friends" : "NotFriends"));
    const text = raw === "Self" ? "This is the account itself" : (STATUS_TEXT[raw] ?? raw);
    const mark = friends.has(u.id) ? "✅" : raw === "Self" ? "👤" : "➖";
    return { ...u, extra: `${mark} ${text}` };
  });
  const note = unknownNote(unknown);
  return {
    content: "",
    embeds: [
      userListEmbed({
        title: `Friendship with ${escapeMarkdown(linked.account.robloxName, { max: 100 })}`,
        users: rows,
        footer: [`${friends.size} of ${users.length} are friends`, note].filter(Boolean).join(" · "),
      }),
    ],
    components: [],
  };
}

/** groups friends/groups/roles: the groups the friends are in, one field per group. */
export async function groups(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await userOrSelf(ctx, linked, interaction.options.getString("user"));
  const data = await ctx.roblox.groups.friendsGroupsRoles(linked.session, target.id, ctx.call);
  const byGroup = new Map<number, { name: string; members: number | null; friends: string[] }>();
  for (const entry of data) {
    const u = entry.user;
    const name = u?.displayName || u?.username || u?.name || String(u?.userId ?? u?.id ?? "?");
    for (const g of entry.groups) {
      const slot = byGroup.get(g.group.id) ?? {
        name: g.group.name,
        members: g.group.memberCount ?? null,
        friends: [],
      };
      const role = g.role?.name ? ` (${escapeMarkdown(g.role.name, { max: 40 })})` : "";
      slot.friends.push(`${escapeMarkdown(name, { max: 40 })}${role}`);
      byGroup.set(g.group.id, slot);
    }
  }
  const sorted = [...byGroup.entries()].sort((a, b) => b[1].friends.length - a[1].friends.length);
  const fields: KeyValueField[] = sorted.slice(0, 25).map(([id, g]) => ({
    name: `${escapeMarkdown(g.name, { max: 150 })} · ${g.friends.length} friend${g.friends.length === 1 ? "" : "s"}`,
    value: truncate(
      `[Group ${id}](https://www.roblox.com/communities/${id})${g.members === null ? "" : ` · ${g.members} members`}\n${g.friends.join(", ")}`,
      1024,
    ),
  }));
  const who = escapeMarkdown(personText(target), { max: 120 });
  const more = sorted.length > 25 ? ` (showing 25 of ${sorted.length})` : "";
  return {
    content: "",
    embeds: [
      keyValueEmbed(`Groups of ${who}'s friends${more}`, fields, {
        ...(fields.length === 0 ? { description: `No friend of ${who} is in a group.` } : {}),
        footer: `${data.length} friends in ${byGroup.size} group${byGroup.size === 1 ? "" : "s"}`,
      }),
    ],
    components: [],
  };
}
