import { describe, expect, it } from 'vitest';
import { parseDeadlineText } from './deadline-text.parser.ts';

const dateOf = (text: string, planYear = 2024) => {
  const reading = parseDeadlineText(text, planYear);
  return reading.kind === 'date' ? reading.date : reading.kind;
};

describe('parseDeadlineText', () => {
  it('reads the forms offices write as calendar dates', () => {
    expect(dateOf('2024年12月底')).toBe('2024-12-31');
    expect(dateOf('2024-12-31')).toBe('2024-12-31');
    expect(dateOf('2024/6/30')).toBe('2024-06-30');
    expect(dateOf('2024.09.30')).toBe('2024-09-30');
    expect(dateOf('2024年6月30日前')).toBe('2024-06-30');
    expect(dateOf('２０２４年１１月')).toBe('2024-11-30');
    expect(dateOf('2025年')).toBe('2025-12-31');
    expect(dateOf('2025年底前完成')).toBe('2025-12-31');
  });

  it('resolves words without a year in the plan year', () => {
    expect(dateOf('12月底', 2025)).toBe('2025-12-31');
    expect(dateOf('十二月底', 2025)).toBe('2025-12-31');
    expect(dateOf('2月底', 2024)).toBe('2024-02-29');
    expect(dateOf('2月底', 2025)).toBe('2025-02-28');
    expect(dateOf('6月30日', 2025)).toBe('2025-06-30');
    expect(dateOf('年底', 2025)).toBe('2025-12-31');
    expect(dateOf('年内', 2025)).toBe('2025-12-31');
    expect(dateOf('上半年', 2025)).toBe('2025-06-30');
    expect(dateOf('三季度末', 2025)).toBe('2025-09-30');
    expect(dateOf('第一季度', 2025)).toBe('2025-03-31');
    expect(dateOf('10月中旬', 2025)).toBe('2025-10-20');
  });

  it('gives ongoing work no deadline', () => {
    expect(parseDeadlineText('持续推进', 2024)).toEqual({ kind: 'open' });
    expect(parseDeadlineText('长期坚持', 2024)).toEqual({ kind: 'open' });
    expect(parseDeadlineText('常态化开展', 2024)).toEqual({ kind: 'open' });
    expect(parseDeadlineText('  ', 2024)).toEqual({ kind: 'open' });
  });

  it('calls a day that does not exist impossible, and text naming no day unreadable', () => {
    expect(parseDeadlineText('2024年2月30日', 2024)).toEqual({ kind: 'impossible', text: '2024年2月30日' });
    expect(parseDeadlineText('2023-02-29', 2023)).toEqual({ kind: 'impossible', text: '2023-02-29' });
    expect(parseDeadlineText('13月底', 2024)).toEqual({ kind: 'impossible', text: '13月底' });
    expect(parseDeadlineText('尽快', 2024)).toEqual({ kind: 'unreadable', text: '尽快' });
    expect(parseDeadlineText('2024', 2024).kind).toBe('date');
    expect(parseDeadlineText('12', 2024)).toEqual({ kind: 'unreadable', text: '12' });
  });
});
