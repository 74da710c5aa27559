/**
 * Slows password guessing — at sign-in, and the current password asked for a password change — with two counts of
 * failures, so that nobody can lock a user out cheaply:
 * - per (address, username): the first 5 failures cost nothing, then each further attempt from that address must wait
 *   twice as long as the last (1 s, 2 s, 4 s … at most 15 minutes), even with the right password;
 * - per username, over all addresses: the first 20 failures cost nothing, then each further attempt waits 1 s, 2 s …
 *   at most 30 seconds. This bounds guesses spread over many addresses without letting one address keep the real user
 *   out for more than 30 s at a time.
 * A success clears both; a count is forgotten an hour after its last failure.
 * Example: after 7 failures from 203.0.113.66 the next attempt from there waits 4 s (429); from the office it goes ahead.
 */

/** Failures allowed from one address for one username before its waits begin. */
export const FREE_FAILURES = 5;
/** The longest wait for one address. */
export const MAX_WAIT_MS = 15 * 60_000;
/** Failures allowed for one username over all addresses before everybody's waits begin. */
export const USER_FREE_FAILURES = 20;
/** The longest wait the failures of others can impose on a user: the bound on a lockout. */
export const USER_MAX_WAIT_MS = 30_000;
/** Failures are forgotten after this long without one. */
export const FORGET_AFTER_MS = 60 * 60_000;
/** Records kept at most; past it the oldest go first (memory stays bounded under a spray of names and addresses). */
const MAX_RECORDS = 50_000;

interface FailureRecord {
  count: number;
  lastAt: number;
}

interface Rule {
  readonly free: number;
  readonly maxWaitMs: number;
}

const PER_ADDRESS: Rule = { free: FREE_FAILURES, maxWaitMs: MAX_WAIT_MS };
const PER_USER: Rule = { free: USER_FREE_FAILURES, maxWaitMs: USER_MAX_WAIT_MS };

export class SignInThrottle {
  readonly #failures = new Map<string, FailureRecord>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  static keyOf(username: string): string {
    return username.trim().toLowerCase();
  }

  /** Milliseconds the caller at this address must still wait before trying this username again (0: go ahead). */
  waitFor(username: string, address: string): number {
    const user = SignInThrottle.keyOf(username);
    return Math.max(this.#waitOf(`${address} ${user}`, PER_ADDRESS), this.#waitOf(user, PER_USER));
  }

  recordFailure(username: string, address: string): void {
    const user = SignInThrottle.keyOf(username);
    this.#count(`${address} ${user}`);
    this.#count(user);
  }

  recordSuccess(username: string, address: string): void {
    const user = SignInThrottle.keyOf(username);
    this.#failures.delete(`${address} ${user}`);
    this.#failures.delete(user);
  }

  #waitOf(key: string, rule: Rule): number {
    const record = this.#failures.get(key);
    if (!record) return 0;
    const now = this.#now().getTime();
    if (now - record.lastAt > FORGET_AFTER_MS) {
      this.#failures.delete(key);
      return 0;
    }
    if (record.count < rule.free) return 0;
    const wait = Math.min(rule.maxWaitMs, 1000 * 2 ** Math.min(30, record.count - rule.free));
    return Math.max(0, record.lastAt + wait - now);
  }

  #count(key: string): void {
    const record = this.#failures.get(key);
    const now = this.#now().getTime();
    this.#failures.set(key, { count: (record?.count ?? 0) + 1, lastAt: now });
    if (this.#failures.size <= 10_000) return;
    for (const [name, item] of this.#failures) if (now - item.lastAt > FORGET_AFTER_MS) this.#failures.delete(name);
    for (const name of this.#failures.keys()) {
      if (this.#failures.size <= MAX_RECORDS) break;
      this.#failures.delete(name);
    }
  }
}
