import { describe, expect, it } from 'vitest';
import { addDecimalTexts, canonicalDecimalText, compareMagnitude, groupThousands, parseDecimalText, shiftAndRound } from './decimal-text.ts';

describe('decimal text, read into the one exact form', () => {
  it('reads what people and databases write', () => {
    expect(parseDecimalText('-6.50')).toEqual({ mantissa: -650n, exponent: -2 });
    expect(parseDecimalText(' 1,234.5 ')).toEqual({ mantissa: 12345n, exponent: -1 });
    expect(parseDecimalText('1e3')).toEqual({ mantissa: 1n, exponent: 3 });
    expect(parseDecimalText('21.98亿')).toBeUndefined();
  });

  it('writes a decimal without superfluous zeros', () => {
    expect(canonicalDecimalText('0035.500')).toBe('35.5');
    expect(canonicalDecimalText('-0.00')).toBe('0');
    expect(canonicalDecimalText('2198000000.00')).toBe('2198000000');
    expect(canonicalDecimalText('1e+21')).toBe('1000000000000000000000');
  });

  it('shifts and rounds half away from zero, on both sides of zero', () => {
    expect(shiftAndRound('2198000000', 8, 2)).toBe('21.98');
    expect(shiftAndRound('2198500000', 8, 2)).toBe('21.99');
    expect(shiftAndRound('-2198500000', 8, 2)).toBe('-21.99');
    expect(shiftAndRound('-400', 8, 2)).toBe('0');
    expect(shiftAndRound('35220000', 4, 0)).toBe('3522');
  });

  it('groups thousands of the exact value', () => {
    expect(groupThousands('2198000000')).toBe('2,198,000,000');
    expect(groupThousands('-1234.50')).toBe('-1,234.5');
  });

  it('compares a magnitude with a power of ten, whatever the sign', () => {
    expect(compareMagnitude('35220000', 8)).toBe(-1);
    expect(compareMagnitude('100000000', 8)).toBe(0);
    expect(compareMagnitude('-100000001', 8)).toBe(1);
    expect(compareMagnitude('0', 0)).toBe(-1);
  });

  it('adds exactly, beyond what a double holds', () => {
    expect(addDecimalTexts('342000000', '35220000.5')).toBe('377220000.5');
    expect(addDecimalTexts('9007199254740993', '0.1')).toBe('9007199254740993.1');
    expect(addDecimalTexts('x', '5')).toBe('5');
  });
});
