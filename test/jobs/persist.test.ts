import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Context } from "../../src/context.js";
import { loadState, saveState } from "../../src/jobs/scheduling/persist.js";
import { linkInput, openStore, tempDir } from "../store/helpers.js";

describe("watcher state and the request buttons share one row", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("a watcher's save keeps what a button recorded after the poll read the state", async () => {
    const store = await openStore(`${tmp.dir}/s.sqlite`);
    const ctx = { store } as unknown as Context;
    await store.accounts.upsert(linkInput("1", "1001"));
    const l = await loadState(ctx, "1", "1001", "900");
    await saveState(ctx, "1", "1001", l);
    // the poll reads…
    const poll = await loadState(ctx, "1", "1001", "900");
    // …a button records a handled request meanwhile…
    const handled = { "3001": { action: "accepted", by: "42", at: 123 } };
    await store.alertState.update("1", "1001", (cur) => ({ ...(cur as object), handledRequests: handled }));
    // …and the poll saves its (changed) copy.
    poll.state.summaryDate = "2026-11-22";
    await saveState(ctx, "1", "1001", poll);
    const raw = await store.alertState.get("1", "1001", z.unknown());
    expect(raw).toMatchObject({ summaryDate: "2026-11-22", handledRequests: handled });
    await store.close();
  });
});
