// Registered application commands (global and per guild), as PUT/POST/GET /applications/… keep them.
import { snowflake } from "./ids.js";

type Json = Record<string, unknown>;

export interface RegisteredCommand {
  id: string;
  application_id: string;
  version: string;
  type: number;
  name: string;
  description: string;
  default_member_permissions: string | null;
  options?: Json[];
  guild_id?: string;
  [key: string]: unknown;
}

const GLOBAL = "global";

export class CommandStore {
  private readonly scopes = new Map<string, RegisteredCommand[]>();
  /** Roles or users allowed to see a command despite default_member_permissions (Server Settings → Integrations). */
  private readonly overrides = new Map<string, Set<string>>();

  constructor(private readonly appId: string) {}

  /** Bulk overwrite: commands with the same name and type keep their id. */
  overwrite(bodies: Json[], guildId?: string): RegisteredCommand[] {
    const scope = guildId ?? GLOBAL;
    const before = this.scopes.get(scope) ?? [];
    const next = bodies.map((b) => this.make(b, guildId, before));
    this.scopes.set(scope, next);
    return next;
  }

  /** POST: creates or replaces one command of that name. */
  upsert(body: Json, guildId?: string): { command: RegisteredCommand; created: boolean } {
    const scope = guildId ?? GLOBAL;
    const list = this.scopes.get(scope) ?? [];
    const command = this.make(body, guildId, list);
    const at = list.findIndex((c) => c.id === command.id);
    if (at >= 0) list[at] = command;
    else list.push(command);
    this.scopes.set(scope, list);
    return { command, created: at < 0 };
  }

  remove(id: string, guildId?: string): boolean {
    const scope = guildId ?? GLOBAL;
    const list = this.scopes.get(scope) ?? [];
    const next = list.filter((c) => c.id !== id);
    this.scopes.set(scope, next);
    return next.length !== list.length;
  }

  list(guildId?: string): RegisteredCommand[] {
    return [...(this.scopes.get(guildId ?? GLOBAL) ?? [])];
  }

  /** What a member of this guild can pick: guild commands first, then global ones. */
  find(name: string, guildId: string, type = 1): RegisteredCommand | undefined {
    const match = (c: RegisteredCommand) => c.name === name && c.type === type;
    return this.list(guildId).find(match) ?? this.list().find(match);
  }

  allow(guildId: string, commandName: string, roleOrUserId: string): void {
    const key = `${guildId}:${commandName}`;
    const set = this.overrides.get(key) ?? new Set<string>();
    set.add(roleOrUserId);
    this.overrides.set(key, set);
  }

  allowed(guildId: string, commandName: string): Set<string> {
    return this.overrides.get(`${guildId}:${commandName}`) ?? new Set();
  }

  private make(b: Json, guildId: string | undefined, existing: RegisteredCommand[]): RegisteredCommand {
    const type = typeof b.type === "number" ? b.type : 1;
    const prev = existing.find((c) => c.name === b.name && c.type === type);
    const perms = b.default_member_permissions;
    const out: RegisteredCommand = {
      ...stripNull(b),
      id: prev?.id ?? snowflake(),
      application_id: this.appId,
      version: snowflake(),
      type,
      name: String(b.name),
      description: typeof b.description === "string" ? b.description : "",
      default_member_permissions: perms === null || perms === undefined ? null : String(perms),
      nsfw: b.nsfw === true,
      contexts: (b.contexts as number[] | null | undefined) ?? null,
      integration_types: (b.integration_types as number[] | null | undefined) ?? [0],
      ...(guildId ? { guild_id: guildId } : { dm_permission: b.dm_permission !== false }),
    };
    if (Array.isArray(b.options)) out.options = b.options as Json[];
    return out;
  }
}

function stripNull(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
