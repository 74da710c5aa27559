/**
 * Finds every written number in a normalized text: Arabic ("1,234.5", "3.5万", "1.39万亿"), Chinese ("两万",
 * "二千一百") and spelled percentages ("百分之五点五"), each with its exact value and where it stands.
 */
import type { Decimal } from '../../model/decimal.ts';
import { parseChineseNumeral, CHINESE_NUMERAL_CHARS } from '../../numbers/chinese-numeral.ts';
import { addDecimals, parseDecimal, scaleDecimal } from '../../numbers/decimal.ts';

/** One written number, before any unit is attached. */
export interface NumeralToken {
  readonly start: number;
  /** End of the number including its magnitude word (万 / 亿 / 万亿). */
  readonly end: number;
  readonly value: Decimal;
  readonly script: 'arabic' | 'chinese';
  /** Set for 百分之五 (the percent comes before the number). */
  readonly isSpelledPercent?: boolean;
  /** True when the magnitude word was written (3.5万, 两万): the number is then surely a quantity. */
  readonly hasMagnitude: boolean;
  /** The power of ten of the written Arabic magnitude: 4 for 万, 8 for 亿, 12 for 万亿, else 0. */
  readonly magnitudePower: number;
  /** 多 or 余 written after the number or inside its magnitude (110多万人, 3万多亿元): "more than". */
  readonly isMoreThan?: boolean;
}

/** What one scan finds: the numbers, and runs of numeral characters that read as no number (万村, 千方百计). */
export interface NumeralScan {
  readonly tokens: NumeralToken[];
  readonly unreadable: { readonly start: number; readonly end: number }[];
}

const MAGNITUDES: readonly (readonly [string, number])[] = [['万亿', 12], ['千亿', 11], ['亿', 8], ['万', 4], ['千', 3]];
/** 千 before these is part of the unit (千米, 千瓦, 千克), not a magnitude. */
const KILO_UNIT = /^千(?:米|瓦|克|伏|卡|帕|赫|牛|焦|吨)/u;
/** "1万6千", "1亿3千多万": a smaller magnitude written after a larger one adds to it. */
const TRAILING_PART = /^(\d)(千|百)(多|余)?(万)?/u;
const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`, 'uy');
const ARABIC_RUN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const SPELLED_PERCENT = '百分之';
const DIGIT = 1;
const CHINESE = 2;
/** For every UTF-16 code unit: 1 for an ASCII digit, 2 for a Chinese numeral character, 0 otherwise. */
const NUMERAL_START = new Uint8Array(65536);
for (let code = 0x30; code <= 0x39; code++) NUMERAL_START[code] = DIGIT;
for (const char of CHINESE_NUMERAL_CHARS) NUMERAL_START[char.charCodeAt(0)] = CHINESE;

/**
 * Scans the whole text once, left to right.
 * @example scanNumerals('投入资金3.42亿元') // [{ start: 4, end: 9, value: 342 × 10^6, script: 'arabic', … }]
 */
export function scanNumerals(text: string): NumeralScan {
  const tokens: NumeralToken[] = [];
  const unreadable: NumeralScan['unreadable'] = [];
  // Skip, by a table lookup, every character that cannot start a number: most of a report is words.
  for (let position = 0; position < text.length; position++) {
    const kind = NUMERAL_START[text.charCodeAt(position)];
    if (kind === 0) continue;
    const token = readAt(text, position);
    if (token) {
      tokens.push(token);
      position = token.end - 1;
    } else if (kind === CHINESE) {
      unreadable.push({ start: position, end: position + 1 });
    }
  }
  return { tokens, unreadable };
}

function readAt(text: string, position: number): NumeralToken | undefined {
  const char = text[position]!;
  if (char >= '0' && char <= '9') return readArabic(text, position);
  if (text.startsWith(SPELLED_PERCENT, position)) return readSpelledPercent(text, position);
  if (CHINESE_NUMERAL_CHARS.includes(char)) return readChinese(text, position);
  return undefined;
}

function readArabic(text: string, position: number): NumeralToken | undefined {
  ARABIC_RUN.lastIndex = position;
  const match = ARABIC_RUN.exec(text);
  if (!match) return undefined;
  const unsigned = parseDecimal(match[0].replaceAll(',', ''));
  if (!unsigned) return undefined;
  // "增长-3.2%": a minus right before the digits, after a word rather than a number (5-6% is a range).
  const isNegative = (text[position - 1] === '-' || text[position - 1] === '−') && !/[\dA-Za-z.]/u.test(text[position - 2] ?? '');
  const value = isNegative ? { mantissa: -unsigned.mantissa, exponent: unsigned.exponent } : unsigned;
  const start = isNegative ? position - 1 : position;
  let end = position + match[0].length;
  let magnitudePower = 0;
  let isMoreThan = false;
  // 110多万人, 3万多亿元, 1.2万亿: 多 / 余 may stand before or inside the magnitude; a magnitude is read once.
  for (let step = 0; step < 3; step++) {
    if (!isMoreThan && (text[end] === '多' || text[end] === '余') && startsMagnitude(text, end + 1)) {
      isMoreThan = true;
      end += 1;
      continue;
    }
    if (KILO_UNIT.test(text.slice(end, end + 3))) break;
    const magnitude = MAGNITUDES.find(([word, power]) => text.startsWith(word, end) && power > magnitudePower);
    if (!magnitude) break;
    magnitudePower = magnitudePower === 4 && magnitude[1] === 8 ? 12 : magnitude[1];
    end += magnitude[0].length;
  }
  let scaled = scaleDecimal(value, magnitudePower);
  const part = magnitudePower >= 4 && value.exponent >= 0 ? TRAILING_PART.exec(text.slice(end, end + 4)) : null;
  if (part) {
    const partPower = (part[2] === '千' ? 3 : 2) + (part[4] ? 4 : 0);
    if (part[3]) isMoreThan = true;
    if (partPower < magnitudePower) {
      scaled = addDecimals(scaled, scaleDecimal({ mantissa: BigInt(part[1]!), exponent: 0 }, partPower));
      end += part[0].length;
      if (!isMoreThan && (text[end] === '多' || text[end] === '余')) {
        isMoreThan = true;
        end += 1;
      }
    }
  }
  return {
    start,
    end,
    value: scaled,
    script: 'arabic',
    hasMagnitude: magnitudePower > 0,
    magnitudePower,
    ...(isMoreThan ? { isMoreThan } : {}),
  };
}

function startsMagnitude(text: string, position: number): boolean {
  return MAGNITUDES.some(([word]) => text.startsWith(word, position));
}

function readChinese(text: string, position: number): NumeralToken | undefined {
  CHINESE_RUN.lastIndex = position;
  const match = CHINESE_RUN.exec(text);
  if (!match) return undefined;
  // Try the longest run first, then shorter ones: in "十五届" all of it, in "一万亿元" all of it,
  // in "两万多人" just "两万". A run that reads as no numeral at any length is skipped one character on.
  for (let length = match[0].length; length > 0; length--) {
    const candidate = match[0].slice(0, length);
    const value = parseChineseNumeral(candidate);
    if (value) {
      return {
        start: position,
        end: position + length,
        value,
        script: 'chinese',
        hasMagnitude: /[万亿]/u.test(candidate),
        magnitudePower: 0,
      };
    }
  }
  return undefined;
}

function readSpelledPercent(text: string, position: number): NumeralToken | undefined {
  const numberStart = position + SPELLED_PERCENT.length;
  const inner = /\d/.test(text[numberStart] ?? '') ? readArabic(text, numberStart) : readChinese(text, numberStart);
  if (!inner || inner.hasMagnitude) return undefined;
  return { ...inner, start: position, isSpelledPercent: true };
}
