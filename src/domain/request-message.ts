/**
 * Pure edits of a message carrying friend-request buttons (an alert or a /requests list page):
 * note who did what and when on the request's embed and disable that request's buttons (the
 * Profile link stays). Other requests' rows and the pager row are left as they are.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ComponentType,
} from "discord.js";
import { LOCALES, type Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { type ComponentLike, disableAll } from "../ui/buttons.js";
import { decodeCustomId } from "../ui/custom-id.js";
import { COLORS, fitEmbed, LIMITS } from "../ui/embeds.js";
import { discordTimestamp, profileUrl } from "../ui/format.js";
import type { HandledAction } from "./handled-requests.js";

type RowJson = APIActionRowComponent<APIComponentInMessageActionRow>;

export type Outcome = HandledAction | "gone" | "friends";

const TITLES = {
  accepted: "requests.outcome.accepted",
  declined: "requests.outcome.declined",
  gone: "requests.outcome.gone",
  friends: "requests.outcome.friends",
} as const satisfies Record<Outcome, string>;

/** Every outcome title in every locale: a new note replaces an older one, whatever its language. */
const ALL_TITLES = new Set(LOCALES.flatMap((l) => Object.values(TITLES).map((k) => t(l, k))));
const COLOR: Record<Outcome, number> = {
  accepted: COLORS.ok,
  declined: COLORS.alert,
  gone: 0x80848e,
  friends: COLORS.ok,
};

/** "by <@123> <t:…:R>" — who and when, as Discord renders it (in `locale`). */
export function noteText(userId: string, at: number, locale: Locale): string {
  return t(locale, "requests.outcome.by", { user: md(`<@${userId}>`), when: md(discordTimestamp(at, "R")) });
}

export interface MessageLike {
  content: string;
  embeds: readonly ({ toJSON(): unknown } | APIEmbed)[];
  components: readonly ComponentLike[];
}

export interface EditedMessage {
  content: string;
  embeds: APIEmbed[];
  components: RowJson[];
}

function json<T>(x: unknown): T {
  return (
    typeof x === "object" && x !== null && "toJSON" in x && typeof x.toJSON === "function" ? x.toJSON() : x
  ) as T;
}

/** True when the row holds this request's Accept or Decline button. */
export function isRequestRow(row: RowJson, requesterId: string): boolean {
  return row.components.some((c) => {
    if (c.type !== ComponentType.Button || !("custom_id" in c)) return false;
    const a = decodeCustomId(c.custom_id);
    return (a?.action === "req-accept" || a?.action === "req-decline") && a.requesterId === requesterId;
  });
}

function noteEmbed(e: APIEmbed, outcome: Outcome, note: string, locale: Locale): APIEmbed {
  const fields = [...(e.fields ?? [])].filter((f) => !ALL_TITLES.has(f.name));
  if (fields.length >= LIMITS.fields) fields.length = LIMITS.fields - 1;
  fields.push({ name: t(locale, TITLES[outcome]), value: note });
  return fitEmbed({ ...e, color: COLOR[outcome], fields });
}

/**
 * The message after `outcome` on `requesterId`'s request: the note goes on the embed that links
 * to the requester's profile (or the only embed), else on a line of the content. `locale` is the
 * message's own language (an alert's: the guild's), so the note reads like the rest of it.
 */
export function editRequestMessage(
  message: MessageLike,
  requesterId: string,
  outcome: Outcome,
  note: string,
  locale: Locale,
): EditedMessage {
  const url = profileUrl(requesterId);
  const embeds = message.embeds.map((e) => json<APIEmbed>(e));
  let at = embeds.findIndex((e) => e.url === url || e.author?.url === url);
  if (at < 0 && embeds.length === 1) at = 0;
  let content = message.content;
  if (at >= 0) {
    embeds[at] = noteEmbed(embeds[at] as APIEmbed, outcome, note, locale);
  } else {
    const line = `**${t(locale, TITLES[outcome])}** ${note}`;
    content = (content ? `${content}\n${line}` : line).slice(-2000);
  }
  const components = message.components.map((r) => {
    const row = json<RowJson>(r);
    if (row.type !== ComponentType.ActionRow || !isRequestRow(row, requesterId)) return row;
    return disableAll([row])[0]?.toJSON() as RowJson;
  });
  return { content, embeds, components };
}
