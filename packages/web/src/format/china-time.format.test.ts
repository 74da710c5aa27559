import { describe, expect, it } from 'vitest';
import { chinaDate, formatChinaDateTime } from './china-time.format.ts';

describe('chinaDate', () => {
  it('is already tomorrow in China when it is 16:00 UTC or later', () => {
    expect(chinaDate(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
    expect(chinaDate(new Date('2026-12-03T15:59:00Z'))).toBe('2026-12-03');
  });
});

describe('formatChinaDateTime', () => {
  it('writes a UTC timestamp in China time to the minute', () => {
    expect(formatChinaDateTime('2026-12-03T02:05:00.000Z')).toBe('2026-12-03 10:05');
    expect(formatChinaDateTime('2026-12-31T17:30:00Z')).toBe('2027-01-01 01:30');
  });
  it('leaves text that is not a timestamp unchanged', () => {
    expect(formatChinaDateTime('昨天')).toBe('昨天');
  });
});
