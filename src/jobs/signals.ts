/**
 * In-process notice that a guild's alert settings changed (e.g. `/alerts channel`), so the
 * scheduler reads its account list again now instead of at its next refresh.
 */
type Listener = (guildId: string) => void;
const listeners = new Set<Listener>();

export function onAlertSettingsChanged(fn: Listener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

export function alertSettingsChanged(guildId: string): void {
  for (const fn of listeners) {
    try {
      fn(guildId);
    } catch {
      // a listener's failure is its own
    }
  }
}
