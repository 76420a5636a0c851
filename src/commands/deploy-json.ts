/** Command JSON for registration (deploy-commands): every top-level command of README's Command reference. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { commands } from "./registry.js";

export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((c) => c.data);
}
