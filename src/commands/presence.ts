import type { Invocation, LinkedAccount } from "../context.js";
import type { Person } from "../domain/people.js";
import { presenceGames, whereText } from "../domain/presence.js";
import { UserError } from "../errors.js";
import { type MessageKey, md } from "../i18n/t.js";
import { userListEmbed } from "../ui/embeds.js";
import { escapeMarkdown } from "../ui/format.js";
import {
  accountPerson,
  namedRows,
  presenceText,
  resolveMany,
  unknownError,
  unknownNote,
} from "./friends/users.js";
import { accountOption, guildCommand } from "./options.js";
import { type Cmd, onAccount, type Reply, type Subcommand } from "./types.js";

export const data = guildCommand("presence", "Who is online, in game or in Studio")
  .addStringOption((o) =>
    o
      .setName("users")
      .setDescription("Usernames or ids, comma-separated (up to 200); default: the account's watch list")
      .setMaxLength(4000),
  )
  .addStringOption(accountOption)
  .toJSON();

/** At most this many users per /presence (README, Command reference). */
export const PRESENCE_MAX = 200;

const RANK = [3, 2, 0, 1, 3];

/** The footer's tally words per presence type ("2 online", "1 in game"…). */
const TALLY: Record<number, MessageKey> = {
  0: "friends.presence.tallyOffline",
  1: "friends.presence.tallyOnline",
  2: "friends.presence.tallyInGame",
  3: "friends.presence.tallyInStudio",
};

/** The account's watch list from the guild settings (ids), empty when none. */
async function watchList(ctx: Invocation, robloxId: string): Promise<string[]> {
  const settings = await ctx.store.settings.getForDisplay(ctx.guildId);
  return settings.watch[robloxId] ?? [];
}

/** The users to show: the `users` option, else the watch list, else the account itself. */
async function targets(
  interaction: Cmd,
  ctx: Invocation,
  linked: LinkedAccount,
): Promise<{ users: Person[]; unknown: string[]; source: string }> {
  const raw = interaction.options.getString("users");
  if (raw !== null && raw.trim() !== "") {
    return { ...(await resolveMany(ctx, raw, PRESENCE_MAX)), source: "" };
  }
  const watched = await watchList(ctx, linked.account.robloxId);
  if (watched.length > 0) {
    const ids = watched.slice(0, PRESENCE_MAX);
    const rows = await namedRows(
      ctx,
      ids.map((id) => ({ id })),
    );
    return { users: rows, unknown: [], source: "watch list" };
  }
  return { users: [accountPerson(linked)], unknown: [], source: "" };
}

async function run(interaction: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const { users, unknown, source } = await targets(interaction, ctx, linked);
  if (users.length === 0) throw unknownError(unknown) ?? new UserError("friends.presence.noUser");
  const presences = await ctx.roblox.presence.users(
    linked.session,
    users.map((u) => u.id),
    ctx.call,
  );
  const byId = new Map(presences.map((p) => [String(p.userId), p]));
  const games = await presenceGames(ctx, presences);
  const rows = users.map((u, i) => {
    const p = byId.get(u.id);
    const type = p?.userPresenceType === 4 ? 0 : (p?.userPresenceType ?? 0);
    return { user: u, type, extra: presenceText(type, whereText(p, games, ctx.locale), ctx.locale), i };
  });
  rows.sort((a, b) => (RANK[a.type] ?? 3) - (RANK[b.type] ?? 3) || a.i - b.i);
  const tally = [1, 2, 3, 0]
    .map((t) => [t, rows.filter((r) => r.type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => ctx.t(TALLY[t] ?? "friends.presence.tallyOffline", { count: String(n) }));
  const note = unknownNote(unknown, ctx.locale);
  const embed = userListEmbed({
    title: source
      ? ctx.t("friends.presence.titleWatch", {
          account: md(escapeMarkdown(linked.account.robloxName, { max: 100 })),
        })
      : ctx.t("friends.presence.title"),
    users: rows.map((r) => ({ ...r.user, extra: r.extra })),
    footer: [tally.join(" · "), note].filter(Boolean).join(" · "),
    color: rows.some((r) => r.type >= 1 && r.type <= 3) ? "ok" : "info",
    locale: ctx.locale,
  });
  return { embeds: [embed] };
}

export const subcommands: Record<string, Subcommand> = { "": onAccount("viewer", run) };
