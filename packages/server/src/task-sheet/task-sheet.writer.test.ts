import { extract, formatDecimal, TARGET_COMPARATORS } from '@duixian/core';
import { describe, expect, it } from 'vitest';
import { writeTargetText } from './task-sheet.writer.ts';

const target = (value: string | null, unit: string | null, comparator: (typeof TARGET_COMPARATORS)[number] | null, valueHigh: string | null = null) => ({
  value,
  valueHigh,
  unit,
  comparator,
  grade: null,
});

describe('writeTargetText', () => {
  it('writes a target the Chinese way with its bound word', () => {
    expect(writeTargetText(target('20000', '亩', '>='))).toBe('不少于2万亩');
    expect(writeTargetText(target('2198000000', '元', '='))).toBe('21.98亿元');
    expect(writeTargetText(target('8', '%', '~'))).toBe('8%左右');
    expect(writeTargetText(target('0.5', 'pp', '<='))).toBe('不超过0.5个百分点');
    expect(writeTargetText(target('3', '个', null, '5'))).toBe('3个—5个');
    expect(writeTargetText({ ...target(null, 'class', 'at_least_class'), grade: 'Ⅲ类' })).toBe('Ⅲ类以上');
    expect(writeTargetText(target(null, null, null))).toBe('');
  });

  it.each([
    ['20000', '亩', '>='],
    ['35', '微克/立方米', '<='],
    ['500', '人', '>'],
    ['3', '%', '<'],
    ['8', '%', '~'],
    ['12.5', '万元', '='],
    ['2198000000', '元', '='],
    ['0.5', 'pp', '='],
  ] as const)('writes %s %s (%s) so that core reads the same value, unit and bound back', (value, unit, comparator) => {
    const text = writeTargetText(target(value, unit, comparator));
    const [quantity] = extract(text).quantities;
    expect(quantity?.value.type).toBe('exact');
    if (quantity?.value.type !== 'exact') return;
    const readUnit = quantity.unit;
    // 万元 is read as 元 at the right magnitude: compare the value in 元.
    const expected = unit === '万元' ? { value: String(Number(value) * 10000), unit: '元' } : { value, unit };
    expect({ value: formatDecimal(quantity.value.value), unit: readUnit }).toEqual(expected);
    expect(quantity.comparator ?? '=').toBe(comparator);
  });
});
