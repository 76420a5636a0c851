/**
 * What discord.js keeps in memory. roguard needs guilds (which guilds this shard owns), their
 * channels and roles (the alert channel's permissions, `/access list`) and its own member; it never
 * reads messages, members, users, emojis or presences from the cache. At 10,000 guilds the default
 * caches cost about 100 MB (BENCHMARKS.md), so everything else is off or kept to the bot itself.
 * Guilds, channels and roles are not limited: discord.js relies on them being complete.
 */
import { type ClientOptions, Options } from "discord.js";

const isMe = (x: { id: string; client: { user: { id: string } | null } }) => x.id === x.client.user?.id;

export const makeCache: ClientOptions["makeCache"] = Options.cacheWithLimits({
  MessageManager: 0,
  DMMessageManager: 0,
  GuildMessageManager: 0,
  ThreadManager: 0,
  GuildTextThreadManager: 0,
  GuildForumThreadManager: 0,
  ThreadMemberManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  StageInstanceManager: 0,
  GuildScheduledEventManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  ApplicationEmojiManager: 0,
  BaseGuildEmojiManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  EntitlementManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: isMe },
  UserManager: { maxSize: 0, keepOverLimit: isMe },
});
