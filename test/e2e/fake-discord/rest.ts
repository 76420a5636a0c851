// REST routes for the bot's own identity, commands, channels and guilds.
import { asJson, type Core, type Route, route } from "./core.js";
import { apiError, fail, invalidForm, type Json, noContent, ok, type RecordedRequest } from "./http.js";
import { Perm } from "./ids.js";
import { type FakeMessage, Flags, messageJson } from "./messages.js";
import { commandRules, messageRules } from "./rules.js";
import { channelPermissions, type FakeGuild, guildJson } from "./state.js";

function guildOf(c: Core, id: string): FakeGuild {
  return c.world.guilds.get(id) ?? fail(404, 10004, "Unknown Guild");
}

function channelOf(c: Core, id: string) {
  return c.world.findChannel(id) ?? fail(404, 10003, "Unknown Channel");
}

function checkApp(c: Core, appId: string): void {
  if (appId !== c.world.application.id) {
    fail(
      403,
      50001,
      "Missing Access",
      `application id ${appId} is not the bot's (${c.world.application.id})`,
    );
  }
}

function applicationJson(c: Core): Json {
  const { world } = c;
  return {
    id: world.application.id,
    name: world.application.name,
    icon: null,
    description: "",
    type: null,
    bot: world.bot,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: world.application.flags,
    flags_new: String(world.application.flags),
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    owner: world.people.admin.user,
    approximate_guild_count: world.guilds.size,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    team: null,
    eligible_oauth2_scopes: ["bot", "applications.commands"],
    integration_types_config: { "0": {} },
  };
}

/** What Discord checks before the bot may post: see the channel, send, and embed/attach when it does. */
function checkCanPost(c: Core, channelId: string, body: Json, files: number): void {
  const { guild, channel } = channelOf(c, channelId);
  const me = guild.members.find((m) => m.user.id === c.world.bot.id);
  const bits = me ? channelPermissions(guild, me, channel) : 0n;
  const need = Perm.ViewChannel | Perm.SendMessages;
  const embeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  if ((bits & need) !== need) fail(403, 50013, "Missing Permissions");
  if (embeds && !(bits & Perm.EmbedLinks)) fail(403, 50013, "Missing Permissions");
  if (files > 0 && !(bits & Perm.AttachFiles)) fail(403, 50013, "Missing Permissions");
  if (channel.type !== 0 && channel.type !== 5)
    fail(400, 50008, "Cannot send messages in a non-text channel");
}

/** Rules for an edit, judged on the message as it would look afterwards. */
export function editProblems(msg: FakeMessage, body: Json, req: RecordedRequest): string[] {
  const flags = typeof body.flags === "number" ? body.flags : msg.flags & Flags.IsComponentsV2;
  const out = messageRules({ ...body, flags }, req.files, {
    create: false,
    existingAttachmentIds: msg.attachments.map((a) => String(a.id)),
  });
  const len = (k: string, now: unknown[]) =>
    k in body && Array.isArray(body[k]) ? body[k].length : now.length;
  const content = "content" in body ? String(body.content ?? "") : msg.content;
  const attachments = Array.isArray(body.attachments) ? body.attachments.length : msg.attachments.length;
  const shows =
    content.trim() || len("embeds", msg.embeds) || len("components", msg.components) || attachments;
  if (!shows && !req.files.length) out.push("Cannot send an empty message (50006)");
  return out;
}

function channelMessage(c: Core, channelId: string, id: string): FakeMessage {
  const m = c.store.get(id);
  if (!m || m.deleted || m.channel_id !== channelId || m.ephemeral) fail(404, 10008, "Unknown Message");
  return m!;
}

const commandRoutes = (prefix: string, guild: boolean): Route[] => [
  route("GET", prefix, (c, _r, [app, g]) => {
    checkApp(c, app!);
    if (guild) guildOf(c, g!);
    return ok(c.commands.list(guild ? g : undefined));
  }),
  route("PUT", prefix, (c, r, [app, g]) => {
    checkApp(c, app!);
    if (guild) guildOf(c, g!);
    const bodies = Array.isArray(r.body) ? (r.body as Json[]) : [];
    const problems = commandRules(bodies);
    if (problems.length) invalidForm(problems);
    return ok(c.commands.overwrite(bodies, guild ? g : undefined));
  }),
  route("POST", prefix, (c, r, [app, g]) => {
    checkApp(c, app!);
    if (guild) guildOf(c, g!);
    const problems = commandRules([asJson(r.body)]);
    if (problems.length) invalidForm(problems);
    const { command, created } = c.commands.upsert(asJson(r.body), guild ? g : undefined);
    return { status: created ? 201 : 200, body: command };
  }),
  route("DELETE", `${prefix}/:id`, (c, _r, [app, g, id]) => {
    checkApp(c, app!);
    const gone = c.commands.remove(guild ? id! : g!, guild ? g : undefined);
    return gone ? noContent() : apiError(404, 10063, "Unknown application command");
  }),
];

export const restRoutes: Route[] = [
  route("GET", "/gateway/bot", (c) =>
    ok({
      url: c.wsUrl(),
      shards: c.opts.shards,
      session_start_limit: {
        total: 1000,
        remaining: 1000 - c.gateway.identifies,
        reset_after: 0,
        max_concurrency: c.opts.maxConcurrency,
      },
    }),
  ),
  route("GET", "/gateway", (c) => ok({ url: c.wsUrl() }), false),
  route("GET", "/users/@me", (c) => ok(c.world.bot)),
  route("GET", "/applications/@me", (c) => ok(applicationJson(c))),
  route("GET", "/oauth2/applications/@me", (c) => ok(applicationJson(c))),
  route("DELETE", "/users/@me/guilds/:guild", (c, _r, [g]) => {
    guildOf(c, g!);
    c.world.removeGuild(g!);
    return noContent();
  }),
  route("GET", "/users/:id", (c, _r, [id]) => {
    for (const g of c.world.guilds.values()) {
      const m = g.members.find((x) => x.user.id === id);
      if (m) return ok(m.user);
    }
    return apiError(404, 10013, "Unknown User");
  }),
  ...commandRoutes("/applications/:app/commands", false),
  ...commandRoutes("/applications/:app/guilds/:guild/commands", true),
  route("GET", "/channels/:id", (c, _r, [id]) => ok(channelOf(c, id!).channel)),
  route("GET", "/channels/:id/messages", (c, r, [id]) => {
    channelOf(c, id!);
    const limit = Math.min(Number(r.query.limit ?? 50) || 50, 100);
    return ok(c.store.list(id!).reverse().slice(0, limit).map(messageJson));
  }),
  route("POST", "/channels/:id/messages", (c, r, [id]) => {
    const body = asJson(r.body);
    checkCanPost(c, id!, body, r.files.length);
    const problems = messageRules(body, r.files, { create: true });
    if (problems.length) invalidForm(problems);
    const type = body.message_reference ? 19 : 0;
    return ok(messageJson(c.store.create(id!, body, r.files, { author: c.world.bot, type })));
  }),
  route("GET", "/channels/:id/messages/:mid", (c, _r, [id, mid]) =>
    ok(messageJson(channelMessage(c, id!, mid!))),
  ),
  route("PATCH", "/channels/:id/messages/:mid", (c, r, [id, mid]) => {
    const m = channelMessage(c, id!, mid!);
    if (m.author.id !== c.world.bot.id)
      fail(403, 50005, "Cannot edit a message authored by another user", "edit of another user's message");
    const problems = editProblems(m, asJson(r.body), r);
    if (problems.length) invalidForm(problems);
    return ok(messageJson(c.store.edit(m, asJson(r.body), r.files)));
  }),
  route("DELETE", "/channels/:id/messages/:mid", (c, _r, [id, mid]) => {
    c.store.remove(channelMessage(c, id!, mid!));
    return noContent();
  }),
  route("GET", "/guilds/:id", (c, r, [id]) => {
    const g = guildOf(c, id!);
    const counts =
      r.query.with_counts === "true"
        ? { approximate_member_count: g.members.length, approximate_presence_count: 0 }
        : {};
    return ok({ ...guildJson(g), ...counts });
  }),
  route("GET", "/guilds/:id/channels", (c, _r, [id]) => ok(guildOf(c, id!).channels)),
  route("GET", "/guilds/:id/roles", (c, _r, [id]) => ok(guildOf(c, id!).roles)),
  route("GET", "/guilds/:id/members", (c, r, [id]) => {
    const limit = Math.min(Number(r.query.limit ?? 1) || 1, 1000);
    return ok(guildOf(c, id!).members.slice(0, limit));
  }),
  route("GET", "/guilds/:id/members/:uid", (c, _r, [id, uid]) => {
    const m = guildOf(c, id!).members.find((x) => x.user.id === uid);
    return m ? ok(m) : apiError(404, 10007, "Unknown Member");
  }),
];
