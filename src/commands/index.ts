/** Command JSON for registration (deploy-commands): every top-level command of SPEC §3. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { commands } from "./registry.js";

export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((c) => c.data);
}
