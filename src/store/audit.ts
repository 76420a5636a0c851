/**
 * Append-only audit log per guild, newest first, bounded to the newest 500 entries.
 * Details pass through the logger's scrubber, so a cookie can never land in the log.
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import { type Logger, scrub } from "../logger.js";
import { checkId, K } from "./keys.js";
import type { KeyedLock } from "./lock.js";

export const AUDIT_LIMIT = 500;

const entrySchema = z.object({
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  robloxId: z.string().optional(),
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof entrySchema>;

export interface AuditInput {
  actorId: string;
  action: string;
  robloxId?: string | undefined;
  detail?: string | undefined;
}

export type Audit = ReturnType<typeof createAudit>;

export function createAudit(deps: { keyv: Keyv; lock: KeyedLock; logger: Logger; now?: () => Date }) {
  const { keyv, lock, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function read(guildId: string): Promise<AuditEntry[]> {
    const raw = await keyv.get(K.audit(guildId));
    if (raw === undefined) return [];
    const r = z.array(z.unknown()).safeParse(raw);
    if (!r.success) {
      logger.warn({ key: K.audit(guildId) }, "store: corrupt audit log, treated as empty");
      return [];
    }
    // Keep the readable entries of a partly damaged log.
    return r.data.flatMap((e) => {
      const p = entrySchema.safeParse(e);
      return p.success ? [p.data] : [];
    });
  }

  async function append(guildId: string, input: AuditInput): Promise<AuditEntry> {
    checkId(guildId, "guildId");
    const entry: AuditEntry = {
      at: now().toISOString(),
      actorId: input.actorId,
      action: scrub(input.action).slice(0, 100),
      ...(input.robloxId !== undefined ? { robloxId: input.robloxId } : {}),
      ...(input.detail !== undefined ? { detail: scrub(input.detail).slice(0, 500) } : {}),
    };
    await lock.run(K.audit(guildId), async () => {
      // The entries already there are kept as stored, unchecked (list() checks each as it shows it):
      // checking up to 500 entries on every command was a tenth of a settings command's CPU.
      const raw = await keyv.get(K.audit(guildId));
      const log = Array.isArray(raw) ? (raw as unknown[]) : [];
      if (raw !== undefined && log !== raw) {
        logger.warn({ key: K.audit(guildId) }, "store: corrupt audit log, started again");
      }
      await keyv.set(K.audit(guildId), [entry, ...log].slice(0, AUDIT_LIMIT));
    });
    return entry;
  }

  /** Newest first. */
  async function list(guildId: string, limit = 50): Promise<AuditEntry[]> {
    return (await read(guildId)).slice(0, Math.max(0, limit));
  }

  return { append, list, remove: (guildId: string) => keyv.delete(K.audit(guildId)) };
}
