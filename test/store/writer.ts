/**
 * Child process of the crash test: rewrites the cookies of GUILD's accounts in a loop,
 * printing "ack <account> <n>" after each write has returned, until it is killed.
 * It loads its modules first and waits for "go <start>" on stdin before it opens the store, so
 * the test can start the next writer while the current one runs. Env: STORE_FILE, KEY, PREFIX, ACCOUNTS.
 */
import { createInterface } from "node:readline";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore } from "../../src/store/index.js";

const env = process.env as Record<string, string>;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const go = (await lines.next()).value as string | undefined;
if (!go?.startsWith("go ")) process.exit(0);
const start = Number(go.slice(3));
const store = await createStore({
  url: `sqlite://${env.STORE_FILE}`,
  keyring: createKeyRing(Buffer.from(env.KEY!, "base64")),
  logger: silentLogger(),
  defaultTimeZone: "UTC",
});
const accounts = Number(env.ACCOUNTS);
process.stdout.write("ready\n");
for (let n = start; ; n++) {
  for (let i = 0; i < accounts; i++) {
    const id = String(100 + i);
    const cookie = `${env.PREFIX}-${i}-${n}`;
    if (n % 3 === 0) {
      await store.accounts.upsert({
        guildId: "1",
        robloxId: id,
        robloxName: `U${id}`,
        displayName: `U${id}`,
        linkedBy: "9",
        cookie,
      });
    } else {
      await store.accounts.setCookie("1", id, cookie);
    }
    await store.alertState.set("1", id, { n });
    process.stdout.write(`ack ${i} ${n}\n`);
  }
}
