// Limits Discord documents (and enforces with 400 "Invalid Form Body" / 50006 / 50035) that its
// OpenAPI description cannot express. Each rule names where Discord says so.
import type { FakeFile } from "./messages.js";
import { Flags } from "./messages.js";

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const arr = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const chars = (s: string) => [...s].length;

export interface MessageRuleOptions {
  /** A new message must show something (50006 "Cannot send an empty message"). */
  create: boolean;
  /** Attachment ids the message already has (edits may keep them). */
  existingAttachmentIds?: string[];
  sizeLimit?: number;
}

export function messageRules(
  body: Json | null | undefined,
  uploads: FakeFile[],
  opts: MessageRuleOptions,
): string[] {
  const out: string[] = [];
  if (!body) return opts.create && uploads.length === 0 ? ["Cannot send an empty message (50006)"] : out;
  const content = str(body.content);
  // docs: "content — message contents (up to 2000 characters)"; the description allows 4000 on
  // channel messages, which only Nitro users get.
  if (chars(content) > 2000) out.push(`content has ${chars(content)} characters; Discord allows 2000`);
  const embeds = arr(body.embeds);
  // docs "Embed Limits": the characters of all title, description, field.name, field.value,
  // footer.text and author.name fields across all embeds must not exceed 6000.
  let total = 0;
  for (const e of embeds) {
    total += chars(str(e.title)) + chars(str(e.description));
    total +=
      chars(str((e.footer as Json | undefined)?.text)) + chars(str((e.author as Json | undefined)?.name));
    for (const f of arr(e.fields)) total += chars(str(f.name)) + chars(str(f.value));
    for (const f of arr(e.fields)) {
      if (str(f.name).trim() === "" || str(f.value).trim() === "")
        out.push("an embed field has an empty name or value");
    }
  }
  if (total > 6000) out.push(`embeds hold ${total} characters in total; Discord allows 6000`);
  const components = arr(body.components);
  const flags = typeof body.flags === "number" ? body.flags : 0;
  if (flags & Flags.IsComponentsV2) {
    // docs "Using Message Components": with IS_COMPONENTS_V2, content and embeds cannot be used.
    if (content || embeds.length) out.push("IS_COMPONENTS_V2 messages cannot have content or embeds");
  } else {
    // docs: legacy messages hold up to 5 action rows and nothing else at the top level.
    if (components.length > 5) out.push(`${components.length} action rows; Discord allows 5`);
    for (const c of components) {
      if (c.type !== 1)
        out.push(`top-level component of type ${String(c.type)} needs the IS_COMPONENTS_V2 flag`);
    }
  }
  out.push(...componentRules(components));
  const existing = opts.existingAttachmentIds ?? [];
  for (const a of arr(body.attachments)) {
    const id = String(a.id);
    if (!existing.includes(id) && !uploads.some((f) => f.field === `files[${id}]`)) {
      out.push(`attachments lists id ${id}, but no file files[${id}] was uploaded`);
    }
  }
  const limit = opts.sizeLimit ?? 10 * 1024 * 1024;
  for (const f of uploads) {
    if (f.data.length > limit) out.push(`${f.filename} is ${f.data.length} bytes; the limit is ${limit}`);
  }
  if (uploads.length > 10) out.push(`${uploads.length} files; Discord allows 10`);
  const shows =
    content.trim() !== "" ||
    embeds.length > 0 ||
    components.length > 0 ||
    uploads.length > 0 ||
    arr(body.sticker_ids).length > 0 ||
    body.poll != null;
  if (opts.create && !shows) out.push("Cannot send an empty message (50006)");
  return out;
}

/** docs "Button": link buttons have a url and no custom_id, others a custom_id; custom ids are unique. */
export function componentRules(components: Json[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (c: Json) => {
    if (c.type === 2) {
      if (c.style === 5 && (!c.url || c.custom_id)) out.push("a link button needs a url and no custom_id");
      if (c.style === 6 && !c.sku_id) out.push("a premium button needs a sku_id");
      if (c.style !== 5 && c.style !== 6 && (!c.custom_id || c.url)) {
        out.push(`button "${str(c.label)}" needs a custom_id and no url`);
      }
      if (c.style !== 6 && !c.label && !c.emoji) out.push("a button needs a label or an emoji");
    }
    const id = str(c.custom_id);
    if (id) {
      if (seen.has(id)) out.push(`custom_id "${id}" is used twice in one message`);
      seen.add(id);
    }
    for (const child of arr(c.components)) walk(child);
    if (c.component) walk(c.component as Json);
    if (c.accessory) walk(c.accessory as Json);
  };
  for (const c of components) walk(c);
  return out;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** docs "Application Commands": naming, option order and shape rules the schema does not carry. */
export function commandRules(commands: Json[]): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  for (const cmd of commands) {
    const name = str(cmd.name);
    const type = typeof cmd.type === "number" ? cmd.type : 1;
    const key = `${type}:${name}`;
    if (names.has(key)) out.push(`two commands are named "${name}"`);
    names.add(key);
    if (type === 1) {
      out.push(...nameRules(`/${name}`, name));
      if (!str(cmd.description)) out.push(`/${name} needs a description (1-100 characters)`);
      out.push(...optionRules(`/${name}`, arr(cmd.options)));
    }
  }
  return out;
}

function nameRules(where: string, name: string): string[] {
  if (!NAME.test(name)) return [`${where}: name "${name}" does not match ${NAME}`];
  return name === name.toLowerCase() ? [] : [`${where}: name "${name}" must be lowercase`];
}

function optionRules(where: string, options: Json[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let optionalSeen = false;
  const nested = options.filter((o) => o.type === 1 || o.type === 2).length;
  if (nested && nested !== options.length) out.push(`${where}: subcommands cannot sit beside other options`);
  for (const o of options) {
    const name = str(o.name);
    const at = `${where} ${name}`;
    out.push(...nameRules(at, name));
    if (seen.has(name)) out.push(`${where}: option "${name}" appears twice`);
    seen.add(name);
    if (o.type === 1 || o.type === 2) {
      out.push(...optionRules(at, arr(o.options)));
      continue;
    }
    if (o.required === true && optionalSeen)
      out.push(`${at}: required options must come before optional ones`);
    if (o.required !== true) optionalSeen = true;
    if (o.autocomplete === true && arr(o.choices).length)
      out.push(`${at}: autocomplete and choices exclude each other`);
  }
  return out;
}
