/**
 * Reads Chinese numerals exactly: "二千一百" → 2100, "两万" → 20000, "十五" → 15, "五点五" → 5.5, "壹佰" → 100.
 */
import type { Decimal } from '../model/decimal.ts';

const DIGITS: Readonly<Record<string, bigint>> = {
  零: 0n, 〇: 0n, 一: 1n, 二: 2n, 两: 2n, 三: 3n, 四: 4n, 五: 5n, 六: 6n, 七: 7n, 八: 8n, 九: 9n,
  壹: 1n, 贰: 2n, 叁: 3n, 肆: 4n, 伍: 5n, 陆: 6n, 柒: 7n, 捌: 8n, 玖: 9n,
};
const SMALL_UNITS: Readonly<Record<string, bigint>> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const LARGE_UNITS: Readonly<Record<string, bigint>> = { 万: 10_000n, 亿: 100_000_000n };

/** Every character a Chinese numeral may contain, for scanners. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Parses a whole Chinese numeral, or returns undefined when the characters do not form one.
 * The exponent states the precision: 两万 → 2 × 10^4 (the text says nothing below ten thousand).
 * @example parseChineseNumeral('二千一百') // { mantissa: 21n, exponent: 2 }
 */
export function parseChineseNumeral(text: string): Decimal | undefined {
  if (text.length === 0) return undefined;
  const point = text.indexOf('点');
  if (point >= 0) return parseWithFraction(text.slice(0, point), text.slice(point + 1));
  if (isDigitString(text)) return trimTrailingZeros(BigInt([...text].map((c) => DIGITS[c]!.toString()).join('')));
  const value = parseStructured(text);
  return value === undefined ? undefined : trimTrailingZeros(value);
}

function isDigitString(text: string): boolean {
  // "二〇二三" reads digit by digit; "三五" (three to five) does not, so short runs need a 〇 to count.
  const isDigits = [...text].every((c) => c in DIGITS && c !== '两');
  return isDigits && (text.length >= 3 || text.includes('〇'));
}

function parseWithFraction(whole: string, fraction: string): Decimal | undefined {
  if (whole.length === 0 || fraction.length === 0 || ![...fraction].every((c) => c in DIGITS)) return undefined;
  const integer = parseStructured(whole);
  if (integer === undefined) return undefined;
  const fractionDigits = [...fraction].map((c) => DIGITS[c]!.toString()).join('');
  return { mantissa: BigInt(integer.toString() + fractionDigits), exponent: -fraction.length };
}

/** 十五 → 15, 一百零五 → 105, 三万五千 → 35000, 一万亿 → 10^12. */
function parseStructured(text: string): bigint | undefined {
  let total = 0n;
  let section = 0n; // below the current 万 / 亿
  let digit: bigint | undefined;
  let lastLarge = 0n;
  for (const char of text) {
    if (char in DIGITS) {
      if (digit !== undefined && digit !== 0n && DIGITS[char] !== 0n) return undefined; // 三五 is no numeral
      digit = DIGITS[char]!;
    } else if (char in SMALL_UNITS) {
      const unit = SMALL_UNITS[char]!;
      section += (digit ?? 1n) * unit; // 十五: a bare 十 counts one ten
      digit = undefined;
    } else if (char in LARGE_UNITS) {
      const unit = LARGE_UNITS[char]!;
      const value = section + (digit ?? 0n);
      if (value === 0n && total === 0n) return undefined;
      if (lastLarge !== 0n && unit > lastLarge) {
        // 一万亿: 亿 scales everything read so far
        total = (total + value) * unit;
      } else {
        total += value * unit;
      }
      lastLarge = unit;
      section = 0n;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0n);
}

function trimTrailingZeros(value: bigint): Decimal {
  let mantissa = value;
  let exponent = 0;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent };
}
