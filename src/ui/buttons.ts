/**
 * Button custom ids (`<action>:v1:<args>`, ≤ 100 chars, Discord's limit) and the button rows built
 * from them. Ids carry everything a handler needs, so buttons keep working after a restart.
 * Pure: no I/O; the only clock use is the default `now` of confirmRow.
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
import { z } from "zod";
import type { Locale } from "../i18n/locales.js";
import { t } from "../i18n/t.js";

export const CUSTOM_ID_MAX = 100;
export const CUSTOM_ID_VERSION = "v1";

export const CONFIRM_OPS = ["unlink", "remove", "decline-all"] as const;
export type ConfirmOp = (typeof CONFIRM_OPS)[number];

/** List kinds in use; the codec accepts any short lowercase word so new lists need no change. */
export const LIST_KINDS = ["friends", "requests", "online", "inactive", "search", "groups"] as const;

/** Default life of a confirmation prompt, in seconds. */
export const CONFIRM_TTL_SECONDS = 600;

const id = z.string().regex(/^\d{1,20}$/);
const kind = z.string().regex(/^[a-z][a-z0-9-]{0,15}$/);
const storeKey = z.string().regex(/^[A-Za-z0-9_-]{1,12}$/);
const expires = z
  .number()
  .int()
  .min(0)
  .max(36 ** 8 - 1);
const tag = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,16}$/)
  .optional();

const confirmShape = {
  op: z.enum(CONFIRM_OPS),
  accountId: id,
  target: id.optional(),
  expires,
};

const schemas = {
  "req-accept": z.strictObject({ action: z.literal("req-accept"), accountId: id, requesterId: id }),
  "req-decline": z.strictObject({ action: z.literal("req-decline"), accountId: id, requesterId: id }),
  "conn-remove": z.strictObject({ action: z.literal("conn-remove"), accountId: id, friendId: id }),
  "st-add": z.strictObject({
    action: z.literal("st-add"),
    accountId: id,
    minutes: z.number().int().min(1).max(240),
  }),
  page: z.strictObject({
    action: z.literal("page"),
    kind,
    accountId: id,
    key: storeKey,
    dir: z.enum(["n", "p"]),
  }),
  confirm: z.strictObject({ action: z.literal("confirm"), ...confirmShape }),
  cancel: z.strictObject({ action: z.literal("cancel"), ...confirmShape }),
  noop: z.strictObject({ action: z.literal("noop"), tag }),
  // parent accounts (src/components/parent-buttons.ts): answer a child's consent request, and
  // the Confirm/Cancel of /parent unlink (parents are not in the child accounts confirm resolves)
  consent: z.strictObject({
    action: z.literal("consent"),
    parentId: id,
    childId: id,
    consentId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
    answer: z.enum(["a", "d"]),
  }),
  "par-unlink": z.strictObject({
    action: z.literal("par-unlink"),
    parentId: id,
    expires,
    go: z.enum(["y", "n"]),
  }),
} as const;

type Schemas = typeof schemas;
export type ActionName = keyof Schemas;
/** Every button action, discriminated by `action`. */
export type Action = { [K in ActionName]: z.infer<Schemas[K]> }[ActionName];
export type ActionOf<K extends ActionName> = Extract<Action, { action: K }>;

/** One positional argument of the wire format: how it is written and read back. */
interface Field {
  key: string;
  enc: (v: unknown) => string;
  dec: (s: string) => unknown;
}
const str = (key: string): Field => ({ key, enc: (v) => String(v), dec: (s) => s });
const opt = (key: string): Field => ({
  key,
  enc: (v) => (v === undefined ? "" : String(v)),
  dec: (s) => (s === "" ? undefined : s),
});
const int = (key: string): Field => ({
  key,
  enc: (v) => String(v),
  dec: (s) => (/^[1-9]\d{0,3}$/.test(s) ? Number(s) : s),
});
const b36 = (key: string): Field => ({
  key,
  enc: (v) => (typeof v === "number" ? v.toString(36) : String(v)),
  dec: (s) => (/^[0-9a-z]{1,8}$/.test(s) ? Number.parseInt(s, 36) : s),
});

const confirmFields = [str("op"), str("accountId"), opt("target"), b36("expires")];
const FIELDS: Record<ActionName, Field[]> = {
  "req-accept": [str("accountId"), str("requesterId")],
  "req-decline": [str("accountId"), str("requesterId")],
  "conn-remove": [str("accountId"), str("friendId")],
  "st-add": [str("accountId"), int("minutes")],
  page: [str("kind"), str("accountId"), str("key"), str("dir")],
  confirm: confirmFields,
  cancel: confirmFields,
  noop: [opt("tag")],
  consent: [str("parentId"), str("childId"), str("consentId"), str("answer")],
  "par-unlink": [str("parentId"), b36("expires"), str("go")],
};

function isActionName(s: string): s is ActionName {
  return Object.hasOwn(schemas, s);
}

/** Encodes an action as a custom id. Throws when the action is invalid or the id > 100 chars. */
export function encodeCustomId(action: Action): string {
  const name = action.action;
  if (!isActionName(name)) throw new TypeError(`encodeCustomId: unknown action ${String(name)}`);
  const parsed = schemas[name].safeParse(action);
  if (!parsed.success)
    throw new TypeError(`encodeCustomId: invalid ${name}: ${parsed.error.issues[0]?.message}`);
  const data = parsed.data as Record<string, unknown>;
  const args = FIELDS[name].map((f) => f.enc(data[f.key]));
  while (
    args.length > 0 &&
    args[args.length - 1] === "" &&
    FIELDS[name][args.length - 1]?.dec("") === undefined
  ) {
    args.pop();
  }
  const out = [name, CUSTOM_ID_VERSION, ...args].join(":");
  if (out.length > CUSTOM_ID_MAX)
    throw new RangeError(`encodeCustomId: ${out.length} > ${CUSTOM_ID_MAX} chars`);
  return out;
}

/** Decodes a custom id; null for anything unknown, malformed or of another version. Never throws. */
export function decodeCustomId(s: unknown): Action | null {
  try {
    if (typeof s !== "string" || s.length > CUSTOM_ID_MAX) return null;
    const [name, version, ...args] = s.split(":");
    if (name === undefined || version !== CUSTOM_ID_VERSION || !isActionName(name)) return null;
    const fields = FIELDS[name];
    if (args.length > fields.length) return null;
    const obj: Record<string, unknown> = { action: name };
    fields.forEach((f, i) => {
      const v = f.dec(args[i] ?? "");
      if (v !== undefined) obj[f.key] = v;
    });
    const parsed = schemas[name].safeParse(obj);
    return parsed.success ? (parsed.data as Action) : null;
  } catch {
    return null;
  }
}

/** True when a confirm/cancel action's expiry has passed (`now` in ms). */
export function isExpired(action: { expires: number }, now: number = Date.now()): boolean {
  return Math.floor(now / 1000) > action.expires;
}

// ---------------------------------------------------------------------------------------------
// Rows

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
}

/** "Confirm" (red) and "Cancel" for a destructive operation; both ids carry an expiry. */
export function confirmRow(
  op: ConfirmOp,
  accountId: string,
  target?: string,
  options: ConfirmOptions = {},
): ButtonRow {
  const now = options.now ?? Date.now();
  const exp = Math.floor(now / 1000) + (options.ttlSeconds ?? CONFIRM_TTL_SECONDS);
  const base = { op, accountId, expires: exp, ...(target === undefined ? {} : { target }) };
  return row(
    button(encodeCustomId({ action: "confirm", ...base }), "Confirm", ButtonStyle.Danger),
    button(encodeCustomId({ action: "cancel", ...base }), "Cancel", ButtonStyle.Secondary),
  );
}

/** Previous/Next; a null key gives a disabled button (with a unique noop id). */
export function pagerRow(
  kind: string,
  accountId: string,
  prevKey: string | null,
  nextKey: string | null,
): ButtonRow {
  const make = (key: string | null, dir: "n" | "p", label: string): ButtonBuilder =>
    key === null
      ? button(
          encodeCustomId({ action: "noop", tag: dir === "p" ? "prev" : "next" }),
          label,
          ButtonStyle.Secondary,
        ).setDisabled(true)
      : button(encodeCustomId({ action: "page", kind, accountId, key, dir }), label, ButtonStyle.Secondary);
  return row(make(prevKey, "p", "Previous"), make(nextKey, "n", "Next"));
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
export function parentUnlinkRow(parentId: string, options: ConfirmOptions = {}): ButtonRow {
  const now = options.now ?? Date.now();
  const expires = Math.floor(now / 1000) + (options.ttlSeconds ?? CONFIRM_TTL_SECONDS);
  return row(
    button(
      encodeCustomId({ action: "par-unlink", parentId, expires, go: "y" }),
      "Confirm",
      ButtonStyle.Danger,
    ),
    button(
      encodeCustomId({ action: "par-unlink", parentId, expires, go: "n" }),
      "Cancel",
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
