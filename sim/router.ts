import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./errors.js";
import type { Session, SimUser } from "./model.js";
import type { RateLimiter } from "./ratelimit.js";
import type { SimState } from "./state.js";

/** Who may call a route: `none` ignores the cookie's validity, `cookie` needs a live one. */
export type Auth = "none" | "cookie";

export interface RouteOptions {
  auth: Auth;
  /** POST/DELETE that need the X-CSRF-TOKEN (default: true for cookie routes that are not GET). */
  csrf?: boolean;
  /** Still answers while the user is restricted (usermoderation, add-temporary-screentime). */
  moderationExempt?: boolean;
}

export interface Ctx {
  state: SimState;
  limiter: RateLimiter;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** authenticated user (cookie routes: always set) */
  userId: number | null;
  user: SimUser | null;
  session: Session | null;
  trackerSent: boolean;
  now: number;
}

export type Handler = (ctx: Ctx) => Reply;

export interface Route {
  method: string;
  pattern: string;
  /** names of the pattern's ":params", in order (sibling routes may name the same slot differently) */
  paramNames: string[];
  options: RouteOptions;
  handler: Handler;
}

interface Node {
  literal: Map<string, Node>;
  param?: Node;
  routes?: Map<string, Route>;
}

const newNode = (): Node => ({ literal: new Map() });

/** Segment trie: matching costs one Map lookup per path segment, whatever the number of routes. */
export class Router {
  private readonly root = newNode();
  private readonly all: Route[] = [];

  /** Every route added, in order ("METHOD /pattern" is unique). */
  routes(): readonly Route[] {
    return this.all;
  }

  add(method: string, pattern: string, options: RouteOptions, handler: Handler): void {
    let node = this.root;
    const paramNames: string[] = [];
    for (const seg of pattern.split("/").filter(Boolean)) {
      if (seg.startsWith(":")) {
        paramNames.push(seg.slice(1));
        node.param ??= newNode();
        node = node.param;
      } else {
        let next = node.literal.get(seg);
        if (!next) {
          next = newNode();
          node.literal.set(seg, next);
        }
        node = next;
      }
    }
    node.routes ??= new Map();
    const route = { method, pattern, paramNames, options, handler };
    node.routes.set(method, route);
    this.all.push(route);
  }

  /** `route` undefined with `allowed` non-empty means "wrong method". */
  match(method: string, path: string): { route?: Route; params: Record<string, string>; allowed: string[] } {
    const params: Record<string, string> = {};
    const values: string[] = [];
    let node: Node | undefined = this.root;
    for (const raw of path.split("/")) {
      if (raw === "") continue;
      const lit: Node | undefined = node.literal.get(raw);
      if (lit) {
        node = lit;
      } else if (node.param) {
        values.push(safeDecode(raw));
        node = node.param;
      } else {
        return { params, allowed: [] };
      }
    }
    const routes = node.routes;
    if (!routes) return { params, allowed: [] };
    const route = routes.get(method);
    if (!route) return { params, allowed: [...routes.keys()] };
    route.paramNames.forEach((name, i) => {
      params[name] = values[i] ?? "";
    });
    return { route, params, allowed: [] };
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
