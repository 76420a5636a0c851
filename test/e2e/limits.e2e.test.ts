// Fair share between guilds, as an admin meets it in Discord: past MAX_ACCOUNTS_PER_GUILD,
// /roblox link refuses a new account with a plain sentence and stores nothing; re-linking an
// account already linked still works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

let w: World;

beforeAll(async () => {
  w = await startWorld({ env: { MAX_ACCOUNTS_PER_GUILD: "1" } });
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

async function link(cookie: string): Promise<FakeMessage> {
  const shown = await w.fake.runCommand({ name: "roblox", subcommand: "link" });
  await shown.waitForModal();
  const submit = await w.fake.submitModal({
    customId: "roblox-link",
    from: shown,
    fields: { cookie, tracker: "", label: "" },
  });
  return submit.waitForFinal({ timeoutMs: 15_000 });
}

const ids = () => w.withStore((s) => s.accounts.ids(w.guildId));

describe("MAX_ACCOUNTS_PER_GUILD", () => {
  it("links up to the cap, then refuses a new account with one sentence and stores nothing", async () => {
    expect(visibleText(await link(SEED.child.cookie))).toContain("Linked **Kid**");
    const refused = visibleText(await link(SEED.parent.cookie));
    expect(refused).toContain("already has 1 linked Roblox account, the most allowed here");
    expect(refused).toContain("/roblox unlink");
    expect(refused).toContain("nothing was stored");
    expect(await ids()).toEqual([String(SEED.child.id)]);
    expect(await w.withStore((s) => s.accounts.guildsLinking(String(SEED.parent.id)))).toEqual([]);
  });

  it("re-linking the account already linked passes the cap", async () => {
    expect(visibleText(await link(SEED.child.cookie))).toContain("Re-linked **Kid**");
    expect(await ids()).toEqual([String(SEED.child.id)]);
  });
});
