// Interaction callbacks and the interaction webhook (@original, follow-ups), with Discord's rules:
// one callback per interaction, within 3 s, of a type that fits the interaction.
import { asJson, type Core, type Route, route } from "./core.js";
import type { CallbackRecord, Tracked } from "./handle.js";
import { fail, invalidForm, type Json, noContent, ok, type RecordedRequest } from "./http.js";
import { type FakeMessage, Flags, messageJson } from "./messages.js";
import { editProblems } from "./rest.js";
import { componentRules, messageRules } from "./rules.js";

/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9, 12], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

function interactionMetadata(t: Tracked): Json {
  const data = asJson(t.payload.data);
  return {
    id: t.id,
    type: t.type,
    user: t.user,
    authorizing_integration_owners: { "0": t.guildId },
    ...(t.type === 2 ? { name: data.name, command_type: 1 } : {}),
    ...(t.type === 3 && t.sourceMessageId ? { interacted_message_id: t.sourceMessageId } : {}),
  };
}

function createReply(c: Core, t: Tracked, body: Json, r: RecordedRequest, loading: boolean): FakeMessage {
  return c.store.create(t.channelId, body, r.files, {
    author: c.world.bot,
    type: t.type === 2 ? 20 : 0,
    webhookId: c.world.application.id,
    applicationId: c.world.application.id,
    interactionMetadata: interactionMetadata(t),
    loading,
  });
}

function source(c: Core, t: Tracked): FakeMessage {
  const m = t.sourceMessageId ? c.store.get(t.sourceMessageId) : undefined;
  return m ?? fail(404, 10008, "Unknown Message", `${t.label} has no message to update`);
}

async function callback(c: Core, r: RecordedRequest, [id, token]: string[]) {
  const t = c.interactions.get(id!);
  if (!t || t.token !== token)
    fail(404, 10062, "Unknown interaction", "callback for an interaction never sent");
  t!.requests.push(r);
  const body = asJson(r.body);
  const type = Number(body.type);
  const data = body.data && typeof body.data === "object" ? (body.data as Json) : undefined;
  const rec: CallbackRecord = {
    type,
    data,
    files: r.files,
    at: Date.now(),
    ...(r.arrivedAt === undefined ? {} : { arrivedAt: r.arrivedAt }),
    accepted: false,
    editsAtAck: 0,
  };
  t!.callbacks.push(rec);
  c.bus.notify();
  if (t!.response) {
    fail(
      400,
      40060,
      "Interaction has already been acknowledged.",
      `already acknowledged: second callback (${type}) to ${t!.label}`,
    );
  }
  const late = rec.at - t!.createdAt;
  if (late > c.opts.ackDeadlineMs) {
    fail(
      404,
      10062,
      "Unknown interaction",
      `callback ${late} ms after ${t!.label}; the deadline is ${c.opts.ackDeadlineMs} ms (3000 on Discord)`,
    );
  }
  const allowed = t!.type === 5 && !t!.sourceMessageId ? [4, 5] : (ALLOWED[t!.type] ?? []);
  if (!allowed.includes(type))
    invalidForm([`callback type ${type} does not answer interaction type ${t!.type}`]);
  let message: FakeMessage | undefined;
  switch (type) {
    case 4: {
      const problems = messageRules(data, r.files, { create: true });
      if (problems.length) invalidForm(problems);
      message = createReply(c, t!, data ?? {}, r, false);
      break;
    }
    case 5:
      message = createReply(c, t!, { flags: Number(data?.flags ?? 0) & Flags.Ephemeral }, r, true);
      break;
    case 6:
      message = source(c, t!);
      rec.editsAtAck = message.edits;
      break;
    case 7: {
      const target = source(c, t!);
      const problems = editProblems(target, data ?? {}, r);
      if (problems.length) invalidForm(problems);
      message = c.store.edit(target, data ?? {}, r.files);
      break;
    }
    case 9: {
      const problems = componentRules((data?.components as Json[] | undefined) ?? []);
      if (problems.length) invalidForm(problems);
      break;
    }
  }
  t!.originalId = message?.id;
  rec.accepted = true;
  t!.response = rec;
  c.bus.notify();
  if (r.query.with_response !== "true") return noContent();
  return ok({
    interaction: {
      id: t!.id,
      type: t!.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & Flags.Loading) !== 0,
            response_message_ephemeral: message.ephemeral,
          }
        : {}),
    },
    resource: { type, ...(message && type !== 6 ? { message: messageJson(message) } : {}) },
  });
}

/** The interaction behind a webhook token; follow-ups exist only after the first callback. */
function byToken(c: Core, r: RecordedRequest, app: string, token: string): Tracked {
  const t = [...c.interactions.values()].find((x) => x.token === token);
  if (!t || app !== c.world.application.id)
    fail(404, 10015, "Unknown Webhook", "webhook call with an unknown token");
  t!.requests.push(r);
  if (!t!.response)
    fail(404, 10015, "Unknown Webhook", `${r.method} ${r.path} before ${t!.label} was acknowledged`);
  return t!;
}

function target(c: Core, t: Tracked, r: RecordedRequest, id: string): FakeMessage {
  const msgId = id === "@original" ? t.originalId : id;
  const m = msgId ? c.store.get(msgId) : undefined;
  if (!m || m.deleted || (msgId !== t.originalId && !t.followUpIds.includes(msgId!))) {
    fail(404, 10008, "Unknown Message", `${r.method} ${r.path}: ${t.label} has no such message`);
  }
  return m!;
}

function edit(c: Core, r: RecordedRequest, [app, token, id]: string[]) {
  const t = byToken(c, r, app!, token!);
  const m = target(c, t, r, id!);
  const problems = editProblems(m, asJson(r.body), r);
  if (problems.length) invalidForm(problems);
  return ok(messageJson(c.store.edit(m, asJson(r.body), r.files)));
}

function followUp(c: Core, r: RecordedRequest, [app, token]: string[]) {
  const t = byToken(c, r, app!, token!);
  const body = asJson(r.body);
  const problems = messageRules(body, r.files, { create: true });
  if (problems.length) invalidForm(problems);
  const original = t.originalId ? c.store.get(t.originalId) : undefined;
  let m: FakeMessage;
  if (t.response?.type === 5 && original && original.flags & Flags.Loading) {
    // The first follow-up after a deferred reply replaces the "is thinking…" message.
    m = c.store.edit(original, body, r.files);
  } else {
    m = createReply(c, t, body, r, false);
    t.followUpIds.push(m.id);
    c.bus.notify();
  }
  return r.query.wait === "true" ? ok(messageJson(m)) : noContent();
}

export const interactionRoutes: Route[] = [
  route("POST", "/interactions/:id/:token/callback", callback, false),
  route("POST", "/webhooks/:app/:token", followUp, false),
  route(
    "GET",
    "/webhooks/:app/:token/messages/:id",
    (c, r, [app, token, id]) => {
      const t = byToken(c, r, app!, token!);
      return ok(messageJson(target(c, t, r, id!)));
    },
    false,
  ),
  route("PATCH", "/webhooks/:app/:token/messages/:id", edit, false),
  route(
    "DELETE",
    "/webhooks/:app/:token/messages/:id",
    (c, r, [app, token, id]) => {
      const t = byToken(c, r, app!, token!);
      c.store.remove(target(c, t, r, id!));
      return noContent();
    },
    false,
  ),
];
