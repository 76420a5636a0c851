// The fake's data with its default server, and helpers that keep the gateway informed of changes.
import { toBits } from "./ids.js";
import {
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeRole,
  type FakeUser,
  makeChannel,
  makeGuild,
  makeMember,
  makeRole,
  makeUser,
  type NewGuild,
} from "./state.js";

/** Who acts: an alias of the default guild's members, a member object, or a user id. */
export type UserRef = "admin" | "member" | "viewer" | FakeMember | string;

export type WorldEvent =
  | { t: "GUILD_CREATE" | "GUILD_DELETE"; guild: FakeGuild }
  | { t: "GUILD_ROLE_CREATE"; guild: FakeGuild; role: FakeRole }
  | { t: "CHANNEL_CREATE" | "CHANNEL_UPDATE"; guild: FakeGuild; channel: FakeChannel }
  | { t: "GUILD_MEMBER_ADD" | "GUILD_MEMBER_UPDATE"; guild: FakeGuild; member: FakeMember };

export class World {
  readonly bot: FakeUser = makeUser("roguard", true);
  readonly application = { id: this.bot.id, name: "roguard", flags: 0 };
  readonly guilds = new Map<string, FakeGuild>();
  readonly defaultGuild: FakeGuild;
  /** The default guild's people: the owner (all permissions), a plain member, a member with "Viewers". */
  readonly people: { admin: FakeMember; member: FakeMember; viewer: FakeMember };
  readonly roles: { everyone: FakeRole; parents: FakeRole; viewers: FakeRole };
  readonly channels: { general: FakeChannel; alerts: FakeChannel };
  listener: (e: WorldEvent) => void = () => {};

  constructor() {
    const owner = makeUser("parent_admin");
    const g = makeGuild(this.bot, { name: "Roguard Family", owner });
    this.guilds.set(g.id, g);
    this.defaultGuild = g;
    const parents = this.addRole(g.id, "Parents", 0n);
    const viewers = this.addRole(g.id, "Viewers", 0n);
    const alerts = this.addChannel(g.id, "alerts");
    this.roles = { everyone: g.roles[0]!, parents, viewers };
    this.channels = { general: g.channels[0]!, alerts };
    this.people = {
      admin: g.members[0]!,
      member: this.addMember(g.id, "plain_member"),
      viewer: this.addMember(g.id, "viewer_member", [viewers.id]),
    };
  }

  addGuild(opts: NewGuild = {}): FakeGuild {
    const g = makeGuild(this.bot, opts);
    this.guilds.set(g.id, g);
    this.listener({ t: "GUILD_CREATE", guild: g });
    return g;
  }

  /** The bot is removed from a guild (kicked, or the guild deleted). */
  removeGuild(guildId: string): void {
    const g = this.guild(guildId);
    this.guilds.delete(guildId);
    this.listener({ t: "GUILD_DELETE", guild: g });
  }

  guild(id: string): FakeGuild {
    const g = this.guilds.get(id);
    if (!g) throw new Error(`fake-discord: unknown guild ${id}`);
    return g;
  }

  addRole(guildId: string, name: string, permissions: bigint | string = 0n): FakeRole {
    const g = this.guild(guildId);
    const role = makeRole(name, permissions, g.roles.length);
    g.roles.push(role);
    this.listener({ t: "GUILD_ROLE_CREATE", guild: g, role });
    return role;
  }

  addChannel(guildId: string, name: string, type = 0): FakeChannel {
    const g = this.guild(guildId);
    const channel = makeChannel(g.id, name, g.channels.length, type);
    g.channels.push(channel);
    this.listener({ t: "CHANNEL_CREATE", guild: g, channel });
    return channel;
  }

  /** Adds a member; `roles` are role ids or names. */
  addMember(guildId: string, username: string, roles: string[] = []): FakeMember {
    const g = this.guild(guildId);
    const member = makeMember(
      makeUser(username),
      roles.map((r) => this.role(g, r).id),
    );
    g.members.push(member);
    this.listener({ t: "GUILD_MEMBER_ADD", guild: g, member });
    return member;
  }

  /** Gives (or takes back) a role; roles are ids or names. */
  setMemberRoles(guildId: string, userId: string, roles: string[]): FakeMember {
    const g = this.guild(guildId);
    const member = this.member(g, userId);
    member.roles = roles.map((r) => this.role(g, r).id);
    this.listener({ t: "GUILD_MEMBER_UPDATE", guild: g, member });
    return member;
  }

  /** Allows/denies permissions in one channel for a role or member (the bot's own, by default). */
  setOverwrite(
    channelId: string,
    o: { id?: string; type?: 0 | 1; allow?: bigint; deny?: bigint } = {},
  ): FakeChannel {
    const { guild, channel } = this.channel(channelId);
    const id = o.id ?? this.bot.id;
    const type = o.type ?? (guild.roles.some((r) => r.id === id) ? 0 : 1);
    channel.permission_overwrites = channel.permission_overwrites.filter((x) => x.id !== id);
    channel.permission_overwrites.push({
      id,
      type,
      allow: toBits(o.allow ?? 0n).toString(),
      deny: toBits(o.deny ?? 0n).toString(),
    });
    this.listener({ t: "CHANNEL_UPDATE", guild, channel });
    return channel;
  }

  role(g: FakeGuild, idOrName: string): FakeRole {
    const role = g.roles.find((r) => r.id === idOrName || r.name === idOrName);
    if (!role) throw new Error(`fake-discord: guild ${g.name} has no role ${idOrName}`);
    return role;
  }

  member(g: FakeGuild, userId: string): FakeMember {
    const m = g.members.find((x) => x.user.id === userId);
    if (!m) throw new Error(`fake-discord: ${userId} is not a member of ${g.name}`);
    return m;
  }

  channel(idOrName: string, guildId?: string): { guild: FakeGuild; channel: FakeChannel } {
    for (const guild of this.guilds.values()) {
      if (guildId && guild.id !== guildId) continue;
      const channel = guild.channels.find((c) => c.id === idOrName || c.name === idOrName);
      if (channel) return { guild, channel };
    }
    throw new Error(`fake-discord: unknown channel ${idOrName}`);
  }

  findChannel(id: string): { guild: FakeGuild; channel: FakeChannel } | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  resolveMember(ref: UserRef | undefined, g: FakeGuild): FakeMember {
    if (ref === undefined) return this.member(g, g.owner_id);
    if (ref === "admin" || ref === "member" || ref === "viewer") {
      if (g !== this.defaultGuild)
        throw new Error(`fake-discord: "${ref}" only names people of the default guild`);
      return this.people[ref];
    }
    return this.member(g, typeof ref === "string" ? ref : ref.user.id);
  }
}
