/** `npm run sim`: the Roblox simulator on SIM_PORT (default 4100), 127.0.0.1. */
import { SEED, startSim } from "./server.js";

const port = Number(process.env.SIM_PORT ?? 4100);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SIM_PORT must be a port number (got "${process.env.SIM_PORT}")`);
  process.exit(1);
}

const sim = await startSim({ port, host: process.env.SIM_HOST ?? "127.0.0.1" }).catch((e: unknown) => {
  console.error(`roguard sim could not listen on port ${port}: ${(e as Error).message}`);
  process.exit(1);
});

const lines = [
  `roguard Roblox simulator listening on ${sim.origin}`,
  `  set ROBLOX_API_ORIGIN=${sim.origin} to point the bot at it`,
  `  child account  ${SEED.child.id} ${SEED.child.name}`,
  `    .ROBLOSECURITY  ${SEED.child.cookie}`,
  `    RBXEventTrackerV2  ${SEED.child.tracker}`,
  `  parent account ${SEED.parent.id} ${SEED.parent.name}`,
  `    .ROBLOSECURITY  ${SEED.parent.cookie}`,
  `  friends of the child: ${SEED.friendIds[0]}..${SEED.friendIds.at(-1)}; pending requests from ${SEED.pendingRequesterIds.join(", ")}; strangers ${SEED.strangerIds[0]}..${SEED.strangerIds.at(-1)}`,
  `  control API: ${sim.origin}/__sim/ (reset, modes, presence, friend-requests[/accept|/decline], trusted-requests[/accept|/ignore], universes, restrictions, screentime, faults, log, state)`,
  `  payloads follow Roblox as documented in docs/roblox-behaviour.md (names absent from friends listings by default)`,
];
console.log(lines.join("\n"));

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing the simulator`);
  const timer = setTimeout(() => process.exit(0), 3000);
  timer.unref();
  sim.close().then(() => process.exit(0));
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
