/** /friends count, status and groups. */
import type { Invocation, LinkedAccount } from "../../context.js";
import { personText } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import { type MessageKey, md } from "../../i18n/t.js";
import { type KeyValueField, keyValueEmbed, noticeEmbed, userListEmbed } from "../../ui/embeds.js";
import { escapeMarkdown, truncate } from "../../ui/format.js";
import type { Cmd, Pager } from "../types.js";
import { resolveMany, unknownError, unknownNote, userOrSelf } from "./users.js";

type Reply = Awaited<ReturnType<Pager>>;

/** At most this many users per `/friends status` (friends/statuses takes 50 a call). */
export const STATUS_MAX = 50;

export async function count(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await userOrSelf(ctx, linked, interaction.options.getString("user"));
  const n = target.self
    ? await ctx.roblox.friends.myCount(linked.session, ctx.call)
    : await ctx.roblox.friends.count(linked.session, target.id, ctx.call);
  const who = md(escapeMarkdown(personText(target, ctx.locale), { max: 120 }));
  const count = String(n);
  return {
    content: "",
    embeds: [
      noticeEmbed(
        "info",
        ctx.t("friends.count.title", { n, count }),
        ctx.t("friends.count.description", { who, n, count }),
      ),
    ],
    components: [],
  };
}

const STATUS_TEXT: Record<string, MessageKey> = {
  Friends: "friends.status.friends",
  RequestSent: "friends.status.requestSent",
  RequestReceived: "friends.status.requestReceived",
  NotFriends: "friends.status.notFriends",
};

/** friends/statuses + multiget-are-friends: one line per user. */
export async function status(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const { users, unknown } = await resolveMany(ctx, interaction.options.getString("users", true), STATUS_MAX);
  if (users.length === 0) throw unknownError(unknown) ?? new UserError("friends.status.noUser");
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
    const key = raw === "Self" ? "friends.status.self" : STATUS_TEXT[raw];
    const text = key ? ctx.t(key) : raw;
    const mark = friends.has(u.id) ? "✅" : raw === "Self" ? "👤" : "➖";
    return { ...u, extra: `${mark} ${text}` };
  });
  const note = unknownNote(unknown, ctx.locale);
  return {
    content: "",
    embeds: [
      userListEmbed({
        title: ctx.t("friends.status.title", {
          account: md(escapeMarkdown(linked.account.robloxName, { max: 100 })),
        }),
        users: rows,
        footer: [
          ctx.t("friends.status.footer", { friends: String(friends.size), total: String(users.length) }),
          note,
        ]
          .filter(Boolean)
          .join(" · "),
        locale: ctx.locale,
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
    name: ctx.t("friends.groups.field", {
      group: md(escapeMarkdown(g.name, { max: 150 })),
      n: g.friends.length,
      count: String(g.friends.length),
    }),
    value: truncate(
      `[${ctx.t("friends.groups.link", { id: String(id) })}](https://www.roblox.com/communities/${id})${g.members === null ? "" : ` · ${ctx.t("friends.groups.members", { count: String(g.members) })}`}\n${g.friends.join(", ")}`,
      1024,
    ),
  }));
  const who = md(escapeMarkdown(personText(target, ctx.locale), { max: 120 }));
  const title =
    sorted.length > 25
      ? ctx.t("friends.groups.titleMore", { who, total: String(sorted.length) })
      : ctx.t("friends.groups.title", { who });
  return {
    content: "",
    embeds: [
      keyValueEmbed(title, fields, {
        ...(fields.length === 0 ? { description: ctx.t("friends.groups.none", { who }) } : {}),
        footer: ctx.t("friends.groups.footer", {
          friends: String(data.length),
          n: byGroup.size,
          count: String(byGroup.size),
        }),
      }),
    ],
    components: [],
  };
}
