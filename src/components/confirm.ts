/** Confirm/Cancel on destructive actions (unlink, remove, decline-all). */
import { isExpired } from "../ui/custom-id.js";
import type { ButtonHandler } from "./types.js";

export const confirmButton: ButtonHandler<"confirm"> = {
  action: "confirm",
  level: () => "admin",
  async execute(interaction, action, ctx) {
    if (isExpired(action, ctx.now())) {
      await interaction.update({
        content: ctx.t("friends.confirm.expired"),
        components: [],
      });
      return;
    }
    const op = ctx.operations?.confirm(action.op);
    if (!op) throw new Error(`no confirm operation ${action.op}`);
    await interaction.deferUpdate();
    const account = await ctx.store.accounts.get(ctx.guildId, action.accountId);
    if (!account) {
      await interaction.editReply({
        content: ctx.t("friends.confirm.unlinked"),
        embeds: [],
        components: [],
      });
      return;
    }
    const linked =
      op.needsSession === false
        ? { account, session: await ctx.sessions.get(account) }
        : await ctx.account(action.accountId);
    const done = await op.run(ctx, linked, action.target);
    await interaction.editReply({ content: done, embeds: [], components: [] });
  },
};

export const cancelButton: ButtonHandler<"cancel"> = {
  action: "cancel",
  level: () => "admin",
  async execute(interaction, _action, ctx) {
    await interaction.update({ content: ctx.t("friends.confirm.cancelled"), embeds: [], components: [] });
  },
};

export const noopButton: ButtonHandler<"noop"> = {
  action: "noop",
  level: () => "anyone",
  async execute(interaction) {
    await interaction.deferUpdate();
  },
};
