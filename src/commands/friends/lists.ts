/**
 * /friends list, search (paged: Roblox's cursor in the store, the button carries a short key),
 * online and inactive.
 */
import type { Invocation, LinkedAccount } from "../../context.js";
import { pagerFor } from "../../domain/paging.js";
import { personText } from "../../domain/people.js";
import { presenceGames, whereText } from "../../domain/presence.js";
import { UserError } from "../../errors.js";
import { md } from "../../i18n/t.js";
import type { UserSort } from "../../roblox/api/friends.js";
import { type ListUser, userListEmbed } from "../../ui/embeds.js";
import { escapeMarkdown } from "../../ui/format.js";
import type { Cmd, Pager, PageState } from "../types.js";
import { namedRows, presenceText, presenceType, userOrSelf } from "./users.js";

/** Friends per page: 25 lines always fit one embed description. */
export const PAGE_SIZE = 25;

/** Roblox's userSort values in words (docs/roblox-behaviour.md, "userSort"). */
const SORT_NAMES = ["friends.sort.name", "friends.sort.online", "friends.sort.played"] as const;

function sortOf(v: unknown): UserSort {
  const n = Number(v);
  return n === 1 || n === 2 ? n : 0;
}

type Reply = Awaited<ReturnType<Pager>>;

/** One page of friends/find for args {user, who, sort}; the first page when there is no cursor. */
export const friendsPager: Pager = async (ctx, linked, state) => {
  const args = state.args ?? {};
  const userId = String(args.user ?? linked.account.robloxId);
  const sort = sortOf(args.sort);
  const page = await ctx.roblox.friends.find(
    linked.session,
    userId,
    { userSort: sort, limit: PAGE_SIZE, ...(state.cursor ? { cursor: state.cursor } : {}) },
    ctx.call,
  );
  const users = await namedRows(ctx, page.items);
  const who = md(escapeMarkdown(String(args.who ?? linked.account.robloxName), { max: 120 }));
  const embed = userListEmbed({
    title: ctx.t("friends.list.title", { who }),
    users,
    footer: ctx.t("friends.list.footer", { sort: ctx.t(SORT_NAMES[sort]), size: String(PAGE_SIZE) }),
    empty: state.cursor ? ctx.t("friends.list.noMore") : ctx.t("friends.list.none", { who }),
    locale: ctx.locale,
  });
  const components = await pagerFor(ctx, "friends", linked.account.robloxId, page, args);
  return { content: "", embeds: [embed], components };
};

/** One page of friends/search for args {user, who, query}. */
export const searchPager: Pager = async (ctx, linked, state) => {
  const args = state.args ?? {};
  const userId = String(args.user ?? linked.account.robloxId);
  const query = String(args.query ?? "");
  const page = await ctx.roblox.friends.search(
    linked.session,
    userId,
    { query, limit: PAGE_SIZE, ...(state.cursor ? { cursor: state.cursor } : {}) },
    ctx.call,
  );
  const users = await namedRows(ctx, page.items);
  const who = md(escapeMarkdown(String(args.who ?? linked.account.robloxName), { max: 120 }));
  const q = md(escapeMarkdown(query, { max: 50 }));
  const embed = userListEmbed({
    title: ctx.t("friends.search.title", { who, query: q }),
    users,
    empty: state.cursor ? ctx.t("friends.search.noMore") : ctx.t("friends.search.none", { who, query: q }),
    locale: ctx.locale,
  });
  const components = await pagerFor(ctx, "search", linked.account.robloxId, page, args);
  return { content: "", embeds: [embed], components };
};

export async function list(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const target = await userOrSelf(ctx, linked, interaction.options.getString("user"));
  const sort = sortOf(interaction.options.getInteger("sort") ?? 0);
  const state: PageState = { args: { user: target.id, who: personText(target, ctx.locale), sort } };
  return friendsPager(ctx, linked, state);
}

export async function search(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const query = interaction.options.getString("query", true).trim();
  if (query === "") throw new UserError("friends.search.empty");
  if (query.length > 50) throw new UserError("friends.search.tooLong");
  const who = `${linked.account.robloxName}`;
  const state: PageState = { args: { user: linked.account.robloxId, who, query } };
  return searchPager(ctx, linked, state);
}

const PRESENCE_RANK = [3, 2, 0, 1, 3];

export async function online(ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const friends = await ctx.roblox.friends.online(linked.session, linked.account.robloxId, {}, ctx.call);
  const rows = friends.map((f) => {
    const p = f.userPresence;
    const type = presenceType(p?.UserPresenceType ?? p?.userPresenceType ?? 1);
    const presence = {
      userPresenceType: type,
      lastLocation: p?.lastLocation,
      placeId: p?.placeId,
      rootPlaceId: p?.rootPlaceId,
      gameId: p?.gameInstanceId,
      universeId: p?.universeId,
    };
    return { f, type, presence };
  });
  const games = await presenceGames(
    ctx,
    rows.map((r) => r.presence),
  );
  rows.sort((a, b) => (PRESENCE_RANK[a.type] ?? 3) - (PRESENCE_RANK[b.type] ?? 3));
  const named = await namedRows(
    ctx,
    rows.map((r) => r.f),
  );
  const users: ListUser[] = named.map((u, i) => {
    const r = rows[i];
    return {
      ...u,
      extra: r ? presenceText(r.type, whereText(r.presence, games, ctx.locale), ctx.locale) : null,
    };
  });
  const inGame = rows.filter((r) => r.type === 2).length;
  return {
    content: "",
    embeds: [
      userListEmbed({
        title: ctx.t("friends.online.title", {
          account: md(escapeMarkdown(linked.account.robloxName, { max: 100 })),
        }),
        users,
        footer: ctx.t("friends.online.footer", { online: String(rows.length), inGame: String(inGame) }),
        empty: ctx.t("friends.online.none"),
        color: "ok",
        locale: ctx.locale,
      }),
    ],
    components: [],
  };
}

export async function inactive(ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const friends = await ctx.roblox.friends.inactive(linked.session, linked.account.robloxId, ctx.call);
  const users = await namedRows(ctx, friends);
  return {
    content: "",
    embeds: [
      userListEmbed({
        title: ctx.t("friends.inactive.title", {
          account: md(escapeMarkdown(linked.account.robloxName, { max: 100 })),
        }),
        users,
        footer: ctx.t("friends.inactive.footer", { n: users.length, count: String(users.length) }),
        empty: ctx.t("friends.inactive.none"),
        color: "warn",
        locale: ctx.locale,
      }),
    ],
    components: [],
  };
}
