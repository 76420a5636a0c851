// Alerts through the real discord.js client against Roblox as it serves data now (issue 10):
// listings with ids only (names absent, then empty), a request accepted in the app becomes one
// new-connection alert (Remove asks Confirm), a trusted-connection request is told once with
// Profile only, joins-off presence reads as such, and 80 % / 100 % hold across a limit change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;
const INTERVAL = 1_000;
/** Every fifth interval, plus room for a slow machine. */
const FIFTH = 5 * INTERVAL + 6_000;
let w: World;

const titled = (part: string) =>
  w.fake.messages("alerts").filter((m) => (m.embeds[0]?.title ?? "").includes(part));
const labels = (m: FakeMessage) => m.components.flatMap((r) => (r.components ?? []).map((c) => c.label));

async function alert(part: string, match: (m: FakeMessage) => boolean = () => true, timeoutMs = FIFTH) {
  return w.fake
    .waitForMessage("alerts", (m) => (m.embeds[0]?.title ?? "").includes(part) && match(m), timeoutMs)
    .catch((err: Error) => {
      const seen = w.fake.messages("alerts").map((m) => m.embeds[0]?.title);
      throw new Error(`${err.message} for "${part}": seen ${JSON.stringify(seen)}\n${w.logs().slice(-3000)}`);
    });
}

/** Waits for `n` more polls of the kid (one restriction check each). */
async function polls(n: number): Promise<void> {
  const count = () =>
    w.sim.log.filter((e) => e.path.startsWith("/usermoderation/v2") && e.cookieHeader).length;
  const target = count() + n;
  await w.fake.waitFor(() => count() >= target, (n + 4) * INTERVAL, `${n} polls`);
}

beforeAll(async () => {
  w = await startWorld({ link: [{ robloxId: KID }], pollIntervalSeconds: 1 });
  // Before the baseline: 2012 online and watched; a daily limit of 180 with 45 min played.
  w.sim.control.setPresence({ userId: 2012, userPresenceType: 1 });
  w.sim.control.setScreenTime({ userId: KID, dailyLimit: 180, todayMinutes: 45 });
  expect(await w.runText({ name: "alerts", subcommand: "watch-add", options: { user: "2012" } })).toContain(
    "Now watching",
  );
  await w.runText({
    name: "alerts",
    subcommand: "channel",
    options: { channel: w.fake.world.channels.alerts },
  });
  await polls(2);
  expect(w.fake.messages("alerts")).toEqual([]);
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

describe("Roblox as it serves data now", () => {
  it("names a request's sender by display name and @name when listings carry ids only (absent, then empty)", async () => {
    w.sim.control.sendFriendRequest(3003, KID);
    const absent = await alert("New friend request", (m) => visibleText(m).includes("Requester3003"));
    expect(absent.embeds[0]?.description).toMatch(/^\*\*Req3003\*\* \(@Requester3003\) wants to be friends/);
    w.sim.control.setModes({ names: "empty" });
    w.sim.control.sendFriendRequest(3004, KID);
    const empty = await alert("New friend request", (m) => visibleText(m).includes("Requester3004"));
    expect(empty.embeds[0]?.description).toMatch(/^\*\*Req3004\*\* \(@Requester3004\) wants to be friends/);
    expect(visibleText(empty)).not.toMatch(/User 3004|@3004/);
    expect(labels(empty)).toEqual(["Accept", "Decline", "Profile"]);
  });

  it("a request accepted in the app becomes one new-connection alert; Remove asks Confirm and unfriends", async () => {
    w.sim.control.acceptFriendRequest(3001, KID);
    const m = await alert("New connection for KidAccount");
    expect(m.embeds[0]?.description).toMatch(
      /^KidAccount is now connected with \*\*Req3001\*\* \(@Requester3001\)/,
    );
    expect(visibleText(m)).toContain("Pal2001 (@Friend2001)"); // a mutual friend
    expect(labels(m)).toEqual(["Profile", "Remove"]);
    const remove = m.components[0]?.components?.find((c) => c.label === "Remove")?.custom_id as string;
    const member = await w.fake.clickButton({ message: m, customId: remove, user: "member" });
    expect(visibleText(await member.waitForFinal())).toContain("permission");
    const prompt = await (
      await w.fake.clickButton({ message: m, customId: remove, user: "admin" })
    ).waitForFinal();
    expect(prompt.ephemeral).toBe(true);
    expect(visibleText(prompt)).toContain("Remove **Req3001** (@Requester3001)");
    const confirm = prompt.components[0]?.components?.find((c) => c.label === "Confirm")?.custom_id as string;
    const done = await (
      await w.fake.clickButton({ message: prompt, customId: confirm, user: "admin" })
    ).waitForFinal();
    expect(done.content).toContain("Removed **Req3001** (@Requester3001)");
    expect(w.sim.state.areFriends(KID, 3001)).toBe(false);
  });

  it("a trusted-connection request is told once, marked as such, with Profile only", async () => {
    w.sim.control.sendTrustedRequest(3006, KID);
    const m = await alert("New trusted connection request for KidAccount");
    expect(m.embeds[0]?.description).toMatch(
      /^\*\*Req3006\*\* \(@Requester3006\) wants to be a trusted connection/,
    );
    expect(labels(m)).toEqual(["Profile"]);
  });

  it("joins-off presence reads as such", async () => {
    w.sim.control.setPresence({
      userId: 2012,
      userPresenceType: 2,
      lastLocation: "Sim Obby Tower",
      joinsOff: true,
    });
    const m = await alert("Pal2012 is now in an experience (joins off)", () => true, 4 * INTERVAL + 4_000);
    expect(m.embeds[0]?.description).toContain("is now in an experience (joins off) (was online)");
  });

  it("45 → 85 min while the limit drops 180 → 100: 80 % once, then 100 % once at 101", async () => {
    w.sim.control.setScreenTime({ userId: KID, dailyLimit: 100, todayMinutes: 85 });
    await alert("used 80 % of today's screen time");
    w.sim.control.setScreenTime({ userId: KID, todayMinutes: 101 });
    await alert("used 100 % of today's screen time");
    await polls(6); // one more screen-time reading
    expect(titled("80 %")).toHaveLength(1);
    expect(titled("100 %")).toHaveLength(1);
    // Each alert of this file was told once, however many polls passed.
    expect(titled("New connection")).toHaveLength(1);
    expect(titled("trusted connection request")).toHaveLength(1);
    expect(titled("New friend request")).toHaveLength(2);
  });
});
