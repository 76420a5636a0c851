/**
 * The button rows roguard sends, each button's id made by the codec in custom-id.ts, and
 * disableAll for editing a message after a click. Pure: no I/O; the only clock use is the
 * default `now` of the confirmation rows.
 */
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  createComponentBuilder,
  type MessageActionRowComponentBuilder,
} from "discord.js";
import type { Locale } from "../i18n/locales.js";
import { t } from "../i18n/t.js";
import { type ConfirmOp, encodeCustomId } from "./custom-id.js";

/** Default life of a confirmation prompt, in seconds. */
export const CONFIRM_TTL_SECONDS = 600;

export type ButtonRow = ActionRowBuilder<ButtonBuilder>;

function row(...buttons: ButtonBuilder[]): ButtonRow {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons);
}

function button(customId: string, label: string, style: ButtonStyle): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId).setLabel(label).setStyle(style);
}

function profileLink(profileUrl: string, locale: Locale): ButtonBuilder {
  return new ButtonBuilder()
    .setStyle(ButtonStyle.Link)
    .setLabel(t(locale, "button.profile"))
    .setURL(profileUrl);
}

/** Accept (green), Decline (red) and Profile (link) for a friend-request alert, labelled in `locale`. */
export function requestButtons(
  accountId: string,
  requesterId: string,
  profileUrl: string,
  locale: Locale = "en-US",
): ButtonRow {
  return row(
    button(
      encodeCustomId({ action: "req-accept", accountId, requesterId }),
      t(locale, "button.accept"),
      ButtonStyle.Success,
    ),
    button(
      encodeCustomId({ action: "req-decline", accountId, requesterId }),
      t(locale, "button.decline"),
      ButtonStyle.Danger,
    ),
    profileLink(profileUrl, locale),
  );
}

/** Profile (link) and Remove (asks Confirm/Cancel) for a new-connection alert. */
export function connectionButtons(
  accountId: string,
  friendId: string,
  profileUrl: string,
  locale: Locale = "en-US",
): ButtonRow {
  return row(
    profileLink(profileUrl, locale),
    button(
      encodeCustomId({ action: "conn-remove", accountId, friendId }),
      t(locale, "button.remove"),
      ButtonStyle.Danger,
    ),
  );
}

/** A lone Profile link button (presence alerts). */
export function profileButton(profileUrl: string, locale: Locale = "en-US"): ButtonRow {
  return row(profileLink(profileUrl, locale));
}

export interface ConfirmOptions {
  /** Current time in ms (default Date.now()). */
  now?: number;
  /** Life of the prompt in seconds (default CONFIRM_TTL_SECONDS). */
  ttlSeconds?: number;
  /** The language of the buttons' labels (the member's). */
  locale: Locale;
}

/** "Confirm" (red) and "Cancel" for a destructive operation; both ids carry an expiry. */
export function confirmRow(
  op: ConfirmOp,
  accountId: string,
  target: string | undefined,
  options: ConfirmOptions,
): ButtonRow {
  const now = options.now ?? Date.now();
  const exp = Math.floor(now / 1000) + (options.ttlSeconds ?? CONFIRM_TTL_SECONDS);
  const base = { op, accountId, expires: exp, ...(target === undefined ? {} : { target }) };
  return row(
    button(
      encodeCustomId({ action: "confirm", ...base }),
      t(options.locale, "button.confirm"),
      ButtonStyle.Danger,
    ),
    button(
      encodeCustomId({ action: "cancel", ...base }),
      t(options.locale, "button.cancel"),
      ButtonStyle.Secondary,
    ),
  );
}

/** Previous/Next; a null key gives a disabled button (with a unique noop id). */
export function pagerRow(
  kind: string,
  accountId: string,
  prevKey: string | null,
  nextKey: string | null,
  locale: Locale,
): ButtonRow {
  const make = (key: string | null, dir: "n" | "p", label: string): ButtonBuilder =>
    key === null
      ? button(
          encodeCustomId({ action: "noop", tag: dir === "p" ? "prev" : "next" }),
          label,
          ButtonStyle.Secondary,
        ).setDisabled(true)
      : button(encodeCustomId({ action: "page", kind, accountId, key, dir }), label, ButtonStyle.Secondary);
  return row(make(prevKey, "p", t(locale, "button.previous")), make(nextKey, "n", t(locale, "button.next")));
}

/** "+15 min", "+30 min", … buttons adding temporary screen time (at most 5). */
export function screenTimeButtons(
  accountId: string,
  minutes: readonly number[] = [15, 30],
  locale: Locale = "en-US",
): ButtonRow {
  if (minutes.length === 0 || minutes.length > 5) throw new RangeError("screenTimeButtons: 1 to 5 buttons");
  return row(
    ...minutes.map((m) =>
      button(
        encodeCustomId({ action: "st-add", accountId, minutes: m }),
        t(locale, "button.addMinutes", { minutes: String(m) }),
        ButtonStyle.Primary,
      ),
    ),
  );
}

/**
 * Approve (green) and Deny (red) on a child's consent request; null when Roblox's id is too long
 * for a custom id (the request is then answered in the Roblox app).
 */
export function consentButtons(
  parentId: string,
  childId: string,
  consentId: string,
  locale: Locale = "en-US",
): ButtonRow | null {
  try {
    return row(
      button(
        encodeCustomId({ action: "consent", parentId, childId, consentId, answer: "a" }),
        t(locale, "button.approve"),
        ButtonStyle.Success,
      ),
      button(
        encodeCustomId({ action: "consent", parentId, childId, consentId, answer: "d" }),
        t(locale, "button.deny"),
        ButtonStyle.Danger,
      ),
    );
  } catch {
    return null;
  }
}

/** Confirm/Cancel for /parent unlink (ids carry an expiry like confirmRow's). */
export function parentUnlinkRow(parentId: string, options: ConfirmOptions): ButtonRow {
  const now = options.now ?? Date.now();
  const expires = Math.floor(now / 1000) + (options.ttlSeconds ?? CONFIRM_TTL_SECONDS);
  return row(
    button(
      encodeCustomId({ action: "par-unlink", parentId, expires, go: "y" }),
      t(options.locale, "button.confirm"),
      ButtonStyle.Danger,
    ),
    button(
      encodeCustomId({ action: "par-unlink", parentId, expires, go: "n" }),
      t(options.locale, "button.cancel"),
      ButtonStyle.Secondary,
    ),
  );
}

type RowJson = APIActionRowComponent<APIComponentInMessageActionRow>;
/** Anything that looks like a message's top-level component: a discord.js ActionRow, a builder, or raw JSON. */
export type ComponentLike = { toJSON(): unknown } | { type: number };

export interface DisableOptions {
  /** Keep link buttons (e.g. Profile) clickable. Default true. */
  keepLinks?: boolean;
}

/**
 * Disabled copies of a message's action rows, for editing an alert after a click.
 * Non-action-row top-level components are dropped (roguard sends none).
 */
export function disableAll(
  rows: readonly ComponentLike[],
  options: DisableOptions = {},
): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const keepLinks = options.keepLinks ?? true;
  const out: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  for (const r of rows) {
    const json = ("toJSON" in r && typeof r.toJSON === "function" ? r.toJSON() : r) as RowJson;
    if (json.type !== ComponentType.ActionRow) continue;
    const components = json.components.map((c) => {
      const copy = structuredClone(c);
      const isLink = copy.type === ComponentType.Button && copy.style === ButtonStyle.Link;
      if (!(isLink && keepLinks)) copy.disabled = true;
      return createComponentBuilder(copy) as MessageActionRowComponentBuilder;
    });
    out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(...components));
  }
  return out;
}
