import { describe, expect, it } from 'vitest';
import { msUntilNextChinaMidnight } from './china-midnight.ts';
import { todayInChina } from './schedule.service.ts';

describe('msUntilNextChinaMidnight', () => {
  it('counts to 00:00 in Beijing, which is 16:00 UTC', () => {
    expect(msUntilNextChinaMidnight(new Date('2024-06-30T15:59:00Z'))).toBe(60_000);
    expect(msUntilNextChinaMidnight(new Date('2024-06-30T16:00:00Z'))).toBe(86_400_000);
    expect(msUntilNextChinaMidnight(new Date('2024-06-30T04:00:00Z'))).toBe(12 * 3_600_000);
  });

  it('lands where the date in China changes', () => {
    for (const iso of ['2024-02-28T20:17:03Z', '2024-12-31T16:30:00Z', '1999-07-01T00:00:00Z']) {
      const now = new Date(iso);
      const midnight = new Date(now.getTime() + msUntilNextChinaMidnight(now));
      expect(todayInChina(new Date(midnight.getTime() - 1))).toBe(todayInChina(now));
      expect(todayInChina(midnight)).not.toBe(todayInChina(now));
    }
  });
});
