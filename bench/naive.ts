/**
 * The naive baseline of benchmark 1: the same checks as roguard's watchers, through the same
 * Roblox client, but presence asked for each watched user on its own.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { silentLogger } from "../src/logger.js";
import { createRobloxClient, REQUEST_SORT, type RobloxSession } from "../src/roblox/index.js";

export interface NaiveAccount {
  robloxId: number;
  cookie: string;
  watch: number[];
}

export async function runNaive(
  origin: string,
  accounts: readonly NaiveAccount[],
  cycles: number,
  intervalMs: number,
): Promise<void> {
  const roblox = createRobloxClient({ origin, logger: silentLogger() });
  const sessions: RobloxSession[] = accounts.map((a) =>
    roblox.session({ id: `naive:${a.robloxId}`, cookie: a.cookie }),
  );
  try {
    const start = Date.now();
    for (let cycle = 0; cycle < cycles; cycle++) {
      await Promise.all(
        accounts.map(async (a, i) => {
          const s = sessions[i]!;
          const restricted = await roblox.moderation.restriction(s);
          if (restricted) return;
          for (const id of a.watch) await roblox.presence.users(s, [String(id)]);
          await roblox.requests.list(s, { limit: 25, friendRequestSort: REQUEST_SORT.newestFirst });
          if (cycle % 5 === 0) {
            const limit = (await roblox.settings.dailyLimit(s)) ?? 0;
            if (limit > 0) await roblox.parental.weekly(s, String(a.robloxId));
          }
          if (cycle % 5 === 1) await roblox.friends.myCount(s);
          if (cycle % 5 === 2) await roblox.requests.trustedList(s, { limit: 25 });
        }),
      );
      const next = start + (cycle + 1) * intervalMs;
      await sleep(Math.max(0, next - Date.now()));
    }
  } finally {
    await roblox.close();
  }
}
