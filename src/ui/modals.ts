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

/** The form `/roblox link` opens: cookie (required), tracker and label (optional). */
export function linkModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(ROBLOX_LINK_MODAL_ID)
    .setTitle("Link a Roblox account")
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(".ROBLOSECURITY cookie")
        .setDescription("Stored encrypted; never shown again. Starts with _|WARNING:")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("cookie")
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(true)
            .setMinLength(1)
            .setMaxLength(4000),
        ),
      new LabelBuilder()
        .setLabel("RBXEventTrackerV2 cookie (optional)")
        .setDescription("Needed by Roblox to change the screen-time limit")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("tracker")
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(1000),
        ),
      new LabelBuilder()
        .setLabel("Label (optional)")
        .setDescription("A short name for this account, e.g. the child's name")
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId("label")
            .setStyle(TextInputStyle.Short)
            .setRequired(false)
            .setMaxLength(LABEL_MAX),
        ),
    );
}
