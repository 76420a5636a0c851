/**
 * /requests list: pending incoming requests, one embed and one Accept/Decline/Profile row per
 * request, at most 4 per message so the Previous/Next row fits in Discord's 5 rows. Roblox's
 * pages are bigger (10), so a message page is a slice (offset) of a Roblox page (cursor).
 */
import type { APIEmbed } from "discord.js";
import type { Invocation, LinkedAccount } from "../../context.js";
import { originWords, type RequestCard, requestCards } from "../../domain/friend-requests.js";
import { pageKey } from "../../domain/paging.js";
import { accountAgeText, personText } from "../../domain/people.js";
import type { Locale } from "../../i18n/locales.js";
import { md, t } from "../../i18n/t.js";
import type { FriendRequest } from "../../roblox/index.js";
import { pagerRow, requestButtons } from "../../ui/buttons.js";
import { COLORS, fitEmbed, noticeEmbed } from "../../ui/embeds.js";
import { discordTimestamp, escapeMarkdown, profileUrl, truncate } from "../../ui/format.js";
import type { Pager, PageState } from "../types.js";

/** Requests per message: 4 request rows + the pager row = Discord's 5. */
export const PER_MESSAGE = 4;
/** Requests asked of Roblox per call (one of its accepted sizes). */
export const ROBLOX_PAGE = 10;

/**
 * The `sort` option is Roblox's friendRequestSort, sent as it is (REQUEST_SORT says what each
 * value means; 0 leaves the order to Roblox, whose default is newest first). The words of each, by value.
 */
export const SORT_KEYS = ["requests.sort.0", "requests.sort.1", "requests.sort.2"] as const;

export function sortOf(v: unknown): 0 | 1 | 2 {
  const n = Number(v);
  return n === 1 || n === 2 ? n : 0;
}

export interface Slice {
  start: number;
  end: number;
  /** Offset of the previous message page in this Roblox page; "prev-page" = the last slice of the previous Roblox page. */
  prev: number | "prev-page" | null;
  next: number | "next-page" | null;
}

/**
 * Pure: which items of a Roblox page of `length` items a message shows for `offset` (-1 = the
 * last slice), and where Previous/Next lead.
 */
export function sliceOf(
  length: number,
  offset: number,
  hasPrevPage: boolean,
  hasNextPage: boolean,
  per = PER_MESSAGE,
): Slice {
  const last = length === 0 ? 0 : Math.floor((length - 1) / per) * per;
  const start = offset < 0 ? last : Math.min(Math.floor(Math.max(0, offset) / per) * per, last);
  const end = Math.min(length, start + per);
  const prev = start > 0 ? start - per : hasPrevPage ? "prev-page" : null;
  const next = end < length ? end : hasNextPage ? "next-page" : null;
  return { start, end, prev, next };
}

/** One request as the list shows it: the shared card plus the nickname and avatar. */
export interface RequestView {
  card: RequestCard;
  nickname?: string | null | undefined;
  avatarUrl?: string | null | undefined;
}

/** Pure: one request as an embed (linked to the profile, so button edits find it), in `locale`. */
export function requestEmbed(v: RequestView, now: number, locale: Locale): APIEmbed {
  const { card } = v;
  const lines: string[] = [];
  if (card.trusted) lines.push(t(locale, "requests.card.trusted"));
  if (card.sentAt !== null)
    lines.push(t(locale, "requests.card.sent", { when: md(discordTimestamp(card.sentAt, "R")) }));
  if (v.nickname)
    lines.push(
      t(locale, "requests.card.nickname", { nickname: md(escapeMarkdown(v.nickname, { max: 40 })) }),
    );
  const where =
    card.experience === undefined
      ? undefined
      : card.experience === "an experience"
        ? t(locale, "requests.card.inExperience")
        : t(locale, "requests.card.in", { game: md(escapeMarkdown(card.experience, { max: 80 })) });
  const from = [originWords(card, locale), where].filter(Boolean).join(", ");
  if (from) lines.push(t(locale, "requests.card.from", { from: md(from) }));
  const fields: APIEmbed["fields"] = [
    {
      name: t(locale, "field.accountAge"),
      value:
        card.created === null
          ? t(locale, "common.unknown")
          : accountAgeText(locale, new Date(card.created), new Date(now)),
      inline: true,
    },
    {
      name: t(locale, "field.mutualFriends"),
      value: card.mutual.length
        ? truncate(
            card.mutual
              .slice(0, 10)
              .map((m) => escapeMarkdown(m, { max: 40 }))
              .join(", "),
            300,
          )
        : t(locale, "requests.card.none"),
      inline: true,
    },
  ];
  return fitEmbed({
    color: COLORS.info,
    title: escapeMarkdown(personText(card.person, locale), { max: 200 }),
    url: profileUrl(card.person.id),
    ...(lines.length ? { description: lines.join(" · ") } : {}),
    ...(v.avatarUrl ? { thumbnail: { url: v.avatarUrl } } : {}),
    fields,
  });
}

async function views(ctx: Invocation, items: readonly FriendRequest[]): Promise<RequestView[]> {
  const ids = items.map((i) => String(i.senderId));
  const [cards, avatars] = await Promise.all([
    requestCards(ctx, items, false),
    ctx.lookups.avatars(ids, ctx.call),
  ]);
  return cards.map((card, i) => ({
    card,
    nickname: items[i]?.friendRequest?.senderNickname,
    avatarUrl: avatars.get(card.person.id) ?? null,
  }));
}

/** One message page for args {sort, offset, page}; the first when there is no cursor. */
export const requestsPager: Pager = async (ctx, linked, state) => {
  const args = state.args ?? {};
  const sort = sortOf(args.sort);
  const pageNo = Math.max(1, Number(args.page ?? 1) || 1);
  const page = await ctx.roblox.requests.list(
    linked.session,
    { limit: ROBLOX_PAGE, friendRequestSort: sort, ...(state.cursor ? { cursor: state.cursor } : {}) },
    ctx.call,
  );
  const s = sliceOf(
    page.items.length,
    Number(args.offset ?? 0) || 0,
    !!page.previousCursor,
    !!page.nextCursor,
  );
  const shown = page.items.slice(s.start, s.end);
  const account = linked.account.robloxName;
  if (shown.length === 0 && s.prev === null) {
    return {
      content: "",
      embeds: [
        noticeEmbed("ok", ctx.t("requests.list.noneTitle"), ctx.t("requests.list.noneText", { account })),
      ],
      components: [],
    };
  }
  const list = await views(ctx, shown);
  const now = ctx.now();
  const rows = list.map((v) =>
    requestButtons(linked.account.robloxId, v.card.person.id, profileUrl(v.card.person.id), ctx.locale),
  );
  const pager = await pagerRowFor(ctx, linked, state, s, { sort, pageNo, page });
  return {
    content: ctx.t("requests.list.header", {
      account,
      sort: md(ctx.t(SORT_KEYS[sort])),
      page: String(pageNo),
    }),
    embeds: list.map((v) => requestEmbed(v, now, ctx.locale)),
    components: pager ? [...rows, pager] : rows,
  };
};

async function pagerRowFor(
  ctx: Invocation,
  linked: LinkedAccount,
  state: PageState,
  s: Slice,
  where: {
    sort: number;
    pageNo: number;
    page: { previousCursor?: string | null | undefined; nextCursor?: string | null | undefined };
  },
) {
  const { sort, pageNo, page } = where;
  const at = (cursor: string | null | undefined, offset: number, n: number): PageState => ({
    ...(cursor ? { cursor } : {}),
    args: { sort, offset, page: n },
  });
  const prevState =
    s.prev === null
      ? null
      : s.prev === "prev-page"
        ? at(page.previousCursor, -1, pageNo - 1)
        : at(state.cursor, s.prev, pageNo - 1);
  const nextState =
    s.next === null
      ? null
      : s.next === "next-page"
        ? at(page.nextCursor, 0, pageNo + 1)
        : at(state.cursor, s.next, pageNo + 1);
  const scope = { kind: "requests", accountId: linked.account.robloxId };
  const [prev, next] = await Promise.all([pageKey(ctx, scope, prevState), pageKey(ctx, scope, nextState)]);
  return prev || next ? pagerRow("requests", linked.account.robloxId, prev, next, ctx.locale) : null;
}
