/**
 * Slows sign-in after repeated failures for one username: the first 5 failures cost nothing, then each further
 * attempt must wait twice as long as the last (1 s, 2 s, 4 s … at most 15 minutes) — even with the right password —
 * and a success clears the count. Example: after 7 failures the next attempt is refused for 4 s with 429.
 */

/** Failures allowed before waits begin. */
export const FREE_FAILURES = 5;
/** The longest wait between attempts. */
export const MAX_WAIT_MS = 15 * 60_000;
/** Failures are forgotten after this long without one. */
export const FORGET_AFTER_MS = 60 * 60_000;

interface FailureRecord {
  count: number;
  lastAt: number;
}

export class SignInThrottle {
  readonly #failures = new Map<string, FailureRecord>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  static keyOf(username: string): string {
    return username.trim().toLowerCase();
  }

  /** Milliseconds the caller must still wait before trying this username again (0: go ahead). */
  waitFor(username: string): number {
    const record = this.#failures.get(SignInThrottle.keyOf(username));
    if (!record) return 0;
    const now = this.#now().getTime();
    if (now - record.lastAt > FORGET_AFTER_MS) {
      this.#failures.delete(SignInThrottle.keyOf(username));
      return 0;
    }
    if (record.count < FREE_FAILURES) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (record.count - FREE_FAILURES));
    return Math.max(0, record.lastAt + wait - now);
  }

  recordFailure(username: string): void {
    const key = SignInThrottle.keyOf(username);
    const record = this.#failures.get(key);
    const now = this.#now().getTime();
    this.#failures.set(key, { count: (record?.count ?? 0) + 1, lastAt: now });
    // Bounded memory: forget stale records when the map grows.
    if (this.#failures.size > 10_000) {
      for (const [name, item] of this.#failures) if (now - item.lastAt > FORGET_AFTER_MS) this.#failures.delete(name);
    }
  }

  recordSuccess(username: string): void {
    this.#failures.delete(SignInThrottle.keyOf(username));
  }
}
