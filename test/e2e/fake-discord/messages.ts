// Messages as Discord stores and returns them (MessageResponse), built from request bodies.
import type { APIEmbed } from "discord.js";
import { snowflake } from "./ids.js";
import type { FakeUser } from "./state.js";

type Json = Record<string, unknown>;

export interface FakeFile {
  /** The multipart field, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** A component as stored on a message (Discord's JSON, every component numbered with an `id`). */
export interface FakeComponent {
  type: number;
  id?: number;
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  disabled?: boolean;
  content?: string;
  options?: Array<{ label: string; value: string; description?: string }>;
  components?: FakeComponent[];
  component?: FakeComponent;
  accessory?: FakeComponent;
  [key: string]: unknown;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  width?: number;
  height?: number;
  description?: string;
  ephemeral?: boolean;
}

/** A message in Discord's JSON shape, plus what a person would also see: the attached files. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  type: number;
  content: string;
  embeds: APIEmbed[];
  components: FakeComponent[];
  attachments: FakeAttachment[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  author: FakeUser;
  [key: string]: unknown;
  /** Bytes of each attachment, by attachment id (not part of Discord's JSON). */
  files: Record<string, FakeFile>;
  /** Flag 64: only the member who used the interaction sees it. */
  ephemeral: boolean;
  deleted: boolean;
  /** Number of edits applied after creation. */
  edits: number;
}

export const Flags = { Ephemeral: 64, Loading: 128, SuppressEmbeds: 4, IsComponentsV2: 1 << 15 } as const;

export interface CreateMeta {
  author: FakeUser;
  type?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: Json;
  loading?: boolean;
}

export class MessageStore {
  private readonly all = new Map<string, FakeMessage>();
  private readonly order: string[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly changed: () => void,
  ) {}

  create(channelId: string, body: Json, uploads: FakeFile[], meta: CreateMeta): FakeMessage {
    const flags = typeof body.flags === "number" ? body.flags : 0;
    const msg: FakeMessage = {
      id: snowflake(),
      channel_id: channelId,
      type: meta.type ?? 0,
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      flags:
        (flags & (Flags.Ephemeral | Flags.SuppressEmbeds | Flags.IsComponentsV2 | 4096)) |
        (meta.loading ? 128 : 0),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      author: meta.author,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      ...(meta.webhookId ? { webhook_id: meta.webhookId } : {}),
      ...(meta.applicationId ? { application_id: meta.applicationId } : {}),
      ...(meta.interactionMetadata ? { interaction_metadata: meta.interactionMetadata } : {}),
      files: {},
      ephemeral: (flags & Flags.Ephemeral) !== 0,
      deleted: false,
      edits: 0,
    };
    this.apply(msg, { ...body, flags: undefined }, uploads);
    this.all.set(msg.id, msg);
    this.order.push(msg.id);
    this.changed();
    return msg;
  }

  edit(msg: FakeMessage, body: Json, uploads: FakeFile[]): FakeMessage {
    this.apply(msg, body, uploads);
    msg.flags &= ~Flags.Loading;
    msg.edited_timestamp = new Date().toISOString();
    msg.edits++;
    this.changed();
    return msg;
  }

  remove(msg: FakeMessage): void {
    msg.deleted = true;
    this.changed();
  }

  get(id: string): FakeMessage | undefined {
    return this.all.get(id);
  }

  /** Messages of a channel in posting order; ephemeral ones only when asked (a given member sees those). */
  list(channelId: string, opts: { ephemeral?: boolean; deleted?: boolean } = {}): FakeMessage[] {
    return this.order
      .map((id) => this.all.get(id)!)
      .filter(
        (m) => m.channel_id === channelId && (opts.deleted || !m.deleted) && (opts.ephemeral || !m.ephemeral),
      );
  }

  file(channelId: string, attachmentId: string): FakeFile | undefined {
    for (const m of this.all.values()) {
      if (m.channel_id === channelId && m.files[attachmentId]) return m.files[attachmentId];
    }
    return undefined;
  }

  private apply(msg: FakeMessage, body: Json, uploads: FakeFile[]): void {
    if ("content" in body) msg.content = typeof body.content === "string" ? body.content : "";
    if ("components" in body) {
      msg.components = numberComponents((body.components as Json[] | null) ?? []) as FakeComponent[];
    }
    if (typeof body.flags === "number") {
      const mutable = Flags.SuppressEmbeds;
      msg.flags = (msg.flags & ~mutable) | (body.flags & mutable);
    }
    if ("attachments" in body || uploads.length > 0) this.applyAttachments(msg, body, uploads);
    if ("embeds" in body) msg.embeds = ((body.embeds as Json[] | null) ?? []).map((e) => this.embed(msg, e));
  }

  /** `attachments` keeps existing ids and names new uploads by index ("0" is files[0]). */
  private applyAttachments(msg: FakeMessage, body: Json, uploads: FakeFile[]): void {
    const listed = Array.isArray(body.attachments) ? (body.attachments as Json[]) : undefined;
    const kept = listed
      ? msg.attachments.filter((a) => listed.some((l) => String(l.id) === a.id))
      : [...msg.attachments];
    const fresh = uploads.map((file): FakeAttachment => {
      const index = /\[(\d+)\]$/.exec(file.field)?.[1] ?? file.field;
      const meta = listed?.find((l) => String(l.id) === index) ?? {};
      const id = snowflake();
      const filename = typeof meta.filename === "string" ? meta.filename : file.filename;
      msg.files[id] = { ...file, filename };
      const url = `${this.baseUrl()}/attachments/${msg.channel_id}/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        size: file.data.length,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...pngSize(file.data),
        ...(typeof meta.description === "string" ? { description: meta.description } : {}),
        ...(msg.ephemeral ? { ephemeral: true } : {}),
      };
    });
    msg.attachments = [...kept, ...fresh];
    for (const id of Object.keys(msg.files)) {
      if (!msg.attachments.some((a) => a.id === id)) delete msg.files[id];
    }
  }

  private embed(msg: FakeMessage, e: Json): APIEmbed {
    const out: Json = { type: "rich" };
    for (const [k, v] of Object.entries(e)) if (v !== null && v !== undefined) out[k] = v;
    for (const key of ["image", "thumbnail"]) {
      const media = out[key] as Json | undefined;
      const url = typeof media?.url === "string" ? media.url : "";
      if (url.startsWith("attachment://")) {
        const att = msg.attachments.find((a) => a.filename === url.slice("attachment://".length));
        if (att)
          out[key] = { ...media, url: att.url, proxy_url: att.url, width: att.width, height: att.height };
      }
    }
    return out as APIEmbed;
  }
}

function pngSize(data: Buffer): { width?: number; height?: number } {
  const isPng = data.length >= 24 && data.subarray(1, 4).toString("latin1") === "PNG";
  return isPng ? { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } : {};
}

/** Discord numbers every component of a message (id 1, 2, …) when the sender gave none. */
function numberComponents(components: Json[]): Json[] {
  let next = 1;
  const walk = (c: Json): Json => {
    const out: Json = {};
    for (const [k, v] of Object.entries(c)) if (v !== null && v !== undefined) out[k] = v;
    out.id ??= next;
    next = Math.max(next, Number(out.id)) + 1;
    if (Array.isArray(c.components)) out.components = (c.components as Json[]).map(walk);
    if (c.component && typeof c.component === "object") out.component = walk(c.component as Json);
    if (c.accessory && typeof c.accessory === "object") out.accessory = walk(c.accessory as Json);
    return out;
  };
  return components.map(walk);
}

/** Everything a person reads in a message: content, embed texts, button labels (one string). */
export function visibleText(m: FakeMessage): string {
  const parts: string[] = [m.content];
  for (const e of m.embeds) {
    const field = (x: unknown, k: string) => ((x as Json | undefined)?.[k] as string | undefined) ?? "";
    parts.push(field(e, "title"), field(e, "description"), field(e.author, "name"), field(e.footer, "text"));
    for (const f of (e.fields as Json[] | undefined) ?? []) parts.push(field(f, "name"), field(f, "value"));
  }
  const walk = (c: FakeComponent) => {
    for (const k of ["label", "content", "placeholder"]) {
      if (typeof c[k] === "string") parts.push(c[k] as string);
    }
    for (const child of c.components ?? []) walk(child);
    if (c.component) walk(c.component);
    if (c.accessory) walk(c.accessory);
  };
  for (const c of m.components) walk(c);
  return parts.filter(Boolean).join("\n");
}

/** The message as Discord's API returns it (no fake-only fields). */
export function messageJson(m: FakeMessage): Json {
  const { files: _f, ephemeral: _e, deleted: _d, edits: _n, ...json } = m;
  return json;
}
