/** Modals roguard opens (pure builders); their submit handlers are in components/. */
import {
  type APIModalInteractionResponseCallbackData,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { LABEL_MAX } from "../domain/cookie.js";
import type { Locale } from "../i18n/locales.js";
import { t } from "../i18n/t.js";

export const ROBLOX_LINK_MODAL_ID = "roblox-link";

/**
 * The form `/roblox link` opens, as sent to Discord. Built and validated once: the builders check
 * every field on each `toJSON()`, which was the largest share of roguard's own CPU per link in a
 * profile of 1,000 links (BENCHMARKS.md, burst).
 */
const linkModalJson = new Map<Locale, APIModalInteractionResponseCallbackData>();
export function linkModalData(locale: Locale): APIModalInteractionResponseCallbackData {
  let json = linkModalJson.get(locale);
  if (!json) {
    json = linkModal(locale).toJSON();
    linkModalJson.set(locale, json);
  }
  return json;
}

/** The required cookie field of a link form (a cookie runs to some 1,000 characters). */
export function cookieField(label: string, description: string): LabelBuilder {
  return new LabelBuilder()
    .setLabel(label)
    .setDescription(description)
    .setTextInputComponent(
      new TextInputBuilder()
        .setCustomId("cookie")
        .setStyle(TextInputStyle.Paragraph)
        .setRequired(true)
        .setMinLength(1)
        .setMaxLength(4000),
    );
}

/** An optional one-line field of a link form. */
export function optionalField(id: string, label: string, description: string, max: number): LabelBuilder {
  return new LabelBuilder()
    .setLabel(label)
    .setDescription(description)
    .setTextInputComponent(
      new TextInputBuilder()
        .setCustomId(id)
        .setStyle(TextInputStyle.Short)
        .setRequired(false)
        .setMaxLength(max),
    );
}

/** The form `/roblox link` opens, in the member's language: cookie (required), tracker and label (optional). */
export function linkModal(locale: Locale): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(ROBLOX_LINK_MODAL_ID)
    .setTitle(t(locale, "roblox.modal.title"))
    .addLabelComponents(
      cookieField(t(locale, "roblox.modal.cookieLabel"), t(locale, "roblox.modal.cookieHint")),
      optionalField(
        "tracker",
        t(locale, "roblox.modal.trackerLabel"),
        t(locale, "roblox.modal.trackerHint"),
        1000,
      ),
      optionalField(
        "label",
        t(locale, "roblox.modal.labelLabel"),
        t(locale, "roblox.modal.labelHint"),
        LABEL_MAX,
      ),
    );
}
