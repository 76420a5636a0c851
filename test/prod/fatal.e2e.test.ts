// An uncaught exception or an unhandled rejection leaves the process in an unknown state: the
// bot logs it, shuts down the usual way (in-flight work gets its grace, the store is closed)
// and exits non-zero within 10 s, so its supervisor (Docker, systemd, the sharding manager)
// starts a fresh one. The fault is injected into the real bot process by a preloaded module.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SEED, startWorld, type World } from "../e2e/harness.js";
import { pollTimes, sleep, waitUntil } from "./kit.js";

const KID = SEED.child.id;
const FIXTURE = pathToFileURL(resolve(import.meta.dirname, "fixtures/fatal-on-signal.mjs")).href;
const worlds: World[] = [];
afterAll(async () => {
  for (const w of worlds) await w.stop();
});

describe.each([
  { kind: "exception", logged: "uncaught exception" },
  { kind: "rejection", logged: "unhandled rejection" },
])("an unhandled $kind", ({ kind, logged }) => {
  it("is logged, the bot shuts down gracefully and exits non-zero within 10 s", async () => {
    const w = await startWorld({
      link: [{ robloxId: KID }],
      alertChannel: true,
      pollIntervalSeconds: 1,
      env: { NODE_OPTIONS: `--import=${FIXTURE}`, ROGUARD_TEST_FATAL: kind },
    });
    worlds.push(w);
    await waitUntil("a poll", () => pollTimes(w.sim, KID).length >= 1, 10_000, w.logs);
    const t0 = Date.now();
    w.bot.process.kill("SIGUSR2");
    const code = await Promise.race([w.bot.exited, sleep(12_000).then(() => "still running")]);
    expect(code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const logs = w.logs();
    expect(logs).toContain(`"msg":"${logged}"`);
    expect(logs).toContain("test: a");
    expect(logs).toContain('"msg":"shutting down"');
    expect(logs).not.toContain(SEED.cookiePrefix);
    // The store was closed cleanly: it opens and the account still decrypts.
    const secrets = await w.withStore((s) => s.accounts.secrets(w.guildId, String(KID)));
    expect(secrets.cookie).toBe(SEED.child.cookie);
  }, 40_000);
});
