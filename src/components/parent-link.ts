/**
 * The `roblox-parent-link` modal: the parent's own cookie enters roguard here only. It is checked
 * with Roblox (who is it, which children are linked to it) on a transient session, then sealed
 * by the store with its own purpose; it never reaches a reply, a log line or an error message.
 */
import { MessageFlags, type ModalSubmitInteraction } from "discord.js";
import type { Invocation } from "../context.js";
import { normalizeCookie, normalizeLabel } from "../domain/cookie.js";
import { forgetParentSession, parentName } from "../domain/parents.js";
import { UserError } from "../errors.js";
import { md } from "../i18n/t.js";
import { UnauthenticatedError } from "../roblox/index.js";
import { escapeMarkdown, truncate } from "../ui/format.js";
import { PARENT_LINK_MODAL_ID } from "../ui/parent.js";
import { field, linkIdentity, transientSession } from "./link-form.js";
import type { ModalHandler } from "./types.js";

async function submit(interaction: ModalSubmitInteraction<"cached">, ctx: Invocation) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const cookie = normalizeCookie(field(interaction, "cookie"));
  const label = normalizeLabel(field(interaction, "label"));
  const session = transientSession(ctx, cookie);
  if (label !== undefined && /^\d+$/.test(label)) throw new UserError("parent.link.labelDigits");
  let me: Awaited<ReturnType<typeof ctx.roblox.users.authenticated>>;
  let children: Awaited<ReturnType<typeof ctx.roblox.parent.children>>;
  try {
    me = await ctx.roblox.users.authenticated(session, ctx.call);
    children = await ctx.roblox.parent.children(session, ctx.call);
  } catch (err) {
    if (err instanceof UnauthenticatedError) throw new UserError("parent.link.refused");
    throw err;
  }
  if (children.length === 0) {
    throw new UserError("parent.link.noChild", { name: me.name });
  }
  const robloxId = String(me.id);
  if (await ctx.store.accounts.get(ctx.guildId, robloxId)) {
    throw new UserError("parent.link.isChild");
  }
  const { parent, created } = await ctx.store.parents.upsert({
    ...linkIdentity(ctx, me, label, cookie, session),
    children: children.map((c) => ({
      userId: String(c.userId),
      ...(c.name === undefined ? {} : { name: c.name }),
      ...(c.displayName === undefined ? {} : { displayName: c.displayName }),
    })),
  });
  forgetParentSession(ctx, ctx.guildId, robloxId);
  await ctx.audit(created ? "parent.link" : "parent.relink", robloxId, `${children.length} child(ren)`);
  ctx.log.info({ robloxId, created, children: children.length }, "linked a parent account");
  const names = parent.children
    .slice(0, 10)
    .map((c) =>
      c.name
        ? `**${escapeMarkdown(truncate(c.displayName ?? c.name, 60))}** (@${escapeMarkdown(c.name)})`
        : ctx.t("ui.user", { id: c.userId }),
    )
    .join(", ");
  await interaction.editReply({
    content: [
      ctx.t(created ? "parent.link.linked" : "parent.link.relinked", {
        parent: md(parentName(parent)),
        id: robloxId,
      }),
      ctx.t("parent.link.children", { names: md(names) }),
      ctx.t("parent.link.seeThem"),
    ].join("\n"),
    allowedMentions: { parse: [] },
  });
}

export const parentLinkModal: ModalHandler = {
  id: PARENT_LINK_MODAL_ID,
  level: "admin",
  execute: submit,
};
