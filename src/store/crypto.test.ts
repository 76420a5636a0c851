import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Binding,
  CryptoError,
  createKeyRing,
  keyId,
  needsRotation,
  open,
  parseEnvelope,
  reseal,
  seal,
} from "./crypto.js";

const A: Binding = { guildId: "111", robloxId: "42", purpose: "cookie" };
const ring = createKeyRing(randomBytes(32));
const CANARY = `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${randomBytes(8).toString("hex")}`;

/** Rebuilds an envelope after changing the raw bytes of one part (2 nonce, 3 ciphertext, 4 tag). */
function mutate(envelope: string, part: 2 | 3 | 4, fn: (b: Buffer) => Buffer): string {
  const parts = envelope.split(".");
  parts[part] = fn(Buffer.from(parts[part]!, "base64url")).toString("base64url");
  return parts.join(".");
}

function rejection(fn: () => unknown): CryptoError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CryptoError);
    expect(String((err as Error).message)).not.toContain("WARNING");
    expect(String((err as Error).stack)).not.toContain(CANARY);
    return err as CryptoError;
  }
  throw new Error("expected a CryptoError");
}

describe("seal/open", () => {
  it("round-trips any string up to 4,000 chars (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000, unit: "binary" }), (s) => {
        expect(open(ring, seal(ring, s, A), A)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it("writes a compact v1 envelope with the key id, a fresh 96-bit nonce and a 16-byte tag", () => {
    const e1 = seal(ring, CANARY, A);
    const e2 = seal(ring, CANARY, A);
    expect(e1).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/);
    const p = parseEnvelope(e1);
    expect(p.kid).toBe(ring.currentKid);
    expect(p.nonce).toHaveLength(12);
    expect(p.tag).toHaveLength(16);
    expect(e1).not.toBe(e2);
    expect(parseEnvelope(e2).nonce.equals(p.nonce)).toBe(false);
    expect(e1).not.toContain("WARNING");
    expect(Buffer.from(e1).includes(Buffer.from(CANARY.slice(10)))).toBe(false);
  });

  it("key id is derived from the key and stable", () => {
    const k = randomBytes(32);
    expect(keyId(k)).toBe(keyId(Buffer.from(k)));
    expect(keyId(k)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyId(k)).not.toBe(keyId(randomBytes(32)));
    expect(createKeyRing(k).currentKid).toBe(keyId(k));
  });
});

describe("rejections", () => {
  const env = seal(ring, CANARY, A);

  it("rejects a flip of any byte of nonce, ciphertext or tag", () => {
    for (const part of [2, 3, 4] as const) {
      const len = Buffer.from(env.split(".")[part]!, "base64url").length;
      for (let i = 0; i < len; i++) {
        const bad = mutate(env, part, (b) => {
          const c = Buffer.from(b);
          c[i] = c[i]! ^ 0x01;
          return c;
        });
        const err = rejection(() => open(ring, bad, A));
        expect(err.reason).toBe("auth-failed");
        expect(err.message).toMatch(/tampered/);
      }
    }
  });

  it("rejects a truncated tag or nonce as malformed", () => {
    for (const cut of [1, 4, 12]) {
      const err = rejection(() =>
        open(
          ring,
          mutate(env, 4, (b) => b.subarray(0, 16 - cut)),
          A,
        ),
      );
      expect(err.reason).toBe("malformed");
      expect(err.message).toMatch(/tag/);
    }
    expect(
      rejection(() =>
        open(
          ring,
          mutate(env, 2, (b) => b.subarray(0, 8)),
          A,
        ),
      ).message,
    ).toMatch(/nonce/);
  });

  it("rejects guild A's row opened as guild B, another account or another purpose", () => {
    for (const other of [
      { ...A, guildId: "222" },
      { ...A, robloxId: "43" },
      { ...A, purpose: "tracker" as const },
    ]) {
      const err = rejection(() => open(ring, env, other));
      expect(err.reason).toBe("auth-failed");
      expect(err.message).toMatch(/bound to another guild\/account\/purpose/);
    }
  });

  it("rejects an unknown key id, and a changed key id, with a clear error", () => {
    const otherRing = createKeyRing(randomBytes(32));
    const err = rejection(() => open(otherRing, env, A));
    expect(err.reason).toBe("unknown-key");
    expect(err.message).toContain(ring.currentKid);
    expect(err.message).toMatch(/ENCRYPTION_KEYS_PREVIOUS/);
    // Swapping the kid to another known key still fails: the header is authenticated.
    const both = createKeyRing(randomBytes(32), [ring.keys.get(ring.currentKid)!]);
    const swapped = env.replace(`.${ring.currentKid}.`, `.${both.currentKid}.`);
    expect(rejection(() => open(both, swapped, A)).reason).toBe("auth-failed");
  });

  it("rejects malformed envelopes", () => {
    for (const bad of [
      "",
      "v1",
      "v2" + env.slice(2),
      env + ".x",
      env.replace(/\.[^.]+$/, ".!!!!"),
      env.replace(ring.currentKid, "XYZ"),
    ]) {
      expect(rejection(() => open(ring, bad, A)).reason).toBe("malformed");
    }
    expect(rejection(() => seal(ring, "x", { ...A, guildId: "abc" })).reason).toBe("malformed");
  });

  it("refuses keys that are not 32 bytes, without echoing them", () => {
    const err = rejection(() => createKeyRing(Buffer.alloc(16)));
    expect(err.reason).toBe("bad-key");
    expect(() => createKeyRing(randomBytes(32), [Buffer.alloc(31)])).toThrow(/PREVIOUS #1 must be 32 bytes/);
  });
});

describe("key rotation", () => {
  it("opens rows under a previous key, flags them, and reseals under the current one", () => {
    const oldKey = randomBytes(32);
    const oldRing = createKeyRing(oldKey);
    const env = seal(oldRing, CANARY, A);
    const newRing = createKeyRing(randomBytes(32), [oldKey]);
    expect(open(newRing, env, A)).toBe(CANARY);
    expect(needsRotation(newRing, env)).toBe(true);
    const fresh = reseal(newRing, env, A);
    expect(needsRotation(newRing, fresh)).toBe(false);
    const onlyNew = createKeyRing(newRing.keys.get(newRing.currentKid)!);
    expect(open(onlyNew, fresh, A)).toBe(CANARY);
    expect(rejection(() => open(onlyNew, env, A)).reason).toBe("unknown-key");
  });
});
