/** Command JSON for registration (deploy-commands): every top-level command of README's Command reference, localized. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { localizeCommands } from "../i18n/commands.js";
import { commands } from "./registry.js";

export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return localizeCommands([...commands.values()].map((c) => c.data));
}
