/**
 * The button custom-id codec: `<action>:<version>:<args>` (≤ 100 chars, Discord's limit), each
 * action's arguments checked by a zod schema on the way out and on the way back. Ids carry
 * everything a handler needs, so buttons keep working after a restart; an id of another version,
 * or one that does not parse, decodes to null (the router then answers "no longer supported").
 * Pure: no I/O, no discord.js. The button rows built from these ids are in buttons.ts.
 */
import { z } from "zod";

export const CUSTOM_ID_MAX = 100;
export const CUSTOM_ID_VERSION = "v1";

export const CONFIRM_OPS = ["unlink", "remove", "decline-all"] as const;
export type ConfirmOp = (typeof CONFIRM_OPS)[number];

/** List kinds in use; the codec accepts any short lowercase word so new lists need no change. */
export const LIST_KINDS = ["friends", "requests", "online", "inactive", "search", "groups"] as const;

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
