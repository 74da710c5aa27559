import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_WAIT_MS, SignInThrottle } from './sign-in-throttle.ts';

describe('SignInThrottle', () => {
  it('lets the first failures through and then doubles the wait after each further one', () => {
    let now = 1_000_000;
    const throttle = new SignInThrottle(() => new Date(now));
    for (let index = 0; index < FREE_FAILURES; index += 1) {
      expect(throttle.waitFor('Admin')).toBe(0);
      throttle.recordFailure('admin');
    }
    expect(throttle.waitFor('admin')).toBe(1000);
    now += 1000;
    expect(throttle.waitFor('ADMIN ')).toBe(0);
    throttle.recordFailure('admin');
    expect(throttle.waitFor('admin')).toBe(2000);
    now += 500;
    expect(throttle.waitFor('admin')).toBe(1500);
    expect(throttle.waitFor('someone-else')).toBe(0);
  });

  it('never waits longer than the cap and clears on success', () => {
    const throttle = new SignInThrottle(() => new Date(0));
    for (let index = 0; index < 40; index += 1) throttle.recordFailure('x');
    expect(throttle.waitFor('x')).toBe(MAX_WAIT_MS);
    throttle.recordSuccess('x');
    expect(throttle.waitFor('x')).toBe(0);
  });
});
