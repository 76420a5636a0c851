/**
 * AES-256-GCM envelopes for secrets at rest (README, Getting the cookie safely).
 *
 * Envelope: `v1.<kid>.<nonce>.<ciphertext>.<tag>` — kid is 8 hex chars derived from the key,
 * nonce 12 random bytes per seal, tag 16 bytes, the last three base64url without padding.
 * The associated data binds the ciphertext to its guild, Roblox account and purpose, and to
 * the envelope's own header, so a row copied to another guild or account does not open.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

export type SecretPurpose = "cookie" | "tracker";
/** A parent account's own cookie (src/store/parents.ts): bound apart, never opened as a child's. */
export type ParentSecretPurpose = "parent-cookie";

export interface Binding {
  guildId: string;
  robloxId: string;
  purpose: SecretPurpose | ParentSecretPurpose;
}

export type CryptoFailure = "malformed" | "unknown-key" | "auth-failed" | "bad-key";

/** Never carries plaintext or key material; `reason` tells the kind of failure. */
export class CryptoError extends Error {
  constructor(
    readonly reason: CryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = "CryptoError";
  }
}

export interface KeyRing {
  readonly currentKid: string;
  /** kid → key; holds the current key and every previous one. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const B64U = /^[A-Za-z0-9_-]*$/;

/** Stable, non-secret key identifier: 8 hex chars of HMAC-SHA256(key, label). */
export function keyId(key: Buffer): string {
  return createHmac("sha256", key).update("roguard key id v1").digest("hex").slice(0, 8);
}

function checkKey(key: Buffer, what: string): void {
  if (!Buffer.isBuffer(key) || key.length !== 32) {
    throw new CryptoError(
      "bad-key",
      `${what} must be 32 bytes (got ${Buffer.isBuffer(key) ? key.length : 0})`,
    );
  }
}

export function createKeyRing(current: Buffer, previous: readonly Buffer[] = []): KeyRing {
  checkKey(current, "ENCRYPTION_KEY");
  const keys = new Map<string, Buffer>();
  const currentKid = keyId(current);
  keys.set(currentKid, Buffer.from(current));
  previous.forEach((k, i) => {
    checkKey(k, `ENCRYPTION_KEYS_PREVIOUS #${i + 1}`);
    const kid = keyId(k);
    if (!keys.has(kid)) keys.set(kid, Buffer.from(k));
  });
  return { currentKid, keys };
}

function aadOf(header: string, b: Binding): Buffer {
  for (const [name, v] of [
    ["guildId", b.guildId],
    ["robloxId", b.robloxId],
  ] as const) {
    if (typeof v !== "string" || !/^\d{1,20}$/.test(v)) {
      throw new CryptoError("malformed", `binding ${name} must be a numeric id`);
    }
  }
  if (b.purpose !== "cookie" && b.purpose !== "tracker" && b.purpose !== "parent-cookie") {
    throw new CryptoError("malformed", "binding purpose must be cookie, tracker or parent-cookie");
  }
  return Buffer.from(`roguard|${header}|${b.purpose}|${b.guildId}|${b.robloxId}`, "utf8");
}

export function seal(ring: KeyRing, plaintext: string, binding: Binding): string {
  const key = ring.keys.get(ring.currentKid);
  if (!key) throw new CryptoError("bad-key", "the key ring has no current key");
  const header = `${VERSION}.${ring.currentKid}`;
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aadOf(header, binding));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [header, nonce.toString("base64url"), ct.toString("base64url"), tag.toString("base64url")].join(".");
}

interface Parsed {
  header: string;
  kid: string;
  nonce: Buffer;
  ct: Buffer;
  tag: Buffer;
}

function decodePart(part: string, what: string): Buffer {
  const buf = Buffer.from(part, "base64url");
  // Reject anything that is not the canonical encoding (stray characters, bit games in padding).
  if (!B64U.test(part) || buf.toString("base64url") !== part) {
    throw new CryptoError("malformed", `malformed envelope: ${what} is not base64url`);
  }
  return buf;
}

export function parseEnvelope(envelope: string): Parsed {
  if (typeof envelope !== "string") throw new CryptoError("malformed", "malformed envelope: not a string");
  const parts = envelope.split(".");
  if (parts.length !== 5) throw new CryptoError("malformed", "malformed envelope: expected 5 parts");
  const [version, kid, n, c, t] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw new CryptoError("malformed", "malformed envelope: unsupported version");
  if (!/^[0-9a-f]{8}$/.test(kid)) throw new CryptoError("malformed", "malformed envelope: bad key id");
  const nonce = decodePart(n, "nonce");
  const ct = decodePart(c, "ciphertext");
  const tag = decodePart(t, "tag");
  if (nonce.length !== NONCE_BYTES)
    throw new CryptoError("malformed", "malformed envelope: nonce is not 12 bytes");
  if (tag.length !== TAG_BYTES) throw new CryptoError("malformed", "malformed envelope: tag is not 16 bytes");
  return { header: `${version}.${kid}`, kid, nonce, ct, tag };
}

export function open(ring: KeyRing, envelope: string, binding: Binding): string {
  const p = parseEnvelope(envelope);
  const key = ring.keys.get(p.kid);
  if (!key) {
    throw new CryptoError(
      "unknown-key",
      `secret is encrypted under unknown key id ${p.kid}: add the old key to ENCRYPTION_KEYS_PREVIOUS`,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", key, p.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aadOf(p.header, binding));
  decipher.setAuthTag(p.tag);
  try {
    return Buffer.concat([decipher.update(p.ct), decipher.final()]).toString("utf8");
  } catch {
    throw new CryptoError(
      "auth-failed",
      `secret failed authentication (tampered, or bound to another guild/account/purpose) under key id ${p.kid}`,
    );
  }
}

/** True when the envelope is not under the ring's current key. Throws CryptoError if malformed. */
export function needsRotation(ring: KeyRing, envelope: string): boolean {
  return parseEnvelope(envelope).kid !== ring.currentKid;
}

/** Opens and seals again under the current key (fresh nonce). */
export function reseal(ring: KeyRing, envelope: string, binding: Binding): string {
  return seal(ring, open(ring, envelope, binding), binding);
}
