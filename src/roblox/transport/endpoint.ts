/**
 * One endpoint's facts, declared beside the function that calls it ("one endpoint,
 * one small function, with its facts beside it"). The transport reads them: host, method,
 * auth, rate limit; batch cap and paging are there for readers, the docs table and tests.
 */
import type { RobloxApi } from "./codes.js";
import type { RateRule } from "./limiter.js";
import type { Method } from "./retry.js";

export type Auth = "none" | "cookie" | "cookie+csrf";
export type Paging = "none" | "camel" | "pascal";

export interface EndpointDef {
  /** Stable name used in errors, logs and metrics, e.g. "friends.requestFriendship". */
  name: string;
  /** Error-table family. */
  api: RobloxApi;
  /** Host label: `friends` → friends.roblox.com. */
  host: string;
  method: Method;
  /** Path template with `{param}` placeholders, as the seed writes it (host-relative). */
  path: string;
  auth: Auth;
  /** Most ids Roblox takes in one call (the client splits bigger lists). */
  batchCap?: number;
  paging: Paging;
  /** Static client-side limit per account (the seed's figures). */
  rateLimit?: RateRule;
}

/** Identity helper that keeps literal types and documents intent. */
export function endpoint<const T extends EndpointDef>(def: T): T {
  return def;
}

type Extra = { batchCap?: number; paging?: Paging; rateLimit?: RateRule };

/**
 * Compact declarations for one API family:
 * `const ep = endpointsOf("friends", "friends"); ep("friends.find", "GET /v1/users/{userId}/friends/find", "cookie", { paging: "pascal" })`.
 */
export function endpointsOf(api: RobloxApi, host: string) {
  return <const X extends Extra = { paging: "none" }>(
    name: string,
    route: `${Method} /${string}`,
    auth: Auth,
    extra?: X,
  ): EndpointDef & X => {
    const [method, path] = route.split(" ") as [Method, string];
    return { api, host, name, method, path, auth, paging: "none", ...(extra ?? {}) } as EndpointDef & X;
  };
}

/** Options every endpoint function takes last. */
export interface CallOptions {
  /** Epoch ms after which the call gives up (a command hands now + 20 s). */
  deadline?: number;
  signal?: AbortSignal;
}
