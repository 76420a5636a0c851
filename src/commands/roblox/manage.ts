/** /roblox accounts, default and unlink: store only, no Roblox call. */
import type { Invocation } from "../../context.js";
import { UserError } from "../../errors.js";
import { md } from "../../i18n/t.js";
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

function healthText(ctx: Invocation, a: AccountRecord): string {
  if (a.health.state === "dead") {
    return a.health.since
      ? ctx.t("roblox.accounts.deadSince", { since: md(discordTimestamp(new Date(a.health.since), "R")) })
      : ctx.t("roblox.accounts.dead");
  }
  return ctx.t("roblox.accounts.works");
}

export async function accounts(_interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const list = await ctx.store.accounts.listForDisplay(ctx.guildId);
  if (list.length === 0) throw new UserError("error.noAccount");
  const fields = list.slice(0, 25).map((a) => ({
    name: truncate(
      `${a.isDefault ? "⭐ " : ""}${a.label ? `${escapeMarkdown(a.label)} — ` : ""}${accountName(a)}`,
      256,
    ),
    value: [
      ctx.t(a.isDefault ? "roblox.accounts.idDefault" : "roblox.accounts.id", { id: a.robloxId }),
      ctx.t("roblox.accounts.linkedBy", {
        who: md(`<@${a.linkedBy}>`),
        when: md(discordTimestamp(new Date(a.linkedAt), "R")),
      }),
      healthText(ctx, a),
    ].join("\n"),
  }));
  return {
    embeds: [
      keyValueEmbed(ctx.t("roblox.accounts.title", { count: list.length }), fields, {
        footer: ctx.t("roblox.accounts.footer"),
      }),
    ],
  };
}

export async function setDefault(_interaction: Cmd, ctx: Invocation, account: AccountRecord): Promise<Reply> {
  const name = md(accountName(account));
  if (account.isDefault) return ctx.t("roblox.default.already", { account: name });
  if (!(await ctx.store.accounts.setDefault(ctx.guildId, account.robloxId))) {
    throw new UserError("roblox.default.gone");
  }
  await ctx.audit("roblox.default", account.robloxId);
  return ctx.t("roblox.default.done", { account: name });
}

export async function unlinkPrompt(
  _interaction: Cmd,
  ctx: Invocation,
  account: AccountRecord,
): Promise<Reply> {
  return {
    content: ctx.t("roblox.unlink.prompt", { account: md(accountName(account)), id: account.robloxId }),
    components: [confirmRow("unlink", account.robloxId, undefined, { now: ctx.now(), locale: ctx.locale })],
  };
}

export const unlinkOperation: ConfirmOperation = {
  op: "unlink",
  needsSession: false,
  async run(ctx, linked) {
    const { robloxId } = linked.account;
    const removed = await ctx.store.unlinkAccount(ctx.guildId, robloxId);
    ctx.sessions.forget(ctx.guildId, robloxId);
    const name = md(accountName(linked.account));
    if (!removed) return ctx.t("roblox.unlink.already", { account: name });
    await ctx.audit("roblox.unlink", robloxId);
    ctx.log.info({ robloxId }, "unlinked a Roblox account");
    const left = await ctx.store.accounts.list(ctx.guildId);
    const next = left.find((a) => a.isDefault);
    return next
      ? ctx.t("roblox.unlink.doneNext", { account: name, next: md(accountName(next)) })
      : ctx.t("roblox.unlink.done", { account: name });
  },
};
