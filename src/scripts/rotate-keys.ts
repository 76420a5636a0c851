/**
 * `npm run rotate-keys`: re-encrypts every stored secret under ENCRYPTION_KEY, reading older
 * ones with ENCRYPTION_KEYS_PREVIOUS. Safe while the bot runs. Prints the counts; exits 0,
 * or 1 with one clear line (the store cannot be opened, or some secrets could not be opened —
 * then keep the old keys in ENCRYPTION_KEYS_PREVIOUS).
 */
import { loadOrExit, parseConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { createKeyRing } from "../store/crypto.js";
import { describe, StoreError } from "../store/errors.js";
import { openKeyv } from "../store/keyv.js";
import { rotateParentCookies } from "../store/parents.js";
import { rotateAll } from "../store/rotate.js";

// The Discord token is not needed here: only the keys and STORE_URL matter.
const config = loadOrExit((env) =>
  parseConfig({ ...env, DISCORD_TOKEN: env.DISCORD_TOKEN?.trim() || "unused-by-rotate-keys" }),
);
const logger = createLogger({ level: config.logLevel === "info" ? "warn" : config.logLevel, pretty: false });

function fail(message: string): never {
  process.stderr.write(`roguard: ${message}\n`);
  process.exit(1);
}

try {
  const ring = createKeyRing(config.encryptionKey, config.encryptionKeysPrevious);
  const keyv = await openKeyv(config.storeUrl);
  let result: Awaited<ReturnType<typeof rotateAll>>;
  try {
    result = await rotateAll(keyv, ring, logger);
    // parent accounts' cookies live in their own rows (src/store/parents.ts)
    const p = await rotateParentCookies(keyv, ring, logger);
    result = { ...result, rotated: result.rotated + p.rotated, failed: result.failed + p.failed };
  } finally {
    await keyv.disconnect().catch(() => undefined);
  }
  const { rotated, alreadyCurrent, failed } = result;
  process.stdout.write(
    `rotate-keys: ${rotated} re-encrypted, ${alreadyCurrent} already under the current key (${ring.currentKid}), ${failed} failed\n`,
  );
  if (failed > 0) {
    fail(
      `${failed} secret(s) could not be decrypted with ENCRYPTION_KEY or ENCRYPTION_KEYS_PREVIOUS; keep the old keys until they are re-linked or rotated`,
    );
  }
  process.exit(0);
} catch (err) {
  fail(err instanceof StoreError ? err.message : `rotate-keys failed (${describe(err)})`);
}
