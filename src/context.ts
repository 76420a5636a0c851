/**
 * The Context handed to every command, component and job, and the Invocation: the per-interaction
 * extension the router builds (level, deadline, the account option resolved).
 */
import type { ChatInputCommandInteraction, Interaction } from "discord.js";
import type { ConfirmOperation, Pager } from "./commands/types.js";
import type { Config } from "./config.js";
import { matchParentChild } from "./domain/child-side.js";
import { UserError } from "./errors.js";
import { type Locale, resolveLocale } from "./i18n/locales.js";
import { type MessageKey, type MessageValue, md, t } from "./i18n/t.js";
import type { Logger } from "./logger.js";
import type { Lookups } from "./lookups.js";
import type { Metrics } from "./metrics.js";
import type { Level } from "./permissions.js";
import type { CallOptions, RobloxClient, RobloxSession } from "./roblox/index.js";
import type { Sessions } from "./sessions.js";
import type { AccountRecord, Store } from "./store/index.js";
import { escapeMarkdown } from "./ui/format.js";

/**
 * What commands declare for the generic buttons (Confirm runs an operation, Previous/Next renders a
 * page): handed in by the app, so components never import commands.
 */
export interface Operations {
  confirm(op: string): ConfirmOperation | undefined;
  pager(kind: string): Pager | undefined;
}

export interface Context {
  config: Config;
  logger: Logger;
  store: Store;
  roblox: RobloxClient;
  sessions: Sessions;
  lookups: Lookups;
  now: () => number;
  /** The commands' confirm operations and pagers (absent where no button runs, e.g. job tests). */
  operations?: Operations;
  /** Prometheus counters (absent in unit tests). */
  metrics?: Metrics;
}

/** A command never leaves the user waiting on Roblox for more than 20 seconds. */
export const INTERACTION_DEADLINE_MS = 20_000;

export interface LinkedAccount {
  account: AccountRecord;
  session: RobloxSession;
}

export interface Invocation extends Context {
  guildId: string;
  userId: string;
  level: Level;
  correlationId: string;
  /** Hand this to every Roblox call: one deadline per interaction. */
  call: CallOptions;
  log: Logger;
  /** The member's language (Discord's `interaction.locale`, when roguard speaks it; else en-US). */
  locale: Locale;
  /** A message in the member's language: string values are escaped, `md(…)` values pass as they are. */
  t(key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string;
  /** The account named by the `account` option (or the given id), else the guild's default. */
  account(interaction?: ChatInputCommandInteraction<"cached"> | string): Promise<LinkedAccount>;
  /**
   * The stored account an option names (or the default), dead cookies included — unlink and
   * status must work on exactly those. No session is opened.
   */
  storedAccount(option: string | null): Promise<AccountRecord>;
  /** The last account resolved, for the error boundary (e.g. to tell the lock's end). */
  lastAccount: LinkedAccount | undefined;
  /** Appends to the guild's audit log (who = the interacting member). */
  audit(action: string, robloxId?: string, detail?: string): Promise<void>;
}

/** No stored account matches: name the option when there are accounts, else say none is linked. */
function noMatch(any: boolean, option: string | undefined): UserError {
  return any && option
    ? new UserError("error.noMatch", { option: md(escapeMarkdown(option, { max: 100 })) })
    : new UserError("error.noAccount");
}

export function invocation(
  ctx: Context,
  interaction: Interaction<"cached">,
  level: Level,
  correlationId: string,
): Invocation {
  const guildId = interaction.guildId;
  const userId = interaction.user.id;
  const locale = resolveLocale(interaction.locale);
  const ictx: Invocation = {
    ...ctx,
    guildId,
    userId,
    level,
    correlationId,
    call: { deadline: ctx.now() + INTERACTION_DEADLINE_MS },
    log: ctx.logger.child({ correlationId, guildId, userId }),
    locale,
    t: (key, values) => t(locale, key, values),
    lastAccount: undefined,
    async account(source) {
      const option =
        typeof source === "string" ? source : (source?.options.getString("account") ?? undefined);
      const account = await ctx.store.accounts.resolve(guildId, option);
      if (!account) {
        const any = (await ctx.store.accounts.list(guildId)).length > 0;
        // the child is known only through a parent link (or only a parent is linked): say which
        // cookie this needs (README, "Parent account or child account")
        const parents = await ctx.store.parents.list(guildId);
        if (parents.length > 0 && ((!any && !option) || matchParentChild(parents, option)))
          throw new UserError("error.needsChildCookie");
        if (!any && parents.length > 0 && option)
          throw new UserError("error.noMatchOrChild", { option: md(escapeMarkdown(option, { max: 100 })) });
        throw noMatch(any, option);
      }
      if (account.health.state === "dead") {
        throw new UserError("error.deadCookie", { name: account.robloxName });
      }
      const linked = { account, session: await ctx.sessions.get(account) };
      ictx.lastAccount = linked;
      return linked;
    },
    async storedAccount(option) {
      const account = await ctx.store.accounts.resolve(guildId, option ?? undefined);
      if (account) return account;
      throw noMatch((await ctx.store.accounts.list(guildId)).length > 0, option ?? undefined);
    },
    async audit(action, robloxId, detail) {
      await ctx.store.audit.append(guildId, { actorId: userId, action, robloxId, detail });
    },
  };
  return ictx;
}
