/** The command registry: every top-level slash command of SPEC §3, by name. */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import * as access from "./access.js";
import * as alerts from "./alerts.js";
import * as audit from "./audit.js";
import * as friends from "./friends.js";
import * as presence from "./presence.js";
import * as requests from "./requests.js";
import * as restrictions from "./restrictions.js";
import * as roblox from "./roblox.js";
import * as screentime from "./screentime.js";
import * as user from "./user.js";

const definitions = [
  roblox,
  friends,
  requests,
  presence,
  screentime,
  restrictions,
  user,
  alerts,
  access,
  audit,
];

/** Command JSON for registration (deploy-commands), with no runtime dependencies. */
export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return definitions.map((d) => d.data);
}
