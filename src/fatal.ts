/**
 * An uncaught exception or an unhandled rejection means some piece of work ended half done:
 * the process is in a state nobody planned for. Running on risks wrong alerts and half-written
 * state, so the bot logs it, shuts down through its ordinary path (in-flight work gets its
 * grace, the store is closed) and exits non-zero, and its supervisor (Docker, systemd, the
 * sharding manager) starts a fresh process.
 */
import type { Logger } from "./logger.js";

export type FatalKind = "uncaught exception" | "unhandled rejection";

export interface FatalDeps {
  logger: Logger;
  /** The graceful shutdown, once it exists; it ends the process with the code it is given. */
  shutdown: () => ((reason: string, code: number) => Promise<void>) | undefined;
  /** Ends the process at once (before the app is up, or if the shutdown itself fails). */
  exit: (code: number) => void;
}

export const FATAL_EXIT_CODE = 1;

/** The handler for both events. */
export function fatalHandler(deps: FatalDeps): (kind: FatalKind, err: unknown) => void {
  return (kind, err) => {
    deps.logger.fatal({ err }, kind);
    const shutdown = deps.shutdown();
    if (shutdown === undefined) {
      deps.logger.flush();
      deps.exit(FATAL_EXIT_CODE);
      return;
    }
    shutdown(kind, FATAL_EXIT_CODE).catch(() => deps.exit(FATAL_EXIT_CODE));
  };
}

/** Installs the handler on the process; returns the function that removes it. */
export function installFatalHandlers(proc: NodeJS.Process, handle: (kind: FatalKind, err: unknown) => void) {
  const onException = (err: unknown) => handle("uncaught exception", err);
  const onRejection = (err: unknown) => handle("unhandled rejection", err);
  proc.on("uncaughtException", onException);
  proc.on("unhandledRejection", onRejection);
  return () => {
    proc.off("uncaughtException", onException);
    proc.off("unhandledRejection", onRejection);
  };
}
