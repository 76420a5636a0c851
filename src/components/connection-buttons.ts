/**
 * Remove on a new-connection alert: answers the clicker privately with the same Confirm/Cancel
 * prompt as `/friends remove` (admin, re-checked on every click); Confirm unfriends once.
 */
import { MessageFlags } from "discord.js";
import { removePrompt } from "../domain/friendship.js";
import { namePerson } from "../domain/people.js";
import type { ButtonHandler } from "./types.js";

export const connectionRemoveButton: ButtonHandler<"conn-remove"> = {
  action: "conn-remove",
  level: () => "admin",
  async execute(interaction, action, ctx) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const linked = await ctx.account(action.accountId);
    const prompt = await removePrompt(ctx, linked, await namePerson(ctx, action.friendId));
    await interaction.editReply({ ...prompt, allowedMentions: { parse: [] } });
  },
};
