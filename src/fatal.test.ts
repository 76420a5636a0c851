import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { fatalHandler, installFatalHandlers } from "./fatal.js";
import { createLogger } from "./logger.js";

function world() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (s: string) => void lines.push(s) } });
  const exits: number[] = [];
  const shutdowns: Array<[string, number]> = [];
  return { lines, logger, exits, shutdowns, exit: (code: number) => void exits.push(code) };
}

describe("fatal errors", () => {
  it("before the app is up: logged, exit 1 at once", () => {
    const w = world();
    fatalHandler({ logger: w.logger, shutdown: () => undefined, exit: w.exit })(
      "uncaught exception",
      new Error("x"),
    );
    expect(w.exits).toEqual([1]);
    expect(w.lines.join("")).toContain('"msg":"uncaught exception"');
  });

  it("once the app is up: the graceful shutdown, with exit code 1; exit 1 if the shutdown fails", async () => {
    const w = world();
    let fail = false;
    const shutdown = async (reason: string, code: number) => {
      w.shutdowns.push([reason, code]);
      if (fail) throw new Error("could not stop");
    };
    const handle = fatalHandler({ logger: w.logger, shutdown: () => shutdown, exit: w.exit });
    const proc = new EventEmitter();
    installFatalHandlers(proc as unknown as NodeJS.Process, handle);
    proc.emit("unhandledRejection", new Error("nobody caught me"));
    await new Promise((r) => setImmediate(r));
    expect(w.shutdowns).toEqual([["unhandled rejection", 1]]);
    expect(w.exits).toEqual([]);
    fail = true;
    proc.emit("uncaughtException", new Error("boom"));
    await new Promise((r) => setImmediate(r));
    expect(w.exits).toEqual([1]);
    expect(w.lines.join("")).toContain("nobody caught me");
  });
});
