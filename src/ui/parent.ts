/**
 * What parent accounts look like in Discord: the `roblox-parent-link` form, a child's consent
 * request as an embed with Approve/Deny, and that embed after an answer. Pure builders.
 */
import {
  type ActionRowBuilder,
  type APIEmbed,
  type MessageActionRowComponentBuilder,
  ModalBuilder,
} from "discord.js";
import type { Locale } from "../i18n/locales.js";
import { type MessageKey, md, t } from "../i18n/t.js";
import { type ButtonRow, type ComponentLike, consentButtons, disableAll } from "./buttons.js";
import { COLORS, fitEmbed } from "./embeds.js";
import { discordTimestamp, truncate } from "./format.js";
import { cookieField, optionalField } from "./modals.js";

export const PARENT_LINK_MODAL_ID = "roblox-parent-link";
/** Same limit as a child account's label. */
export const PARENT_LABEL_MAX = 32;

/** The form `/parent link` opens: the parent's cookie (required) and a label (optional). */
export function parentLinkModal(locale: Locale): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(PARENT_LINK_MODAL_ID)
    .setTitle(t(locale, "parent.form.title"))
    .addLabelComponents(
      cookieField(t(locale, "parent.form.cookie"), t(locale, "parent.form.cookieHint")),
      optionalField(
        "label",
        t(locale, "parent.form.label"),
        t(locale, "parent.form.labelHint"),
        PARENT_LABEL_MAX,
      ),
    );
}

export interface ConsentCard {
  parentId: string;
  childId: string;
  consentId: string;
  /** Markdown, already escaped: "**Kid** (@KidAccount)" */
  childMd: string;
  /** Markdown, already escaped: "add trusted connection **Zed**" */
  askMd: string;
  /** Plain text (footers render no markdown): the parent link's name */
  parentText: string;
  createdAt?: number | undefined;
  avatarUrl?: string | null | undefined;
}

/**
 * A child's pending request: one embed and Approve/Deny (none when the id cannot fit a button), in
 * `locale` (the guild's for an alert). The card's markdown is already escaped and passes as it is.
 */
export function consentMessage(
  c: ConsentCard,
  now: number,
  locale: Locale = "en-US",
): { embeds: APIEmbed[]; components: ButtonRow[] } {
  const row = consentButtons(c.parentId, c.childId, c.consentId, locale);
  const embed = fitEmbed({
    color: COLORS.info,
    title: t(locale, "consent.title"),
    description: truncate(
      t(locale, "consent.description", {
        child: md(c.childMd),
        ask: md(c.askMd),
        when: md(discordTimestamp(c.createdAt ?? now)),
        inApp: md(row ? "" : t(locale, "consent.inApp")),
      }),
      4000,
    ),
    footer: { text: truncate(t(locale, "consent.footer", { parent: md(c.parentText) }), 200) },
    ...(c.avatarUrl ? { thumbnail: { url: c.avatarUrl } } : {}),
    timestamp: new Date(now).toISOString(),
  });
  return { embeds: [embed], components: row ? [row] : [] };
}

export type ConsentOutcome = "approved" | "denied" | "gone";

const OUTCOME: Record<ConsentOutcome, { key: MessageKey; color: number }> = {
  approved: { key: "parent.outcome.approved", color: COLORS.ok },
  denied: { key: "parent.outcome.denied", color: COLORS.alert },
  gone: { key: "parent.outcome.gone", color: 0x80848e },
};

function json<T>(x: unknown): T {
  return (
    typeof x === "object" && x !== null && "toJSON" in x && typeof x.toJSON === "function" ? x.toJSON() : x
  ) as T;
}

/**
 * The message after an answer: who answered and when on the embed, the buttons disabled; the line
 * in `locale` (the guild's for a shared alert).
 */
export function answeredMessage(
  message: { embeds: readonly unknown[]; components: readonly ComponentLike[] },
  outcome: ConsentOutcome,
  by: string,
  at: number,
  locale: Locale,
): { embeds: APIEmbed[]; components: ActionRowBuilder<MessageActionRowComponentBuilder>[] } {
  const o = OUTCOME[outcome];
  const note = t(locale, o.key, { by: md(`<@${by}>`), when: md(discordTimestamp(at, "R")) });
  const embeds = message.embeds.map((e, i) => {
    const copy = { ...json<APIEmbed>(e) };
    if (i === 0) {
      const desc = (copy.description ?? "").split("\n")[0] ?? "";
      copy.description = truncate(`${desc}\n${note}`, 4000);
      copy.color = o.color;
    }
    return fitEmbed(copy);
  });
  return { embeds, components: disableAll(message.components) };
}
