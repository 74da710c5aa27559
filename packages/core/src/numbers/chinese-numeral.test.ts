import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal.ts';
import { parseChineseNumeral } from './chinese-numeral.ts';

const read = (text: string) => {
  const value = parseChineseNumeral(text);
  return value === undefined ? undefined : formatDecimal(value);
};

describe('parseChineseNumeral', () => {
  it.each([
    ['十五', '15'], ['二千一百', '2100'], ['两万', '20000'], ['一百零五', '105'], ['三十五', '35'],
    ['三万五千', '35000'], ['一万亿', '1000000000000'], ['五点五', '5.5'], ['壹佰', '100'], ['贰拾叁', '23'],
    ['二〇二三', '2023'], ['十', '10'], ['两', '2'], ['九', '9'], ['一亿二千万', '120000000'],
  ])('reads %s as %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
  it('keeps the stated precision of 两万 (ten thousands)', () => {
    expect(parseChineseNumeral('两万')).toEqual({ mantissa: 2n, exponent: 4 });
  });
  it.each(['', '三五', '万', '点五', '五点', '千万亿x'])('reads nothing from %j', (text) => {
    expect(read(text)).toBeUndefined();
  });
});
