/**
 * A small read cache for summaries and public reads: entries live `ttlMs`, at most `maxEntries` are kept (the oldest
 * go first), and every write in this process clears them all.
 * Example: `cache.get('dashboard:630105:2023', () => computeSummary())` runs the computation once per change.
 */
interface CacheEntry {
  expires: number;
  value: Promise<unknown>;
  /** Set once the computation has finished. */
  settled?: { value: unknown };
}

export class ReadCache {
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, CacheEntry>();

  constructor(ttlMs: number, now: () => number = Date.now, maxEntries = 2000) {
    this.#ttlMs = ttlMs;
    this.#now = now;
    this.#maxEntries = maxEntries;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(key);
    if (cached && cached.expires > this.#now()) return cached.value as Promise<T>;
    const value = compute();
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    const entry: CacheEntry = { expires: this.#now() + this.#ttlMs, value };
    this.#entries.set(key, entry);
    value.then(
      (settled) => {
        entry.settled = { value: settled };
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  /** The value under `key` when it is computed and fresh, without waiting: for answering before any other work. */
  peek(key: string): unknown {
    const entry = this.#entries.get(key);
    return entry?.settled && entry.expires > this.#now() ? entry.settled.value : undefined;
  }

  /** Forgets everything: called after every write. */
  clear(): void {
    this.#entries.clear();
  }
}
