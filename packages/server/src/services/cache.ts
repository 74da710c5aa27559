/**
 * A small read cache for summaries and public reads: entries live `ttlMs`, at most `maxEntries` are kept (the oldest
 * go first), and every write in this process clears them all.
 * Example: `cache.get('dashboard:630105:2023', () => computeSummary())` runs the computation once per change.
 */
export class ReadCache {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { expires: number; value: Promise<unknown> }>();

  constructor(ttlMs: number, now: () => number = Date.now, maxEntries = 2000) {
    this.#ttlMs = ttlMs;
    this.#now = now;
    this.#maxEntries = maxEntries;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && entry.expires > this.#now()) return entry.value as Promise<T>;
    const value = compute();
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { expires: this.#now() + this.#ttlMs, value });
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  /** Forgets everything: called after every write. */
  clear(): void {
    this.#entries.clear();
  }
}
