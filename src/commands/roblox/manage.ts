/** /roblox accounts, default and unlink: store only, no Roblox call. */
import type { Invocation } from "../../context.js";
import { NO_ACCOUNT, UserError } from "../../errors.js";
import type { AccountRecord } from "../../store/index.js";
import { confirmRow } from "../../ui/buttons.js";
import { keyValueEmbed } from "../../ui/embeds.js";
import { discordTimestamp, escapeMarkdown, truncate } from "../../ui/format.js";
import type { Cmd, ConfirmOperation, Reply } from "../types.js";

/** `Kid (@KidAccount)` with markdown neutralised. */
export function accountName(a: Pick<AccountRecord, "displayName" | "robloxName">): string {
  const display = escapeMarkdown(a.displayName, { max: 60 });
  return a.displayName === a.robloxName ? `@${display}` : `${display} (@${escapeMarkdown(a.robloxName)})`;
}

function healthText(a: AccountRecord): string {
  if (a.health.state === "dead") {
    const since = a.health.since ? ` since ${discordTimestamp(new Date(a.health.since), "R")}` : "";
    return `⚠️ cookie no longer accepted${since}: \`/roblox link\` again`;
  }
  return "cookie works";
}

export async function accounts(_interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const list = await ctx.store.accounts.list(ctx.guildId);
  if (list.length === 0) throw new UserError(NO_ACCOUNT);
  const fields = list.slice(0, 25).map((a) => ({
    name: truncate(
      `${a.isDefault ? "⭐ " : ""}${a.label ? `${escapeMarkdown(a.label)} — ` : ""}${accountName(a)}`,
      256,
    ),
    value: [
      `id ${a.robloxId}${a.isDefault ? " · **default**" : ""}`,
      `linked by <@${a.linkedBy}> ${discordTimestamp(new Date(a.linkedAt), "R")}`,
      healthText(a),
    ].join("\n"),
  }));
  return {
    embeds: [
      keyValueEmbed(`Linked Roblox accounts (${list.length})`, fields, {
        footer: "⭐ = default: used when a command names no account. Change it with /roblox default.",
      }),
    ],
  };
}

export async function setDefault(_interaction: Cmd, ctx: Invocation, account: AccountRecord): Promise<Reply> {
  if (account.isDefault) return `**${accountName(account)}** is already the default account.`;
  if (!(await ctx.store.accounts.setDefault(ctx.guildId, account.robloxId))) {
    throw new UserError("That account was just unlinked. See `/roblox accounts`.");
  }
  await ctx.audit("roblox.default", account.robloxId);
  return `**${accountName(account)}** is now the default account: commands use it when no \`account\` is given.`;
}

export async function unlinkPrompt(
  _interaction: Cmd,
  ctx: Invocation,
  account: AccountRecord,
): Promise<Reply> {
  return {
    content: `Unlink **${accountName(account)}** (id ${account.robloxId})? Its cookie is deleted and roguard stops watching it. Linking it again later needs a fresh cookie.`,
    components: [confirmRow("unlink", account.robloxId, undefined, { now: ctx.now() })],
  };
}

export const unlinkOperation: ConfirmOperation = {
  op: "unlink",
  needsSession: false,
  async run(ctx, linked) {
    const { robloxId } = linked.account;
    const removed = await ctx.store.unlinkAccount(ctx.guildId, robloxId);
    ctx.sessions.forget(ctx.guildId, robloxId);
    if (!removed) return `**${accountName(linked.account)}** was already unlinked.`;
    await ctx.audit("roblox.unlink", robloxId);
    ctx.log.info({ robloxId }, "unlinked a Roblox account");
    const left = await ctx.store.accounts.list(ctx.guildId);
    const next = left.find((a) => a.isDefault);
    return `Unlinked **${accountName(linked.account)}**; its cookie was deleted.${
      next ? ` The default account is now **${accountName(next)}**.` : ""
    }`;
  },
};
