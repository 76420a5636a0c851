/**
 * Runtime registry: each command module exports `data` and `subcommands` (each with its level and
 * prologue; the router runs them, src/events/interactionCreate.ts), and optionally `autocomplete`,
 * `pagers` (list kinds it renders) and `confirmOperations`.
 */
import * as access from "./access.js";
import * as alerts from "./alerts.js";
import * as audit from "./audit.js";
import * as friends from "./friends.js";
import * as parent from "./parent.js";
import * as presence from "./presence.js";
import * as requests from "./requests.js";
import * as restrictions from "./restrictions.js";
import * as roblox from "./roblox.js";
import * as screentime from "./screentime.js";
import type { Command, ConfirmOperation, Pager } from "./types.js";
import * as user from "./user.js";

type Module = Command & {
  pagers?: Record<string, Pager>;
  confirmOperations?: ConfirmOperation[];
};

const modules: Module[] = [
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
  parent,
];

export const commands = new Map<string, Command>(modules.map((m) => [m.data.name, m]));
export const pagers = new Map<string, Pager>(modules.flatMap((m) => Object.entries(m.pagers ?? {})));
export const confirmOperations = new Map<string, ConfirmOperation>(
  modules.flatMap((m) => (m.confirmOperations ?? []).map((o) => [o.op, o] as const)),
);
