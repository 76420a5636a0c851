// Clicking a button, picking from a select menu, submitting a modal — only what is on screen.
import type { Core } from "./core.js";
import type { Tracked } from "./handle.js";
import type { Json } from "./http.js";
import { type Built, basePayload } from "./interactions.js";
import { type FakeMessage, messageJson } from "./messages.js";
import type { UserRef } from "./world.js";

const err = (m: string) => new Error(`fake-discord: ${m}`);

export interface ClickInput {
  /** The message (or its id) the component is on; its current state is used. */
  message: FakeMessage | string;
  customId: string;
  user?: UserRef;
  /** For a string select menu: the option values picked. */
  values?: string[];
  /** The clicking member's Discord locale; "en-US" by default. */
  locale?: string;
}

export interface ModalInput {
  customId: string;
  /** Text typed per field custom_id (string selects inside labels take string[]). */
  fields: Record<string, string | string[]>;
  user?: UserRef;
  /** The interaction that showed the modal; the latest one with this custom_id otherwise. */
  from?: { id: string };
}

function findComponent(components: Json[], customId: string): Json | undefined {
  for (const c of components) {
    if (c.custom_id === customId) return c;
    const inner = [
      ...((c.components as Json[] | undefined) ?? []),
      ...(c.component ? [c.component as Json] : []),
      ...(c.accessory ? [c.accessory as Json] : []),
    ];
    const found = findComponent(inner, customId);
    if (found) return found;
  }
  return undefined;
}

export function buildClick(core: Core, input: ClickInput): Built {
  const id = typeof input.message === "string" ? input.message : input.message.id;
  const m = core.store.get(id);
  if (!m || m.deleted) throw err(`message ${id} is not on screen (unknown or deleted)`);
  const c = findComponent(m.components, input.customId);
  if (!c) throw err(`message ${id} has no component with custom_id "${input.customId}"`);
  if (c.disabled === true)
    throw err(`"${String(c.label ?? input.customId)}" is disabled; nobody can click it`);
  const found = core.world.findChannel(m.channel_id);
  if (!found) throw err(`message ${id} is in an unknown channel`);
  const { guild, channel } = found;
  const member = core.world.resolveMember(input.user, guild);
  let data: Json;
  if (c.type === 2) {
    if (input.values) throw err(`"${input.customId}" is a button, not a select menu`);
    data = { custom_id: input.customId, component_type: 2 };
  } else if (c.type === 3) {
    const values = input.values ?? [];
    const offered = ((c.options as Json[] | undefined) ?? []).map((o) => o.value);
    const bad = values.filter((v) => !offered.includes(v));
    if (bad.length) throw err(`select "${input.customId}" offers no ${bad.join(", ")}`);
    const min = Number(c.min_values ?? 1);
    const max = Number(c.max_values ?? 1);
    if (values.length < min || values.length > max)
      throw err(`select "${input.customId}" takes ${min}-${max} values`);
    data = { custom_id: input.customId, component_type: 3, values };
  } else {
    throw err(`component type ${String(c.type)} cannot be clicked by the fake`);
  }
  const payload = basePayload(core, 3, data, guild, channel, member, input.locale);
  payload.message = messageJson(m);
  const label = `click "${String(c.label ?? input.customId)}" (${input.customId})`;
  return { payload, type: 3, guild, channel, member, label, sourceMessageId: m.id };
}

/** The newest interaction that showed this modal (callback 9), as Discord remembers it for the submit. */
function shownModal(core: Core, input: ModalInput): Tracked {
  const all = [...core.interactions.values()].reverse();
  const src = all.find(
    (t) =>
      t.response?.type === 9 &&
      t.response.data?.custom_id === input.customId &&
      (!input.from || input.from.id === t.id),
  );
  if (!src) throw err(`no modal with custom_id "${input.customId}" was shown`);
  return src;
}

export function buildModalSubmit(core: Core, input: ModalInput): Built {
  const src = shownModal(core, input);
  const modal = src.response!.data!;
  const guild = core.world.guild(src.guildId);
  const channel = core.world.channel(src.channelId, guild.id).channel;
  const member = core.world.resolveMember(input.user ?? src.user.id, guild);
  const left = new Set(Object.keys(input.fields));
  let next = 1;
  const idOf = (c: Json) => {
    const id = typeof c.id === "number" ? c.id : next;
    next = Math.max(next, id) + 1;
    return id;
  };
  const answer = (c: Json): Json => {
    const id = idOf(c);
    const customId = String(c.custom_id);
    const typed = input.fields[customId];
    left.delete(customId);
    if (c.type === 4) {
      const value = typeof typed === "string" ? typed : "";
      const len = [...value].length;
      if (c.required !== false && len === 0) throw err(`modal field "${customId}" is required`);
      const min = Number(c.min_length ?? 0);
      const max = Number(c.max_length ?? 4000);
      if (len > 0 && (len < min || len > max))
        throw err(`modal field "${customId}" takes ${min}-${max} characters`);
      return { type: 4, id, custom_id: customId, value };
    }
    if (c.type === 3) {
      const values = typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
      return { type: 3, id, custom_id: customId, values };
    }
    throw err(`modal component type ${String(c.type)} is not supported by the fake`);
  };
  const components = ((modal.components as Json[] | undefined) ?? []).map((top): Json => {
    const id = idOf(top);
    if (top.type === 1) return { type: 1, id, components: ((top.components as Json[]) ?? []).map(answer) };
    if (top.type === 18) return { type: 18, id, component: answer(top.component as Json) };
    return { type: top.type, id };
  });
  if (left.size) throw err(`modal "${input.customId}" has no field ${[...left].join(", ")}`);
  const payload = basePayload(core, 5, { custom_id: input.customId, components }, guild, channel, member);
  const source = src.sourceMessageId ? core.store.get(src.sourceMessageId) : undefined;
  if (source) payload.message = messageJson(source);
  const label = `modal "${input.customId}" submit`;
  return { payload, type: 5, guild, channel, member, label, sourceMessageId: source?.id };
}
