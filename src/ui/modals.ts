/** Modals roguard opens (pure builders); their submit handlers are in components/. */
import {
  type APIModalInteractionResponseCallbackData,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { LABEL_MAX } from "../domain/cookie.js";

export const ROBLOX_LINK_MODAL_ID = "roblox-link";

/**
 * The form `/roblox link` opens, as sent to Discord. Built and validated once: the builders check
 * every field on each `toJSON()`, which was the largest share of roguard's own CPU per link in a
 * profile of 1,000 links (BENCHMARKS.md, burst).
 */
let linkModalJson: APIModalInteractionResponseCallbackData | undefined;
export function linkModalData(): APIModalInteractionResponseCallbackData {
  linkModalJson ??= linkModal().toJSON();
  return linkModalJson;
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

/** The form `/roblox link` opens: cookie (required), tracker and label (optional). */
export function linkModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(ROBLOX_LINK_MODAL_ID)
    .setTitle("Link a Roblox account")
    .addLabelComponents(
      cookieField(".ROBLOSECURITY cookie", "Stored encrypted; never shown again. Starts with _|WARNING:"),
      optionalField(
        "tracker",
        "RBXEventTrackerV2 cookie (optional)",
        "Needed by Roblox to change the screen-time limit",
        1000,
      ),
      optionalField(
        "label",
        "Label (optional)",
        "A short name for this account, e.g. the child's name",
        LABEL_MAX,
      ),
    );
}
