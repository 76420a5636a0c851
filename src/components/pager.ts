/** Previous/Next on any paged list: loads the stored page state and re-renders in place. */

import { loadPage, PAGE_EXPIRED } from "../domain/paging.js";
import type { MessageKey } from "../i18n/t.js";
import type { ButtonHandler } from "./types.js";

export const pageButton: ButtonHandler<"page"> = {
  action: "page",
  level: () => "viewer",
  async execute(interaction, action, ctx) {
    const refuse = (key: MessageKey) => interaction.reply({ content: ctx.t(key), flags: "Ephemeral" });
    const pager = ctx.operations?.pager(action.kind);
    if (!pager) {
      await refuse(PAGE_EXPIRED);
      return;
    }
    const loaded = await loadPage(ctx, action, action.key);
    if (!loaded.ok) {
      await refuse(loaded.refusal);
      return;
    }
    await interaction.deferUpdate();
    const linked = await ctx.account(action.accountId);
    await interaction.editReply(await pager(ctx, linked, loaded.state));
  },
};
