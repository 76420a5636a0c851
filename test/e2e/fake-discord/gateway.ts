// The WebSocket gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { Bus } from "./bus.js";
import { shardOf, snowflake } from "./ids.js";
import { guildCreateJson } from "./state.js";
import type { World } from "./world.js";

type Json = Record<string, unknown>;

export interface SessionInfo {
  sessionId: string;
  shard: [number, number];
  intents: number;
  connected: boolean;
  ready: boolean;
  resumes: number;
  /** Heartbeats (op 1) received. */
  heartbeats: number;
  /** The client closed with 1000/1001: Discord ends such a session; it cannot be resumed. */
  ended: boolean;
  seq: number;
}

interface Session extends SessionInfo {
  token: string;
  socket?: WebSocket;
  sent: Array<{ s: number; raw: string }>;
}

/** Which intent a dispatch needs (events not listed are always sent). */
const INTENT: Record<string, number> = {
  GUILD_CREATE: 1,
  GUILD_DELETE: 1,
  GUILD_ROLE_CREATE: 1,
  CHANNEL_CREATE: 1,
  CHANNEL_UPDATE: 1,
  GUILD_MEMBER_ADD: 2,
  GUILD_MEMBER_UPDATE: 2,
};

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** When set, IDENTIFY with another token is closed with 4004. */
  token?: string;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private acking = true;
  identifies = 0;
  url = "";

  constructor(
    private readonly world: World,
    private readonly bus: Bus,
    private readonly opts: GatewayOptions,
    private readonly violation: (message: string) => void,
  ) {
    this.wss.on("connection", (ws, req) => this.onConnection(ws, req));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit("connection", ws, req));
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()].map(({ token: _t, socket: _s, sent: _x, ...info }) => ({ ...info }));
  }

  /** While false, heartbeats get no ACK (the client should call the connection a zombie and resume). */
  setHeartbeatAcks(on: boolean): void {
    this.acking = on;
  }

  /** Closes every socket (code 4000 lets the client resume); `invalidate` also forgets the sessions. */
  drop(code = 4000, invalidate = false): void {
    for (const s of this.sessions.values()) {
      s.socket?.close(code, "fake-discord: dropped");
      s.socket = undefined;
      s.connected = false;
      s.ready = false;
    }
    if (invalidate) this.sessions.clear();
    this.bus.notify();
  }

  /** The ready session whose shard the guild belongs to, waiting for one to connect. */
  sessionFor(guildId: string, timeoutMs: number): Promise<SessionInfo> {
    return this.bus.waitFor(
      () => this.find(guildId, true),
      timeoutMs,
      () =>
        `a ready gateway session for the shard of guild ${guildId} (sessions: ${JSON.stringify(this.list())})`,
    );
  }

  /** Sends a dispatch to the guild's shard; kept for replay when that shard is disconnected. */
  dispatchToGuild(guildId: string, t: string, d: unknown): boolean {
    const s = this.find(guildId, false);
    if (!s) return false;
    this.dispatch(s, t, d);
    return true;
  }

  close(): Promise<void> {
    this.drop(1001);
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private find(guildId: string, ready: boolean): Session | undefined {
    const mine = [...this.sessions.values()].filter((s) => shardOf(guildId, s.shard[1]) === s.shard[0]);
    const live = mine.find((s) => s.ready);
    return ready ? live : (live ?? mine.filter((s) => !s.ended).at(-1));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? "/", "ws://fake").searchParams;
    if (query.get("v") !== "10") this.violation(`GATEWAY: connected with v=${query.get("v")}, expected 10`);
    if (query.get("encoding") !== "json") {
      this.violation(`GATEWAY: encoding=${query.get("encoding")}; the fake speaks json only`);
      ws.close(4002, "Decode error");
      return;
    }
    if (query.has("compress")) {
      this.violation(
        `GATEWAY: compress=${query.get("compress")} requested; the fake sends uncompressed frames`,
      );
      ws.close(4000, "compression not supported by the fake");
      return;
    }
    let session: Session | undefined;
    const send = (payload: Json) => ws.send(JSON.stringify(payload));
    send({
      op: 10,
      d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ["fake-discord"] },
      s: null,
      t: null,
    });
    ws.on("message", (raw, isBinary) => {
      if (isBinary) {
        this.violation("GATEWAY: binary frame received (etf or compressed payload)");
        return;
      }
      let msg: Json;
      try {
        msg = JSON.parse(raw.toString()) as Json;
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      const d = msg.d as Json;
      switch (msg.op) {
        case 1:
          if (session) session.heartbeats++;
          if (this.acking) send({ op: 11, d: null, s: null, t: null });
          return;
        case 2:
          if (session) {
            ws.close(4005, "Already authenticated");
            return;
          }
          session = this.identify(ws, d);
          return;
        case 6:
          session = this.resume(ws, d);
          return;
        case 3: // presence update
        case 4: // voice state update
        case 8: // request guild members
          if (!session) ws.close(4003, "Not authenticated");
          else if (msg.op === 8) this.membersChunk(session, d);
          return;
        default:
          this.violation(`GATEWAY: unknown opcode ${String(msg.op)}`);
          ws.close(4001, "Unknown opcode");
      }
    });
    ws.on("close", (code) => {
      if (session && session.socket === ws) {
        session.socket = undefined;
        session.connected = false;
        session.ready = false;
        session.ended = code === 1000 || code === 1001;
        this.bus.notify();
      }
    });
  }

  private identify(ws: WebSocket, d: Json | undefined): Session | undefined {
    const token = typeof d?.token === "string" ? d.token : "";
    const shard = Array.isArray(d?.shard) ? (d.shard as number[]) : [0, 1];
    const [id = 0, count = 1] = shard;
    const props = d?.properties as Json | undefined;
    if (!token || typeof d?.intents !== "number" || !props?.os || !props.browser || !props.device) {
      this.violation(
        `GATEWAY: IDENTIFY lacks token, intents or properties: ${JSON.stringify({ ...d, token: "…" })}`,
      );
    }
    if (this.opts.token !== undefined && token !== this.opts.token) {
      ws.close(4004, "Authentication failed");
      return undefined;
    }
    if (!(id >= 0 && id < count)) {
      ws.close(4010, "Invalid shard");
      return undefined;
    }
    this.identifies++;
    const s: Session = {
      sessionId: snowflake(),
      shard: [id, count],
      intents: typeof d?.intents === "number" ? d.intents : 0,
      connected: true,
      ready: false,
      resumes: 0,
      heartbeats: 0,
      ended: false,
      seq: 0,
      token,
      socket: ws,
      sent: [],
    };
    this.sessions.set(s.sessionId, s);
    const guilds = [...this.world.guilds.values()].filter((g) => shardOf(g.id, count) === id);
    this.dispatch(s, "READY", {
      v: 10,
      user_settings: {},
      user: { ...this.world.bot, verified: true, mfa_enabled: false, email: null },
      session_type: "normal",
      session_id: s.sessionId,
      resume_gateway_url: this.url,
      relationships: [],
      private_channels: [],
      presences: [],
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      guild_join_requests: [],
      geo_ordered_rtc_regions: ["fake"],
      application: { id: this.world.application.id, flags: this.world.application.flags },
      shard: [id, count],
      _trace: ["fake-discord"],
    });
    for (const g of guilds) this.dispatch(s, "GUILD_CREATE", guildCreateJson(g, this.world.bot.id));
    s.ready = true;
    this.bus.notify();
    return s;
  }

  private resume(ws: WebSocket, d: Json | undefined): Session | undefined {
    const s = this.sessions.get(String(d?.session_id));
    if (!s || s.ended || s.token !== d?.token) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return undefined;
    }
    s.socket?.close(4000, "resumed elsewhere");
    s.socket = ws;
    s.connected = true;
    s.resumes++;
    const after = typeof d?.seq === "number" ? d.seq : 0;
    for (const p of s.sent) if (p.s > after) ws.send(p.raw);
    this.dispatch(s, "RESUMED", { _trace: ["fake-discord"] });
    s.ready = true;
    this.bus.notify();
    return s;
  }

  private membersChunk(s: Session, d: Json | undefined): void {
    const g = this.world.guilds.get(String(d?.guild_id));
    if (!g) return;
    const ids = Array.isArray(d?.user_ids) ? (d.user_ids as string[]) : undefined;
    const members = g.members.filter((m) => !ids || ids.includes(m.user.id));
    this.dispatch(s, "GUILD_MEMBERS_CHUNK", {
      guild_id: g.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: ids ? ids.filter((id) => !members.some((m) => m.user.id === id)) : [],
      ...(d?.nonce ? { nonce: d.nonce } : {}),
    });
  }

  private dispatch(s: Session, t: string, d: unknown): void {
    const intent = INTENT[t];
    if (intent !== undefined && (s.intents & intent) === 0) return;
    s.seq++;
    const raw = JSON.stringify({ op: 0, t, s: s.seq, d });
    s.sent.push({ s: s.seq, raw });
    if (s.sent.length > 1000) s.sent.shift();
    if (s.socket && s.socket.readyState === s.socket.OPEN) s.socket.send(raw);
  }
}
