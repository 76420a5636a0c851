/** Previous/Next on any paged list: loads the stored page state and re-renders in place. */

import { loadPage } from "../commands/paging.js";
import { pagers } from "../commands/registry.js";
import type { ButtonHandler } from "./types.js";

export const pageButton: ButtonHandler<"page"> = {
  action: "page",
  level: () => "viewer",
  async execute(interaction, action, ctx) {
    const pager = pagers.get(action.kind);
    const state = await loadPage(ctx, action.key);
    if (!pager || !state) {
      await interaction.reply({
        content: "This list has expired. Run the command again for a fresh one.",
        flags: "Ephemeral",
      });
      return;
    }
    await interaction.deferUpdate();
    const linked = await ctx.account(action.accountId);
    await interaction.editReply(await pager(ctx, linked, state));
  },
};
