/**
 * What discord.js keeps in memory. roguard needs guilds (which guilds this shard owns), their
 * channels and roles (the alert channel's permissions, `/access list`) and its own member; it never
 * reads messages, members, users, emojis or presences from the cache. discord.js builds about
 * fourteen caches per guild even when they are limited to nothing (an empty Map costs ~200 bytes):
 * at 10,000 guilds that alone was ~28 MB of live heap (BENCHMARKS.md). So every cache roguard does
 * not read is one shared collection that never stores anything (maxSize 0), and the member and
 * user caches keep the bot itself only. Guilds, channels and roles are left whole: discord.js
 * relies on them being complete.
 */
import { type CacheFactory, LimitedCollection, Options } from "discord.js";

const isMe = (x: { id: string; client: { user: { id: string } | null } }) => x.id === x.client.user?.id;

/** Managers whose cache stays empty (by class name, or the name of the class they extend). */
export const EMPTY_CACHES = new Set([
  "MessageManager",
  "DMMessageManager",
  "GuildMessageManager",
  "PartialGroupDMMessageManager",
  "ThreadManager",
  "GuildTextThreadManager",
  "GuildForumThreadManager",
  "ThreadMemberManager",
  "ReactionManager",
  "ReactionUserManager",
  "PresenceManager",
  "VoiceStateManager",
  "StageInstanceManager",
  "GuildScheduledEventManager",
  "GuildInviteManager",
  "GuildBanManager",
  "AutoModerationRuleManager",
  "ApplicationCommandManager",
  "GuildApplicationCommandManager",
  "ApplicationEmojiManager",
  "BaseGuildEmojiManager",
  "GuildEmojiManager",
  "GuildEmojiRoleManager",
  "GuildStickerManager",
  "GuildSoundboardSoundManager",
  "EntitlementManager",
  "SubscriptionManager",
]);

// maxSize 0 without keepOverLimit: set() is a no-op, so one instance can serve every manager.
const NOTHING = new LimitedCollection<unknown, unknown>({ maxSize: 0 });

const limited = Options.cacheWithLimits({
  GuildMemberManager: { maxSize: 0, keepOverLimit: isMe },
  UserManager: { maxSize: 0, keepOverLimit: isMe },
});

export const makeCache = ((managerType, holds, manager) =>
  EMPTY_CACHES.has(manager.name) || EMPTY_CACHES.has(managerType.name)
    ? NOTHING
    : limited(managerType, holds, manager)) as CacheFactory;

/**
 * @discordjs/rest keeps one request handler (a queue, timers, a map entry) per route it has seen,
 * for an hour, and each route's rate-limit hash for a day. Every interaction answers on its own
 * route (`/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>`): a burst of 10,000
 * links and 40,000 commands left ~50,000 idle handlers alive (a heap snapshot at 1,000 guilds held
 * 4,152 after 5,000 interactions). Idle handlers go after a minute, unused hashes after ten.
 */
export const REST_SWEEPS = {
  handlerSweepInterval: 60_000,
  hashSweepInterval: 60_000,
  hashLifetime: 600_000,
} as const;
