import { describe, expect, it } from 'vitest';
import { formatInterval } from './interval.format.ts';

describe('formatInterval', () => {
  it('writes a percent interval with its unit and a dash, not as [a, b]', () => {
    expect(formatInterval('52.75', '52.85', '%', 'zh')).toBe('52.75%–52.85%');
  });
  it('writes an interval of 元 with 亿 the way the report does', () => {
    expect(formatInterval('675000000', '677000000', '元', 'zh')).toBe('6.75亿元–6.77亿元');
    expect(formatInterval('675000000', '677000000', '元', 'en')).toBe('675 million yuan–677 million yuan');
  });
  it('writes percentage points as 个百分点', () => {
    expect(formatInterval('0.4', '0.6', 'pp', 'zh')).toBe('0.4个百分点–0.6个百分点');
  });
  it('shows the exact ends when rounding would write both alike', () => {
    expect(formatInterval('675010000', '675040000', '元', 'zh')).toBe('675,010,000元–675,040,000元');
  });
  it('writes one value when both ends are the same', () => {
    expect(formatInterval('44.4', '44.4', '%', 'zh')).toBe('44.4%');
  });
});
