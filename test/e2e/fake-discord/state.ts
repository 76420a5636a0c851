// The fake's world: one application (bot user), guilds with roles, channels and members.
// Objects are kept in Discord's own JSON shape so they can be sent as they are.
import { ALL_PERMISSIONS, BOT_DEFAULT, EVERYONE_DEFAULT, Perm, shardOf, snowflake, toBits } from "./ids.js";

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  public_flags: number;
  flags: number;
  bot?: boolean;
  primary_guild: null;
}
export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  colors: { primary_color: number; secondary_color: null; tertiary_color: null };
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  icon: null;
  unicode_emoji: null;
  flags: number;
  tags?: { bot_id: string };
}
export interface FakeMember {
  user: FakeUser;
  roles: string[];
  joined_at: string;
  nick: string | null;
  avatar: null;
  banner: null;
  pending: boolean;
  premium_since: null;
  communication_disabled_until: null;
  flags: number;
  mute: boolean;
  deaf: boolean;
}
export interface Overwrite {
  id: string;
  type: 0 | 1; // 0 role, 1 member
  allow: string;
  deny: string;
}
export interface FakeChannel {
  id: string;
  type: number; // 0 text, 2 voice, 4 category
  name: string;
  guild_id: string;
  position: number;
  permission_overwrites: Overwrite[];
  parent_id: string | null;
  topic: string | null;
  nsfw: boolean;
  rate_limit_per_user: number;
  last_message_id: string | null;
  flags: number;
}
export interface FakeGuild {
  id: string;
  name: string;
  owner_id: string;
  preferred_locale: string;
  roles: FakeRole[];
  channels: FakeChannel[];
  members: FakeMember[];
}

export function makeUser(username: string, bot = false): FakeUser {
  return {
    id: snowflake(),
    username,
    global_name: bot ? null : username,
    discriminator: bot ? "0000" : "0",
    avatar: null,
    public_flags: 0,
    flags: 0,
    ...(bot ? { bot: true } : {}),
    primary_guild: null,
  };
}

export function makeRole(
  name: string,
  permissions: bigint | string,
  position: number,
  id = snowflake(),
): FakeRole {
  return {
    id,
    name,
    permissions: toBits(permissions).toString(),
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    icon: null,
    unicode_emoji: null,
    flags: 0,
  };
}

export function makeMember(user: FakeUser, roles: string[] = []): FakeMember {
  return {
    user,
    roles,
    joined_at: new Date().toISOString(),
    nick: null,
    avatar: null,
    banner: null,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
    flags: 0,
    mute: false,
    deaf: false,
  };
}

export function makeChannel(guildId: string, name: string, position: number, type = 0): FakeChannel {
  return {
    id: snowflake(),
    type,
    name,
    guild_id: guildId,
    position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

export interface NewGuild {
  name?: string;
  /** The owner; a new user "owner" when omitted. */
  owner?: FakeUser;
  /** [shard id, shard count]: pick an id that Discord would route to that shard. */
  shard?: [number, number];
}

function guildId(shard?: [number, number]): string {
  for (let i = 0; i < 10_000; i++) {
    const id = snowflake();
    if (!shard || shardOf(id, shard[1]) === shard[0]) return id;
  }
  throw new Error(`fake-discord: no guild id found for shard ${shard}`);
}

/** A guild with @everyone, the bot's managed role, #general and the owner and bot as members. */
export function makeGuild(bot: FakeUser, opts: NewGuild = {}): FakeGuild {
  const id = guildId(opts.shard);
  const owner = opts.owner ?? makeUser("owner");
  const botRole = { ...makeRole(bot.username, BOT_DEFAULT, 1), managed: true, tags: { bot_id: bot.id } };
  return {
    id,
    name: opts.name ?? "Test Server",
    owner_id: owner.id,
    preferred_locale: "en-US",
    roles: [makeRole("@everyone", EVERYONE_DEFAULT, 0, id), botRole],
    channels: [makeChannel(id, "general", 0)],
    members: [makeMember(owner), makeMember(bot, [botRole.id])],
  };
}

/** Base permissions of a member in the guild (owner and Administrator get everything). */
export function basePermissions(guild: FakeGuild, member: FakeMember): bigint {
  if (guild.owner_id === member.user.id) return ALL_PERMISSIONS;
  let bits = toBits(guild.roles.find((r) => r.id === guild.id)?.permissions ?? "0");
  for (const roleId of member.roles)
    bits |= toBits(guild.roles.find((r) => r.id === roleId)?.permissions ?? "0");
  return bits & Perm.Administrator ? ALL_PERMISSIONS : bits;
}

/** Permissions in a channel, applying overwrites in Discord's order: @everyone, roles, member. */
export function channelPermissions(guild: FakeGuild, member: FakeMember, channel?: FakeChannel): bigint {
  let bits = basePermissions(guild, member);
  if (bits === ALL_PERMISSIONS || !channel) return bits;
  const ow = channel.permission_overwrites;
  const apply = (o: Overwrite | undefined) => {
    if (o) bits = (bits & ~toBits(o.deny)) | toBits(o.allow);
  };
  apply(ow.find((o) => o.type === 0 && o.id === guild.id));
  let allow = 0n;
  let deny = 0n;
  for (const o of ow) {
    if (o.type === 0 && member.roles.includes(o.id)) {
      allow |= toBits(o.allow);
      deny |= toBits(o.deny);
    }
  }
  bits = (bits & ~deny) | allow;
  apply(ow.find((o) => o.type === 1 && o.id === member.user.id));
  // Without ViewChannel nothing else in the channel is possible.
  return bits & Perm.ViewChannel ? bits : 0n;
}

/** The guild as GET /guilds/{id} answers it (GuildResponse). */
export function guildJson(g: FakeGuild): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    description: null,
    home_header: null,
    splash: null,
    discovery_splash: null,
    features: [],
    banner: null,
    owner_id: g.owner_id,
    application_id: null,
    region: "deprecated",
    afk_channel_id: null,
    afk_timeout: 300,
    system_channel_id: g.channels[0]?.id ?? null,
    system_channel_flags: 0,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    roles: g.roles,
    default_message_notifications: 1,
    mfa_level: 0,
    explicit_content_filter: 0,
    max_presences: null,
    max_members: 500000,
    max_stage_video_channel_users: 50,
    max_video_channel_users: 25,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: g.preferred_locale,
    rules_channel_id: null,
    safety_alerts_channel_id: null,
    public_updates_channel_id: null,
    premium_progress_bar_enabled: false,
    nsfw: false,
    nsfw_level: 0,
    emojis: [],
    stickers: [],
    incidents_data: null,
  };
}

/** The guild as the GUILD_CREATE dispatch carries it (adds channels, members, counts). */
export function guildCreateJson(g: FakeGuild, appId: string): Record<string, unknown> {
  return {
    ...guildJson(g),
    joined_at: g.members.find((m) => m.user.id === appId)?.joined_at ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: g.members.length,
    voice_states: [],
    members: g.members,
    channels: g.channels.map(({ guild_id: _omit, ...c }) => c),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}
