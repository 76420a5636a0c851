// INTERACTION_CREATE payloads as Discord sends them, and slash-command data built the way a Discord
// client would: only registered, visible commands; options typed by their registration and checked.
import type { RegisteredCommand } from "./commands.js";
import type { Core } from "./core.js";
import type { Json } from "./http.js";
import { ALL_PERMISSIONS, Perm, snowflake, token } from "./ids.js";
import {
  basePermissions,
  channelPermissions,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
} from "./state.js";
import type { UserRef } from "./world.js";

export type OptionValue = string | number | boolean | FakeMember | { id: string };

export interface CommandInput {
  name: string;
  /** "link", or "group link" for a subcommand inside a group. */
  subcommand?: string;
  /** By option name (typed from the registration), or raw interaction options. */
  options?: Record<string, OptionValue> | Json[];
  user?: UserRef;
  guildId?: string;
  /** Channel id or name; "general" by default. */
  channelId?: string;
  locale?: string;
  /** Skip what Discord's client enforces (registration, visibility, option checks). */
  force?: boolean;
}

export interface Built {
  payload: Json;
  type: number;
  guild: FakeGuild;
  channel: FakeChannel;
  member: FakeMember;
  label: string;
  sourceMessageId?: string;
}

const err = (m: string) => new Error(`fake-discord: ${m}`);

/** The fields every guild interaction carries (discord.js 14 reads all of them). */
export function basePayload(
  core: Core,
  type: number,
  data: Json,
  guild: FakeGuild,
  channel: FakeChannel,
  member: FakeMember,
  locale = "en-US",
): Json {
  const perms = channelPermissions(guild, member, channel);
  const me = core.world.member(guild, core.world.bot.id);
  return {
    id: snowflake(),
    application_id: core.world.application.id,
    type,
    data,
    guild: { id: guild.id, locale: guild.preferred_locale, features: [] },
    guild_id: guild.id,
    channel: { ...channel, permissions: perms.toString() },
    channel_id: channel.id,
    member: { ...member, permissions: perms.toString() },
    token: token(),
    version: 1,
    app_permissions: channelPermissions(guild, me, channel).toString(),
    locale,
    guild_locale: guild.preferred_locale,
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

function where(core: Core, input: { guildId?: string; channelId?: string; user?: UserRef }) {
  const guild = core.world.guild(input.guildId ?? core.world.defaultGuild.id);
  const member = core.world.resolveMember(input.user, guild);
  const channel = core.world.channel(input.channelId ?? guild.channels[0]!.id, guild.id).channel;
  return { guild, member, channel };
}

/** Discord hides a command from members lacking its default_member_permissions (unless allowed in Integrations). */
function checkVisible(
  core: Core,
  cmd: RegisteredCommand,
  guild: FakeGuild,
  member: FakeMember,
  ch: FakeChannel,
) {
  const who = member.user.username;
  if (!(channelPermissions(guild, member, ch) & Perm.UseApplicationCommands)) {
    throw err(`${who} may not use application commands in #${ch.name}`);
  }
  if (cmd.default_member_permissions === null) return;
  const need = BigInt(cmd.default_member_permissions);
  const bits = basePermissions(guild, member);
  const allowed = core.commands.allowed(guild.id, cmd.name);
  const granted = allowed.has(member.user.id) || member.roles.some((r) => allowed.has(r));
  const enough = need === 0n ? bits === ALL_PERMISSIONS : (bits & need) === need;
  if (!enough && !granted) {
    throw err(
      `${who} cannot see /${cmd.name} (default_member_permissions ${need}); use force or allowCommand`,
    );
  }
}

export function buildCommand(
  core: Core,
  input: CommandInput,
  focus?: { name: string; value: string },
): Built {
  const { guild, member, channel } = where(core, input);
  const cmd = core.commands.find(input.name, guild.id);
  if (!cmd && !input.force) {
    const known = [...core.commands.list(guild.id), ...core.commands.list()].map((c) => c.name).join(", ");
    throw err(`/${input.name} is not registered (registered: ${known || "none"})`);
  }
  if (cmd && !input.force) checkVisible(core, cmd, guild, member, channel);
  let defs = cmd?.options ?? [];
  const path = input.subcommand?.split(" ").filter(Boolean) ?? [];
  const wrappers: Array<{ name: string; type: number }> = [];
  path.forEach((name, i) => {
    const def = defs.find((o) => o.name === name && (o.type === 1 || o.type === 2));
    if (!def && !input.force) throw err(`/${input.name} has no subcommand ${path.slice(0, i + 1).join(" ")}`);
    wrappers.push({ name, type: Number(def?.type ?? (i === path.length - 1 ? 1 : 2)) });
    defs = (def?.options as Json[] | undefined) ?? [];
  });
  if (!input.force && defs.some((o) => o.type === 1 || o.type === 2)) {
    throw err(`/${input.name}${path.map((p) => ` ${p}`).join("")} needs a subcommand`);
  }
  const resolved: Record<string, Record<string, object>> = {};
  let options: Json[] = Array.isArray(input.options)
    ? input.options
    : toOptions(core, input, defs, guild, member, resolved, focus);
  for (const w of wrappers.reverse())
    options = [{ name: w.name, type: w.type, ...(options.length ? { options } : {}) }];
  const data: Json = {
    id: cmd?.id ?? snowflake(),
    name: input.name,
    type: 1,
    ...(options.length ? { options } : {}),
    ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
    ...(Object.keys(resolved).length ? { resolved } : {}),
  };
  const type = focus ? 4 : 2;
  const payload = basePayload(core, type, data, guild, channel, member, input.locale);
  const label = `/${[input.name, ...path].join(" ")}${focus ? ` (autocomplete ${focus.name})` : ""}`;
  return { payload, type, guild, channel, member, label };
}

function toOptions(
  core: Core,
  input: CommandInput,
  defs: Json[],
  guild: FakeGuild,
  member: FakeMember,
  resolved: Record<string, Record<string, object>>,
  focus?: { name: string; value: string },
): Json[] {
  const given = { ...((input.options as Record<string, OptionValue> | undefined) ?? {}) };
  const out: Json[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (focus && name === focus.name) continue;
    const def = defs.find((o) => o.name === name);
    if (!def && !input.force) throw err(`/${input.name} has no option "${name}"`);
    const type = Number(def?.type ?? guessType(value));
    out.push({
      name,
      type,
      value: optionValue(core, def ?? {}, type, value, guild, member, resolved, input),
    });
  }
  if (focus) {
    const def = defs.find((o) => o.name === focus.name);
    if (!def?.autocomplete && !input.force) throw err(`option "${focus.name}" has no autocomplete`);
    out.push({ name: focus.name, type: Number(def?.type ?? 3), value: focus.value, focused: true });
  } else if (!input.force) {
    for (const d of defs) {
      if (d.required === true && !(String(d.name) in given))
        throw err(`/${input.name} needs option "${d.name}"`);
    }
  }
  return out;
}

function guessType(v: OptionValue): number {
  if (typeof v === "boolean") return 5;
  if (typeof v === "number") return Number.isInteger(v) ? 4 : 10;
  return 3;
}

function optionValue(
  core: Core,
  def: Json,
  type: number,
  value: OptionValue,
  guild: FakeGuild,
  member: FakeMember,
  resolved: Record<string, Record<string, object>>,
  input: CommandInput,
): string | number | boolean {
  const name = String(def.name);
  const check = (ok: boolean, why: string) => {
    if (!ok && !input.force) throw err(`option "${name}": ${why}`);
  };
  const add = (kind: string, id: string, v: object) => {
    resolved[kind] ??= {};
    resolved[kind][id] = v;
  };
  const idOf = (v: OptionValue) =>
    typeof v === "object" ? ("user" in v ? (v as FakeMember).user.id : v.id) : String(v);
  const choices = def.choices as Array<{ value: unknown }> | undefined;
  if (choices?.length)
    check(
      choices.some((c) => c.value === value),
      `${String(value)} is not one of the choices`,
    );
  switch (type) {
    case 3: {
      check(typeof value === "string", "expects a string");
      const len = [...String(value)].length;
      check(
        len >= Number(def.min_length ?? 0) && len <= Number(def.max_length ?? 6000),
        `length ${len} out of range`,
      );
      return String(value);
    }
    case 4:
    case 10: {
      check(typeof value === "number" && (type === 10 || Number.isInteger(value)), "expects a number");
      const n = Number(value);
      check(
        n >= Number(def.min_value ?? -(2 ** 53)) && n <= Number(def.max_value ?? 2 ** 53),
        `${n} out of range`,
      );
      return n;
    }
    case 5:
      check(typeof value === "boolean", "expects a boolean");
      return Boolean(value);
    case 7: {
      const { channel } = core.world.channel(idOf(value), guild.id);
      const types = def.channel_types as number[] | undefined;
      check(!types || types.includes(channel.type), `channel type ${channel.type} not allowed`);
      const perms = channelPermissions(guild, member, channel).toString();
      add("channels", channel.id, {
        id: channel.id,
        name: channel.name,
        type: channel.type,
        permissions: perms,
        parent_id: channel.parent_id,
        flags: channel.flags,
        guild_id: guild.id,
      });
      return channel.id;
    }
    case 8: {
      const role = core.world.role(guild, idOf(value));
      add("roles", role.id, role);
      return role.id;
    }
    case 6:
    case 9: {
      const id = idOf(value);
      const role = type === 9 ? guild.roles.find((r) => r.id === id || r.name === id) : undefined;
      if (role) {
        add("roles", role.id, role);
        return role.id;
      }
      const m = core.world.member(guild, id);
      const { user, ...rest } = m;
      add("users", user.id, user);
      add("members", user.id, { ...rest, permissions: basePermissions(guild, m).toString() });
      return user.id;
    }
    default:
      throw err(`option "${name}" of type ${type} is not supported by the fake`);
  }
}
