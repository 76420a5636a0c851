/**
 * The router and the one error boundary (one place that catches, logs and answers once). Every chat command,
 * autocomplete, button and modal passes here: the member's level is re-checked in code,
 * a per-interaction Context is built, and any error becomes one plain sentence.
 */
import { randomBytes } from "node:crypto";
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { commands } from "../commands/registry.js";
import type { Subcommand } from "../commands/types.js";
import { buttonHandlers, modalHandlers } from "../components/index.js";
import { type Context, type Invocation, invocation, type LinkedAccount } from "../context.js";
import { userMessageOf } from "../errors.js";
import { resolveLocale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { adminByPermissions, allows, type Level, memberLevel, refusal } from "../permissions.js";
import { isRobloxError, ModeratedError } from "../roblox/index.js";
import type { AccountRecord } from "../store/index.js";
import { decodeCustomId } from "../ui/custom-id.js";
import { discordTimestamp, timeZoneChoices } from "../ui/format.js";
import { deferWhenSlow } from "./defer-when-slow.js";

/** Called once per handled interaction (metrics). */
export type InteractionObserver = (kind: string, ms: number, outcome: "ok" | "refused" | "error") => void;

async function levelOf(ctx: Context, interaction: Interaction<"cached">): Promise<Level> {
  const perms = interaction.memberPermissions?.bitfield ?? 0n;
  // Admins by permission need no store read (most commands are theirs).
  if (adminByPermissions(perms)) return "admin";
  const settings = await ctx.store.settings.get(interaction.guildId);
  const roles = [...interaction.member.roles.cache.keys()];
  return memberLevel(perms, roles, settings.accessRoles);
}

const ephemeral = (content: string): InteractionReplyOptions => ({
  content,
  flags: MessageFlags.Ephemeral,
  allowedMentions: { parse: [] },
});

/** Reply if nothing was sent, edit the deferred reply otherwise, follow up after a deferred update. */
export async function answer(interaction: RepliableInteraction, content: string): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(ephemeral(content));
  } else if (interaction.deferred && !interaction.isMessageComponent()) {
    await interaction.editReply({
      content,
      embeds: [],
      components: [],
      files: [],
      allowedMentions: { parse: [] },
    });
  } else {
    await interaction.followUp(ephemeral(content));
  }
}

async function moderatedSentence(ictx: Invocation, fallback: string): Promise<string> {
  const linked = ictx.lastAccount;
  if (!linked) return fallback;
  try {
    const r = await ictx.roblox.moderation.restriction(linked.session, { deadline: ictx.now() + 5_000 });
    if (r?.endTime) {
      const end = new Date(r.endTime);
      return ictx.t("error.lockedUntil", {
        name: linked.account.robloxName,
        until: md(discordTimestamp(end, "f")),
        relative: md(discordTimestamp(end, "R")),
      });
    }
  } catch {
    // fall back to the plain sentence
  }
  return fallback;
}

async function boundary(err: unknown, interaction: Interaction<"cached">, ictx: Invocation) {
  let message = userMessageOf(err, ictx.locale);
  if (err instanceof ModeratedError && message) message = await moderatedSentence(ictx, message);
  if (message) {
    ictx.log.info(
      { err: isRobloxError(err) ? { kind: err.kind, message: err.message } : err },
      "user-facing error",
    );
  } else {
    ictx.log.error({ err }, "interaction failed");
    message = ictx.t("error.generic", { ref: ictx.correlationId });
  }
  if (!interaction.isRepliable()) return;
  try {
    await answer(interaction, message);
  } catch (e) {
    ictx.log.warn({ err: e }, "could not deliver the error reply");
  }
}

/** An account as the autocomplete lists it: "label — name" (plain text, choices are not markdown). */
const accountName = (a: AccountRecord): string => `${a.label ? `${a.label} — ` : ""}${a.robloxName}`;

async function autocomplete(interaction: AutocompleteInteraction<"cached">, ictx: Invocation): Promise<void> {
  const focused = interaction.options.getFocused(true);
  let choices: { name: string; value: string }[] = [];
  if (focused.name === "zone") {
    choices = timeZoneChoices(String(focused.value));
  } else if (focused.name === "account" && interaction.commandName !== "parent") {
    // /parent's `account` names a parent link: its own autocomplete (src/commands/parent.ts)
    if (allows(ictx.level, "viewer")) {
      const q = String(focused.value).toLowerCase();
      const accounts = await ictx.store.accounts.listForDisplay(ictx.guildId);
      choices = accounts
        .filter(
          (a) =>
            !q ||
            a.robloxName.toLowerCase().includes(q) ||
            (a.label ?? "").toLowerCase().includes(q) ||
            a.robloxId.startsWith(q),
        )
        .slice(0, 25)
        .map((a) => ({
          name: (a.isDefault
            ? ictx.t("error.defaultAccount", { name: md(accountName(a)) })
            : accountName(a)
          ).slice(0, 100),
          value: a.label ?? a.robloxName,
        }));
      // /screentime also reaches a child known only through a parent link (domain/child-side.ts)
      if (interaction.commandName === "screentime") {
        const own = new Set(accounts.map((a) => a.robloxId));
        for (const p of await ictx.store.parents.list(ictx.guildId)) {
          for (const c of p.children) {
            const value = c.name ?? c.userId;
            if (own.has(c.userId) || (q && !value.toLowerCase().includes(q))) continue;
            own.add(c.userId);
            choices.push({ name: ictx.t("error.throughParent", { name: md(value) }).slice(0, 100), value });
          }
        }
      }
    }
  } else {
    const command = commands.get(interaction.commandName);
    choices =
      (await command?.autocomplete?.(interaction, ictx))?.map((c) => ({
        name: c.name,
        value: String(c.value),
      })) ?? [];
  }
  await interaction.respond(choices.slice(0, 25));
}

/** The account a subcommand declares, resolved from its `account` option. */
async function accountFor(
  interaction: ChatInputCommandInteraction<"cached">,
  sub: Subcommand,
  ictx: Invocation,
): Promise<LinkedAccount | AccountRecord | undefined> {
  if (sub.account === "linked") return ictx.account(interaction);
  if (sub.account === "stored") return ictx.storedAccount(interaction.options.getString("account"));
  return undefined;
}

/**
 * The prologue every command shares, done once here: defer (before anything slow), resolve the
 * account, run the handler, send its reply — ephemeral, no mention parsed. Errors go to the boundary.
 */
async function runCommand(
  interaction: ChatInputCommandInteraction<"cached">,
  sub: Subcommand,
  ictx: Invocation,
): Promise<void> {
  if (sub.defer) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await sub.run(interaction, ictx, (await accountFor(interaction, sub, ictx)) as never);
  if (reply === undefined) return;
  const body = {
    ...(typeof reply === "string" ? { content: reply } : reply),
    allowedMentions: { parse: [] },
  };
  if (interaction.deferred || interaction.replied) await interaction.editReply(body);
  else
    await interaction.reply({ ...body, content: body.content ?? undefined, flags: MessageFlags.Ephemeral });
}

type Routed = "ok" | "unknown" | { refused: Level };

async function route(interaction: Interaction<"cached">, ictx: Invocation): Promise<Routed> {
  if (interaction.isChatInputCommand()) {
    const subs = commands.get(interaction.commandName)?.subcommands ?? {};
    const name = interaction.options.getSubcommand(false) ?? "";
    const sub = Object.hasOwn(subs, name) ? subs[name] : undefined;
    if (!sub) return "unknown";
    if (!allows(ictx.level, sub.level)) return { refused: sub.level };
    await runCommand(interaction, sub, ictx);
  } else if (interaction.isButton()) {
    const action = decodeCustomId(interaction.customId);
    const handler = action ? buttonHandlers.get(action.action) : undefined;
    if (!action || !handler) return "unknown";
    const need = handler.level(action as never);
    if (!allows(ictx.level, need)) return { refused: need };
    await handler.execute(interaction, action as never, ictx);
  } else if (interaction.isModalSubmit()) {
    const handler = modalHandlers.get(interaction.customId);
    if (!handler) return "unknown";
    if (!allows(ictx.level, handler.level)) return { refused: handler.level };
    await handler.execute(interaction, ictx);
  }
  return "ok";
}

export function createInteractionHandler(ctx: Context, observe?: InteractionObserver) {
  return async (interaction: Interaction): Promise<void> => {
    const started = performance.now();
    if (!interaction.inCachedGuild()) {
      if (interaction.isRepliable()) {
        const locale = resolveLocale(interaction.locale);
        await interaction.reply(ephemeral(t(locale, "error.guildOnly"))).catch(() => undefined);
      }
      return;
    }
    const correlationId = randomBytes(4).toString("hex");
    let ictx: Invocation | undefined;
    let outcome: "ok" | "refused" | "error" = "ok";
    // Commands and modals defer first; the defer is sent only if their answer is slow.
    const lazy =
      interaction.isChatInputCommand() || interaction.isModalSubmit()
        ? deferWhenSlow(interaction, started)
        : undefined;
    try {
      ictx = invocation(ctx, interaction, await levelOf(ctx, interaction), correlationId);
      if (interaction.isAutocomplete()) {
        await autocomplete(interaction, ictx);
        return;
      }
      const result = await route(interaction, ictx);
      if (result === "unknown") {
        if (interaction.isRepliable()) await answer(interaction, ictx.t("error.unsupported"));
      } else if (result !== "ok") {
        outcome = "refused";
        if (interaction.isRepliable()) await answer(interaction, ictx.t(refusal(result.refused)));
      }
    } catch (err) {
      outcome = "error";
      if (ictx) await boundary(err, interaction, ictx);
      else ctx.logger.error({ err, correlationId }, "interaction failed before routing");
    } finally {
      lazy?.finish();
      observe?.(interaction.type.toString(), performance.now() - started, outcome);
    }
  };
}
