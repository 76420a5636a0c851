// What a person sees of one interaction: the first response, the reply as it ends up, follow-ups.
import type { Bus } from "./bus.js";
import type { Json, RecordedRequest } from "./http.js";
import { type FakeFile, type FakeMessage, Flags, type MessageStore } from "./messages.js";
import type { FakeUser } from "./state.js";

export interface CallbackRecord {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data?: Json;
  files: FakeFile[];
  at: number;
  /** performance.now() when the callback request reached the fake (before it was checked). */
  arrivedAt?: number;
  accepted: boolean;
  /** Edits the target message had when the callback came (for 6, "final" means edited after it). */
  editsAtAck: number;
}

export interface Tracked {
  id: string;
  token: string;
  /** 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: Json;
  createdAt: number;
  /** performance.now() just before INTERACTION_CREATE was written to the bot's gateway socket. */
  dispatchedAt?: number;
  guildId: string;
  channelId: string;
  user: FakeUser;
  label: string;
  callbacks: CallbackRecord[];
  response?: CallbackRecord;
  originalId?: string;
  followUpIds: string[];
  sourceMessageId?: string;
  requests: RecordedRequest[];
}

export interface WaitOptions {
  predicate?: (m: FakeMessage) => boolean;
  timeoutMs?: number;
}

export class InteractionHandle {
  constructor(
    private readonly t: Tracked,
    private readonly bus: Bus,
    private readonly store: MessageStore,
  ) {}

  get id(): string {
    return this.t.id;
  }
  get token(): string {
    return this.t.token;
  }
  /** performance.now() just before INTERACTION_CREATE went to the bot's gateway socket. */
  get dispatchedAt(): number | undefined {
    return this.t.dispatchedAt;
  }
  /** The INTERACTION_CREATE payload that was dispatched. */
  get payload(): Json {
    return this.t.payload;
  }
  /** Every callback POST (rejected ones included, `accepted: false`). */
  get callbacks(): CallbackRecord[] {
    return this.t.callbacks;
  }
  /** REST calls made with this interaction's token (edits, follow-ups, fetches). */
  get requests(): RecordedRequest[] {
    return this.t.requests;
  }

  /** The first accepted callback. */
  waitForResponse(timeoutMs = 5000): Promise<CallbackRecord> {
    return this.bus.waitFor(
      () => this.t.response,
      timeoutMs,
      () => `a response to ${this.describe()}`,
    );
  }

  /**
   * The reply as the person ends up seeing it: the reply (4), the deferred reply once edited (5),
   * the updated message (7), or the component's message once edited after a deferred update (6).
   */
  waitForFinal(opts: WaitOptions | ((m: FakeMessage) => boolean) = {}): Promise<FakeMessage> {
    const { predicate, timeoutMs = 5000 } = typeof opts === "function" ? { predicate: opts } : opts;
    return this.bus.waitFor(
      () => {
        const r = this.t.response;
        if (!r) return undefined;
        if (r.type === 8 || r.type === 9) {
          throw new Error(
            `fake-discord: ${this.describe()} was answered with callback ${r.type}, not a message`,
          );
        }
        const m = this.original();
        if (!m) return undefined;
        if (r.type === 5 && m.flags & Flags.Loading) return undefined;
        if (r.type === 6 && m.edits <= r.editsAtAck) return undefined;
        return !predicate || predicate(m) ? m : undefined;
      },
      timeoutMs,
      () => `the final reply to ${this.describe()}`,
    );
  }

  /** The @original message now (the loading message while deferred). */
  original(): FakeMessage | undefined {
    return this.t.originalId ? this.store.get(this.t.originalId) : undefined;
  }

  followUps(): FakeMessage[] {
    return this.t.followUpIds.map((id) => this.store.get(id)!);
  }

  waitForFollowUp(
    predicate: (m: FakeMessage) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<FakeMessage> {
    return this.bus.waitFor(
      () => this.followUps().find(predicate),
      timeoutMs,
      () => `a follow-up to ${this.describe()}`,
    );
  }

  /** The modal shown (callback 9): { custom_id, title, components }. */
  async waitForModal(timeoutMs = 5000): Promise<Json> {
    const r = await this.waitForResponse(timeoutMs);
    if (r.type !== 9) throw new Error(`fake-discord: ${this.describe()} answered ${r.type}, not a modal (9)`);
    return r.data ?? {};
  }

  /** The autocomplete choices (callback 8). */
  async choices(timeoutMs = 5000): Promise<Array<{ name: string; value: string | number }>> {
    const r = await this.waitForResponse(timeoutMs);
    if (r.type !== 8) throw new Error(`fake-discord: ${this.describe()} answered ${r.type}, not choices (8)`);
    return (r.data?.choices as Array<{ name: string; value: string | number }> | undefined) ?? [];
  }

  describe(): string {
    const cbs =
      this.t.callbacks.map((c) => `${c.type}${c.accepted ? "" : " (rejected)"}`).join(", ") || "none";
    const o = this.original();
    const state = o
      ? `@original ${o.flags & Flags.Loading ? "loading" : JSON.stringify(o.content)}`
      : "no @original";
    return `${this.t.label} (callbacks: ${cbs}; ${state}; ${this.t.followUpIds.length} follow-ups)`;
  }
}
