// What the REST handlers share.
import type { Bus } from "./bus.js";
import type { CommandStore } from "./commands.js";
import type { Gateway } from "./gateway.js";
import type { Tracked } from "./handle.js";
import type { Json, RecordedRequest, Reply } from "./http.js";
import type { MessageStore } from "./messages.js";
import type { World } from "./world.js";

export interface CoreOptions {
  shards: number;
  maxConcurrency: number;
  /** Discord answers 404 Unknown interaction to a callback later than 3 s. */
  ackDeadlineMs: number;
  /** When set, requests and IDENTIFY with another token are refused with 401 / 4004. */
  token?: string;
}

export interface Core {
  world: World;
  store: MessageStore;
  commands: CommandStore;
  bus: Bus;
  gateway: Gateway;
  interactions: Map<string, Tracked>;
  opts: CoreOptions;
  apiUrl: () => string;
  wsUrl: () => string;
}

export type Handler = (core: Core, req: RecordedRequest, params: string[]) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  /** Needs "Authorization: Bot …" (interaction callbacks and webhooks do not). */
  auth: boolean;
  handle: Handler;
}

/** Builds a route from a path like "/channels/:id/messages". */
export function route(method: string, path: string, handle: Handler, auth = true): Route {
  const pattern = new RegExp(`^${path.replace(/[.@]/g, "\\$&").replace(/:[a-z_]+/g, "([^/]+)")}$`);
  return { method, pattern, auth, handle };
}

export const asJson = (v: unknown): Json =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
