// A small fake Discord for end-to-end tests: the real discord.js client logs in to it (rest.api =
// apiUrl), and tests act as people in a server — run commands, click buttons, submit modals — then
// read what those people would see. Every request body is checked against Discord's OpenAPI
// description and documented limits; `violations()` lists what the real Discord would have refused.
import type { AddressInfo } from "node:net";
import { Bus } from "./bus.js";
import { CommandStore, type RegisteredCommand } from "./commands.js";
import { buildClick, buildModalSubmit, type ClickInput, type ModalInput } from "./components.js";
import type { Core } from "./core.js";
import { Gateway, type SessionInfo } from "./gateway.js";
import { InteractionHandle, type Tracked } from "./handle.js";
import type { Json, RecordedRequest } from "./http.js";
import { type Built, buildCommand, type CommandInput } from "./interactions.js";
import { type FakeMessage, MessageStore } from "./messages.js";
import { validateBody } from "./openapi.js";
import { restRoutes } from "./rest.js";
import { interactionRoutes } from "./rest-interactions.js";
import { commandRules } from "./rules.js";
import { createFakeServer } from "./server.js";
import { guildCreateJson } from "./state.js";
import { World, type WorldEvent } from "./world.js";

export type { CallbackRecord } from "./handle.js";
export type { RecordedRequest } from "./http.js";
export type { FakeAttachment, FakeComponent, FakeFile, FakeMessage } from "./messages.js";
export { visibleText } from "./messages.js";
export { validateBody, validateSchema } from "./openapi.js";
export type { FakeChannel, FakeGuild, FakeMember, FakeRole, FakeUser } from "./state.js";
export type {
  ClickInput,
  CommandInput,
  InteractionHandle,
  ModalInput,
  RegisteredCommand,
  SessionInfo,
  World,
};

export interface FakeDiscordOptions {
  /** Shards recommended by GET /gateway/bot (default 1). */
  shards?: number;
  /** HELLO's heartbeat_interval (default 5000 ms). */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this get 404 Unknown interaction, as on Discord (default 3000 ms). */
  ackDeadlineMs?: number;
  /** When set, other bot tokens are refused (REST 401, gateway 4004). */
  token?: string;
  /**
   * session_start_limit.max_concurrency of GET /gateway/bot (default 1, as for most bots): discord.js
   * then waits 5 s between the IDENTIFYs of shards in one process; raise it to connect them at once.
   */
  maxConcurrency?: number;
}

export interface FakeDiscord {
  /** Give this to discord.js as `rest.api` (DISCORD_API_URL): http://127.0.0.1:PORT/api */
  apiUrl: string;
  gatewayUrl: string;
  /** The application, its bot user, the default guild with its people, roles and channels. */
  world: World;
  requests: RecordedRequest[];
  /** Everything Discord would have refused, one line each ("METHOD path: problem", "GATEWAY: …"). */
  violations(): string[];
  clearRecords(): void;
  sessions(): SessionInfo[];
  waitForSessions(count: number, timeoutMs?: number): Promise<SessionInfo[]>;
  /** Closes every gateway socket (4000: the client resumes); `invalidate` forgets sessions too. */
  dropGateway(opts?: { code?: number; invalidate?: boolean }): void;
  setHeartbeatAcks(on: boolean): void;
  /** Changes how late a callback may come before 404 Unknown interaction (Discord: 3000 ms). */
  setAckDeadline(ms: number): void;
  commands(guildId?: string): RegisteredCommand[];
  /**
   * Registers commands as a bulk overwrite would (validated the same way as the PUT; throws and
   * records violations when Discord would refuse them).
   */
  registerCommands(bodies: Json[], guildId?: string): RegisteredCommand[];
  /** Like Server Settings → Integrations: lets a role or member see a command hidden by its permissions. */
  allowCommand(name: string, roleOrUserId: string, guildId?: string): void;
  runCommand(input: CommandInput): Promise<InteractionHandle>;
  autocomplete(input: CommandInput & { focused: string; value: string }): Promise<InteractionHandle>;
  clickButton(input: ClickInput): Promise<InteractionHandle>;
  selectMenu(input: ClickInput & { values: string[] }): Promise<InteractionHandle>;
  submitModal(input: ModalInput): Promise<InteractionHandle>;
  /** Messages of a channel (id or name) in posting order; ephemeral ones only when asked. */
  messages(channel: string, opts?: { ephemeral?: boolean }): FakeMessage[];
  message(id: string): FakeMessage | undefined;
  waitForMessage(
    channel: string,
    predicate?: (m: FakeMessage) => boolean,
    timeoutMs?: number,
  ): Promise<FakeMessage>;
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Waits until `check` returns a value other than undefined/false, re-checked on every change in the fake and every 25 ms. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}

function forward(gateway: Gateway, botId: string, e: WorldEvent): void {
  const g = e.guild;
  switch (e.t) {
    case "GUILD_CREATE":
      gateway.dispatchToGuild(g.id, e.t, guildCreateJson(g, botId));
      return;
    case "GUILD_DELETE":
      gateway.dispatchToGuild(g.id, e.t, { id: g.id });
      return;
    case "GUILD_ROLE_CREATE":
      gateway.dispatchToGuild(g.id, e.t, { guild_id: g.id, role: e.role });
      return;
    case "CHANNEL_CREATE":
    case "CHANNEL_UPDATE":
      gateway.dispatchToGuild(g.id, e.t, e.channel);
      return;
    case "GUILD_MEMBER_ADD":
    case "GUILD_MEMBER_UPDATE":
      gateway.dispatchToGuild(g.id, e.t, { ...e.member, guild_id: g.id });
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const bus = new Bus();
  const world = new World();
  const requests: RecordedRequest[] = [];
  const gatewayViolations: string[] = [];
  let base = "";
  const store = new MessageStore(
    () => base,
    () => bus.notify(),
  );
  const gateway = new Gateway(
    world,
    bus,
    { heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5000, token: options.token },
    (v) => gatewayViolations.push(v),
  );
  world.listener = (e) => forward(gateway, world.bot.id, e);
  const core: Core = {
    world,
    store,
    commands: new CommandStore(world.application.id),
    bus,
    gateway,
    interactions: new Map<string, Tracked>(),
    opts: {
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      ackDeadlineMs: options.ackDeadlineMs ?? 3000,
      token: options.token,
    },
    apiUrl: () => `${base}/api`,
    wsUrl: () => base.replace(/^http/, "ws"),
  };
  const server = createFakeServer(core, [...interactionRoutes, ...restRoutes], requests);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  gateway.url = core.wsUrl();

  const send = async (built: Built): Promise<InteractionHandle> => {
    await gateway.sessionFor(built.guild.id, 10_000);
    const p = built.payload;
    const t: Tracked = {
      id: String(p.id),
      token: String(p.token),
      type: built.type,
      payload: p,
      createdAt: Date.now(),
      guildId: built.guild.id,
      channelId: built.channel.id,
      user: built.member.user,
      label: built.label,
      callbacks: [],
      followUpIds: [],
      sourceMessageId: built.sourceMessageId,
      requests: [],
    };
    core.interactions.set(t.id, t);
    t.dispatchedAt = performance.now();
    gateway.dispatchToGuild(built.guild.id, "INTERACTION_CREATE", p);
    return new InteractionHandle(t, bus, store);
  };
  const channelId = (idOrName: string) => world.channel(idOrName).channel.id;

  return {
    apiUrl: core.apiUrl(),
    gatewayUrl: core.wsUrl(),
    world,
    requests,
    violations: () => [
      ...requests.flatMap((r) => r.violations.map((v) => `${r.method} ${r.path}: ${v}`)),
      ...gatewayViolations,
    ],
    clearRecords: () => {
      requests.length = 0;
      gatewayViolations.length = 0;
    },
    sessions: () => gateway.list(),
    waitForSessions: (count, timeoutMs = 10_000) =>
      bus.waitFor(
        () => {
          const ready = gateway.list().filter((s) => s.ready);
          return ready.length >= count ? ready : undefined;
        },
        timeoutMs,
        () => `${count} ready gateway sessions (have ${JSON.stringify(gateway.list())})`,
      ),
    dropGateway: (o = {}) => gateway.drop(o.code ?? 4000, o.invalidate ?? false),
    setHeartbeatAcks: (on) => gateway.setHeartbeatAcks(on),
    setAckDeadline: (ms) => {
      core.opts.ackDeadlineMs = ms;
    },
    commands: (guildId) => core.commands.list(guildId),
    registerCommands: (bodies, guildId) => {
      const app = world.application.id;
      const path = guildId
        ? `/applications/${app}/guilds/${guildId}/commands`
        : `/applications/${app}/commands`;
      const { template, problems } = validateBody("PUT", path, bodies, false);
      const violations = [...problems, ...commandRules(bodies)].map((v) => `${v} (registerCommands)`);
      const status = violations.length ? 400 : 200;
      const rec = {
        method: "PUT",
        path,
        route: template,
        query: {},
        body: bodies,
        files: [],
        multipart: false,
      };
      requests.push({ ...rec, violations, status, at: Date.now() });
      if (violations.length)
        throw new Error(`fake-discord: Discord would refuse these commands:\n${violations.join("\n")}`);
      return core.commands.overwrite(bodies, guildId);
    },
    allowCommand: (name, id, guildId) => core.commands.allow(guildId ?? world.defaultGuild.id, name, id),
    runCommand: async (input) => send(buildCommand(core, input)),
    autocomplete: async (input) =>
      send(buildCommand(core, input, { name: input.focused, value: input.value })),
    clickButton: async (input) => send(buildClick(core, input)),
    selectMenu: async (input) => send(buildClick(core, input)),
    submitModal: async (input) => send(buildModalSubmit(core, input)),
    messages: (channel, o = {}) => store.list(channelId(channel), o),
    message: (id) => store.get(id),
    waitForMessage: (channel, predicate = () => true, timeoutMs = 5000) =>
      bus.waitFor(
        () => store.list(channelId(channel)).find(predicate),
        timeoutMs,
        () => `a message in ${channel} (have ${store.list(channelId(channel)).length})`,
      ),
    waitFor: <T>(check: () => T | undefined | false, timeoutMs = 5000, what = "a condition") =>
      bus.waitFor(
        () => {
          const v = check();
          return v === false ? undefined : v;
        },
        timeoutMs,
        () => what,
      ) as Promise<T>,
    waitForRequest: (predicate, timeoutMs = 5000) =>
      bus.waitFor(
        () => requests.find(predicate),
        timeoutMs,
        () => "a matching REST request",
      ),
    close: async () => {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
