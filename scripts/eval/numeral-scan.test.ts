import { describe, expect, it } from 'vitest';
import { scanNumerals } from './numeral-scan.ts';

describe('scanNumerals', () => {
  it('finds Arabic groups with decimals, thousands separators and magnitude, and Chinese numeral runs', () => {
    const tokens = scanNumerals('支出21.98亿元，共1,234户，两万人，十五届，２０２３年');
    expect(tokens.map((t) => t.text)).toEqual(['21.98亿', '1,234', '两万', '十五', '２０２３']);
  });

  it('leaves out ordinary words whose numeral counts nothing', () => {
    expect(scanNumerals('进一步统一思想，千方百计扩大零售，一些队伍')).toEqual([]);
  });

  it('keeps the numeral next to an ordinary word', () => {
    expect(scanNumerals('三个一批').map((t) => t.text)).toEqual(['三']);
  });
});
