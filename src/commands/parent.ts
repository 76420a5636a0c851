/**
 * /parent: a parent's own Roblox account, which Roblox links to the child accounts it supervises
 * (README, "Parent account or child account"). link/unlink are admin; children/requests viewer.
 */
import {
  type APIEmbed,
  type ApplicationCommandOptionChoiceData,
  AttachmentBuilder,
  type AutocompleteInteraction,
} from "discord.js";
import type { Invocation } from "../context.js";
import { manageFriend, parentChild } from "../domain/child-side.js";
import { childPeople, findParent, linkedParent, parentName, pendingCards } from "../domain/parents.js";
import { auditName, personMd, resolveUser } from "../domain/people.js";
import { userMessageOf } from "../errors.js";
import { minutes } from "../i18n/format.js";
import { md } from "../i18n/t.js";
import { allows } from "../permissions.js";
import { isRobloxError } from "../roblox/index.js";
import { parentUnlinkRow } from "../ui/buttons.js";
import { renderWeeklyChart } from "../ui/chart.js";
import { COLORS, fitEmbed } from "../ui/embeds.js";
import { escapeMarkdown, profileUrl, truncate } from "../ui/format.js";
import { consentMessage, parentLinkModal } from "../ui/parent.js";
import { guildCommand, subcommand, text, userOpt } from "./options.js";
import { type Cmd, plain, type Reply, type Subcommand } from "./types.js";

const parentOpt = text("account", "Linked parent account (label or username); the first one when empty", {
  max: 100,
  autocomplete: true,
});
const childOpt = text("child", "The child (username or id); the parent's first child when empty", {
  max: 100,
});

export const data = guildCommand(
  "parent",
  "A parent's own Roblox account: its linked children and their requests",
  true,
)
  .addSubcommand(
    subcommand("link", "Link the parent's Roblox account with its session cookie (opens a form)"),
  )
  .addSubcommand(subcommand("unlink", "Unlink a parent account and delete its cookie", parentOpt))
  .addSubcommand(
    subcommand("children", "The children linked to the parent: screen time and limit", parentOpt),
  )
  .addSubcommand(
    subcommand("requests", "The children's requests waiting for the parent's approval", parentOpt),
  )
  .addSubcommand(
    subcommand("block", "Block a user for a child, as the parent", userOpt(true), childOpt, parentOpt),
  )
  .addSubcommand(
    subcommand("unblock", "Unblock a user for a child, as the parent", userOpt(true), childOpt, parentOpt),
  )
  .toJSON();

async function unlink(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const parent = await findParent(ctx, interaction.options.getString("account"));
  return {
    content: ctx.t("parent.unlink.confirm", { parent: md(parentName(parent)), id: parent.robloxId }),
    components: [parentUnlinkRow(parent.robloxId, { now: ctx.now(), locale: ctx.locale })],
  };
}

interface ChildScreen {
  lines: string[];
  /** The week's chart (PNG), when Roblox answered */
  chart?: Buffer;
}

/** Today's minutes, the limit and the week's chart of one child, or the plain reason Roblox gave. */
async function childScreen(
  ctx: Invocation,
  session: Awaited<ReturnType<typeof linkedParent>>["session"],
  id: string,
  title: string,
): Promise<ChildScreen> {
  try {
    const [settings, week] = await Promise.all([
      ctx.roblox.parent.childSettings(session, id, ctx.call),
      ctx.roblox.parent.childWeekly(session, id, ctx.call),
    ]);
    const limit = settings.dailyScreenTimeLimit?.currentValue;
    const today = week.days[0] ?? 0;
    const loc = ctx.locale;
    return {
      lines: [
        ctx.t("parent.children.today", { minutes: minutes(loc, today) }),
        ctx.t("parent.children.limit", {
          limit:
            limit === null || limit === undefined
              ? ctx.t("parent.children.limitUnknown")
              : minutes(loc, limit, { asLimit: true }),
        }),
        ctx.t("parent.children.week", {
          minutes: minutes(
            loc,
            week.days.reduce((a, b) => a + b, 0),
          ),
        }),
      ],
      chart: renderWeeklyChart({
        days: week.days.map((minutes, daysAgo) => ({ daysAgo, minutes })),
        localDayOfWeek: week.localDayOfWeek,
        limitMinutes: limit ?? null,
        title: ctx.t("parent.children.chartTitle", { name: md(title) }),
      }),
    };
  } catch (err) {
    if (isRobloxError(err) && err.kind !== "unauthenticated")
      return {
        lines: [ctx.t("parent.children.robloxSilent", { reason: md(userMessageOf(err, ctx.locale) ?? "") })],
      };
    throw err;
  }
}

async function children(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const { parent, session } = await linkedParent(ctx, interaction.options.getString("account"));
  // Roblox's list is the truth: refresh the stored children with it
  const listed = await ctx.roblox.parent.children(session, ctx.call);
  const kids = listed.map((c) => ({
    userId: String(c.userId),
    ...(c.name === undefined ? {} : { name: c.name }),
    ...(c.displayName === undefined ? {} : { displayName: c.displayName }),
  }));
  const fresh = (await ctx.store.parents.setChildren(ctx.guildId, parent.robloxId, kids)) ?? parent;
  if (kids.length === 0) return ctx.t("parent.children.none", { parent: md(parentName(parent)) });
  const shown = kids.slice(0, 10);
  const people = await childPeople(
    ctx,
    fresh,
    shown.map((c) => c.userId),
  );
  const avatars = await ctx.lookups
    .avatars(
      shown.map((c) => c.userId),
      ctx.call,
    )
    .catch(() => new Map<string, string | null>());
  const embeds: APIEmbed[] = [];
  const files: AttachmentBuilder[] = [];
  for (const c of shown) {
    const person = people.get(c.userId);
    const screen = await childScreen(
      ctx,
      session,
      c.userId,
      person?.known === false ? ctx.t("ui.user", { id: c.userId }) : (person?.name ?? c.userId),
    );
    const lines = screen.lines;
    const avatar = avatars.get(c.userId);
    const file = `child-${c.userId}.png`;
    if (screen.chart)
      files.push(
        new AttachmentBuilder(screen.chart, { name: file, description: ctx.t("parent.children.chartAlt") }),
      );
    embeds.push(
      fitEmbed({
        color: COLORS.info,
        title:
          person && person.known !== false
            ? escapeMarkdown(truncate(person.displayName, 100))
            : ctx.t("ui.user", { id: c.userId }),
        url: profileUrl(c.userId),
        description: [
          person ? personMd(person, ctx.locale) : ctx.t("ui.user", { id: c.userId }),
          `id ${c.userId}`,
          ...lines,
        ].join("\n"),
        ...(avatar ? { thumbnail: { url: avatar } } : {}),
        ...(screen.chart ? { image: { url: `attachment://${file}` } } : {}),
      }),
    );
  }
  return {
    content:
      kids.length > shown.length
        ? ctx.t("parent.children.listFirst", {
            parent: md(parentName(fresh)),
            shown: shown.length,
            total: kids.length,
          })
        : ctx.t("parent.children.list", { parent: md(parentName(fresh)) }),
    embeds,
    files,
  };
}

/** Discord allows five rows of buttons per message: one request per row. */
const REQUESTS_PER_REPLY = 5;

async function requests(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const { parent, session } = await linkedParent(ctx, interaction.options.getString("account"));
  const cards = await pendingCards(ctx, parent, session, ctx.locale);
  if (cards.length === 0) return ctx.t("parent.requests.none", { parent: md(parentName(parent)) });
  const now = ctx.now();
  const shown = cards.slice(0, REQUESTS_PER_REPLY).map((c) => consentMessage(c.card, now, ctx.locale));
  const more = cards.length - shown.length;
  return {
    content: [
      more > 0
        ? ctx.t("parent.requests.waitingMore", { count: cards.length, parent: md(parentName(parent)), more })
        : ctx.t("parent.requests.waiting", { count: cards.length, parent: md(parentName(parent)) }),
      allowsAnswer(ctx) ? "" : ctx.t("parent.requests.adminsOnly"),
    ]
      .filter(Boolean)
      .join("\n"),
    embeds: shown.flatMap((m) => m.embeds),
    components: shown.flatMap((m) => m.components),
  };
}

const allowsAnswer = (ctx: Invocation) => allows(ctx.level, "admin");

/** block / unblock: grant-consent ManageFriend with the parent's cookie (no request from the child). */
function blocking(action: "Block" | "Unblock") {
  return async (interaction: Cmd, ctx: Invocation): Promise<Reply> => {
    const side = await parentChild(
      ctx,
      interaction.options.getString("account"),
      interaction.options.getString("child"),
    );
    const target = await resolveUser(ctx, interaction.options.getString("user", true));
    await manageFriend(ctx, side, target.id, action);
    await ctx.audit(`parent.${action.toLowerCase()}`, side.childId, auditName(target));
    return ctx.t(action === "Block" ? "parent.blocked" : "parent.unblocked", {
      who: md(personMd(target, ctx.locale)),
      child: side.childName,
      parent: md(parentName(side.parent)),
    });
  };
}

/** link, unlink, block and unblock are admin's; children and requests viewer's. */
export const subcommands: Record<string, Subcommand> = {
  // The cookie is collected only through the modal; its submit is components/parent-link.ts.
  link: plain("admin", async (interaction, ctx) => {
    await interaction.showModal(parentLinkModal(ctx.locale));
    return undefined;
  }),
  unlink: plain("admin", unlink),
  children: plain("viewer", children, "ephemeral"),
  requests: plain("viewer", requests, "ephemeral"),
  block: plain("admin", blocking("Block"), "ephemeral"),
  unblock: plain("admin", blocking("Unblock"), "ephemeral"),
};

/** `account`: the guild's parent links (viewers and admins only). */
export async function autocomplete(
  interaction: AutocompleteInteraction<"cached">,
  ctx: Invocation,
): Promise<ApplicationCommandOptionChoiceData[]> {
  if (!allows(ctx.level, "viewer")) return [];
  const q = String(interaction.options.getFocused()).toLowerCase();
  return (await ctx.store.parents.list(ctx.guildId))
    .filter((p) => !q || p.robloxName.toLowerCase().includes(q) || (p.label ?? "").toLowerCase().includes(q))
    .slice(0, 25)
    .map((p) => ({
      name: `${p.label ? `${p.label} — ` : ""}${p.robloxName}`.slice(0, 100),
      value: p.label ?? p.robloxName,
    }));
}
