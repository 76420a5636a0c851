/** `npm run keygen`: prints a fresh ENCRYPTION_KEY (base64 of 32 random bytes). */
import { randomBytes } from "node:crypto";

export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

process.stdout.write(`${generateKey()}\n`);
