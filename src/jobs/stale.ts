/**
 * Guilds whose settings changed in this process since the roster last read them. Polls take the
 * guild's settings from the roster; for a guild marked here they read the store instead, until a
 * roster read that started after the change has finished (reads are slow at 10,000 guilds, and one
 * already running may have read the old settings).
 */
export class StaleGuilds {
  readonly #marked = new Map<string, number>();
  #generation = 0;

  mark(guildId: string): void {
    this.#marked.set(guildId, ++this.#generation);
  }

  has(guildId: string): boolean {
    return this.#marked.has(guildId);
  }

  /** Call when a roster read starts; call the returned function when it succeeded. */
  readStarted(): () => void {
    const seen = this.#generation;
    return () => {
      for (const [guildId, generation] of this.#marked) if (generation <= seen) this.#marked.delete(guildId);
    };
  }
}
