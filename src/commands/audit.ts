import type { Invocation } from "../context.js";
import type { Locale } from "../i18n/locales.js";
import { t } from "../i18n/t.js";
import type { AccountRecord, AuditEntry } from "../store/index.js";
import { noticeEmbed } from "../ui/embeds.js";
import { discordTimestamp, escapeMarkdown } from "../ui/format.js";
import { guildCommand } from "./options.js";
import { type Cmd, plain, type Reply, type Subcommand } from "./types.js";

export const data = guildCommand("audit", "Recent changes made through roguard in this server", true)
  .addIntegerOption((o) =>
    o.setName("limit").setDescription("How many entries (1–50, default 10)").setMinValue(1).setMaxValue(50),
  )
  .toJSON();

export const DEFAULT_LIMIT = 10;
const DESCRIPTION_BUDGET = 3900;

type Named = Pick<AccountRecord, "robloxId" | "robloxName" | "displayName" | "label">;

/** One line per entry: when, who, what, which account, detail. Pure. The action and detail stay as stored. */
export function auditLine(e: AuditEntry, accounts: ReadonlyMap<string, Named>, locale: Locale): string {
  const at = new Date(e.at);
  const when = Number.isNaN(at.getTime())
    ? "?"
    : `${discordTimestamp(at, "f")} (${discordTimestamp(at, "R")})`;
  const a = e.robloxId ? accounts.get(e.robloxId) : undefined;
  const account = e.robloxId
    ? a
      ? ` · ${escapeMarkdown(a.label ? `${a.label} (@${a.robloxName})` : `@${a.robloxName}`)}`
      : ` · ${t(locale, "roblox.audit.unlinked", { id: e.robloxId })}`
    : "";
  const detail = e.detail ? ` · ${escapeMarkdown(e.detail, { max: 200 })}` : "";
  return `${when} <@${e.actorId}> **${escapeMarkdown(e.action)}**${account}${detail}`;
}

/** Lines that fit one embed description, with a last line telling how many were left out. */
export function fitLines(lines: readonly string[], locale: Locale, budget = DESCRIPTION_BUDGET): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget - 60) {
      out.push(t(locale, "roblox.audit.more", { count: lines.length - i }));
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out.join("\n");
}

async function run(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const limit = Math.min(50, Math.max(1, interaction.options.getInteger("limit") ?? DEFAULT_LIMIT));
  const [entries, accounts] = await Promise.all([
    ctx.store.audit.list(ctx.guildId, limit),
    ctx.store.accounts.listForDisplay(ctx.guildId),
  ]);
  const byId = new Map(accounts.map((a) => [a.robloxId, a] as const));
  const description =
    entries.length === 0
      ? ctx.t("roblox.audit.empty")
      : fitLines(
          entries.map((e) => auditLine(e, byId, ctx.locale)),
          ctx.locale,
        );
  return {
    embeds: [
      noticeEmbed("info", ctx.t("roblox.audit.title"), description).setFooter({
        text: ctx.t("roblox.audit.footer", { count: entries.length, limit }),
      }),
    ],
  };
}

export const subcommands: Record<string, Subcommand> = { "": plain("admin", run) };
