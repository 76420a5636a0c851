import type { ButtonInteraction, ModalSubmitInteraction } from "discord.js";
import type { Invocation } from "../context.js";
import type { Level } from "../permissions.js";
import type { ActionName, ActionOf } from "../ui/custom-id.js";

/** A button handler: chosen by the action of its custom id (`<action>:v1:<args>`). */
export interface ButtonHandler<K extends ActionName = ActionName> {
  action: K;
  /** The level the click needs; re-checked on every click (README, Who may do what). */
  level(action: ActionOf<K>): Level;
  execute(interaction: ButtonInteraction<"cached">, action: ActionOf<K>, ctx: Invocation): Promise<void>;
}

/** A modal submit handler, chosen by the modal's custom id (e.g. `roblox-link`). */
export interface ModalHandler {
  id: string;
  level: Level;
  execute(interaction: ModalSubmitInteraction<"cached">, ctx: Invocation): Promise<void>;
}
