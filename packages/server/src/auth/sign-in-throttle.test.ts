import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_WAIT_MS, SignInThrottle, USER_FREE_FAILURES, USER_MAX_WAIT_MS } from './sign-in-throttle.ts';

const ATTACKER = '203.0.113.66';
const OFFICE = '10.1.2.3';

describe('SignInThrottle', () => {
  it('lets the first failures from an address through and then doubles that address\'s wait after each further one', () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => new Date(now));
    for (let index = 0; index < FREE_FAILURES; index += 1) {
      expect(throttle.waitFor('Admin', ATTACKER)).toBe(0);
      throttle.recordFailure('admin', ATTACKER);
    }
    expect(throttle.waitFor('admin', ATTACKER)).toBe(1000);
    now += 1000;
    expect(throttle.waitFor('ADMIN ', ATTACKER)).toBe(0);
    throttle.recordFailure('admin', ATTACKER);
    expect(throttle.waitFor('admin', ATTACKER)).toBe(2000);
    now += 500;
    expect(throttle.waitFor('admin', ATTACKER)).toBe(1500);
    expect(throttle.waitFor('someone-else', ATTACKER)).toBe(0);
    expect(throttle.waitFor('admin', OFFICE)).toBe(0);
  });

  it('never makes one address wait longer than the cap, and clears on success', () => {
    const throttle = new SignInThrottle(() => new Date(0));
    for (let index = 0; index < 40; index += 1) throttle.recordFailure('x', ATTACKER);
    expect(throttle.waitFor('x', ATTACKER)).toBe(MAX_WAIT_MS);
    throttle.recordSuccess('x', ATTACKER);
    expect(throttle.waitFor('x', ATTACKER)).toBe(0);
  });

  it('cannot be used from one address to keep the admin out from another: a day of attempts costs the admin 30 s at most', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => new Date(now));
    let attempts = 0;
    let longestAdminWait = 0;
    for (; now < 24 * 3600_000; now += 5_000) {
      // The attacker fails as often as the throttle lets its address try.
      if (throttle.waitFor('admin', ATTACKER) === 0) {
        throttle.recordFailure('admin', ATTACKER);
        attempts += 1;
      }
      longestAdminWait = Math.max(longestAdminWait, throttle.waitFor('admin', OFFICE));
    }
    expect(longestAdminWait).toBeGreaterThan(0);
    expect(longestAdminWait).toBeLessThanOrEqual(USER_MAX_WAIT_MS);
    expect(USER_MAX_WAIT_MS).toBeLessThanOrEqual(30_000);
    // …and the attacker's own address gets about 4 guesses an hour.
    expect(attempts).toBeLessThan(5 * 24 + 20);
  });

  it('slows guesses spread over many addresses, per user, to one per bounded wait', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => new Date(now));
    let accepted = 0;
    for (let address = 0; address < 100; address += 1) {
      for (let index = 0; index < FREE_FAILURES; index += 1) {
        if (throttle.waitFor('admin', `198.51.100.${address}`) > 0) continue;
        throttle.recordFailure('admin', `198.51.100.${address}`);
        accepted += 1;
      }
    }
    expect(accepted).toBe(USER_FREE_FAILURES);
    expect(throttle.waitFor('admin', '192.0.2.1')).toBeGreaterThan(0);
    now += USER_MAX_WAIT_MS;
    expect(throttle.waitFor('admin', '192.0.2.1')).toBe(0);
  });
});
