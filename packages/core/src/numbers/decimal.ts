/**
 * Exact decimal arithmetic on { mantissa, exponent } values: "21.98" → 2198 × 10^-2.
 * Only what core needs: parse, print, scale by powers of ten, add, compare.
 */
import type { Decimal } from '../model/decimal.ts';

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain ASCII decimal string exactly, keeping trailing zeros as stated precision.
 * @example parseDecimal('21.980') // { mantissa: 21980n, exponent: -3 }
 */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  const digits = BigInt(whole + fraction);
  return { mantissa: sign === '-' ? -digits : digits, exponent: fraction.length === 0 ? 0 : -fraction.length };
}

/**
 * Multiplies by 10^power without losing the stated precision.
 * @example scaleDecimal({ mantissa: 2198n, exponent: -2 }, 8) // 21.98亿 → { mantissa: 2198n, exponent: 6 }
 */
export function scaleDecimal(value: Decimal, power: number): Decimal {
  return { mantissa: value.mantissa, exponent: value.exponent + power };
}

/**
 * Prints the exact value in plain notation, without exponent: 2198 × 10^6 → '2198000000'.
 * @example formatDecimal({ mantissa: 528n, exponent: -1 }) // '52.8'
 */
export function formatDecimal(value: Decimal): string {
  const negative = value.mantissa < 0n;
  const digits = (negative ? -value.mantissa : value.mantissa).toString();
  let text: string;
  if (value.exponent >= 0) {
    text = digits === '0' ? '0' : digits + '0'.repeat(value.exponent);
  } else {
    const places = -value.exponent;
    const padded = digits.padStart(places + 1, '0');
    text = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  }
  return negative ? `-${text}` : text;
}

/** Brings two decimals to a common exponent, for exact comparison and addition. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [
    a.mantissa * 10n ** BigInt(a.exponent - exponent),
    b.mantissa * 10n ** BigInt(b.exponent - exponent),
    exponent,
  ];
}

/**
 * Exact sum; the exponent is the finer of the two.
 * @example addDecimals(parseDecimal('3.42')!, parseDecimal('0.3522')!) // 3.7722
 */
export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = align(a, b);
  return { mantissa: x + y, exponent };
}

/** Exact product: 1.5 × 2.25 = 3.375. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent };
}

/** Negation: 5.2 → -5.2. */
export function negateDecimal(a: Decimal): Decimal {
  return { mantissa: -a.mantissa, exponent: a.exponent };
}

/**
 * Exact three-way comparison: -1, 0 or 1.
 * @example compareDecimals(parseDecimal('2.50')!, parseDecimal('2.5')!) // 0
 */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the two decimals denote the same number, whatever their written precision. */
export function isSameDecimal(a: Decimal, b: Decimal): boolean {
  return compareDecimals(a, b) === 0;
}

/**
 * The value as a JavaScript number, for JSON and charts only: throws where the conversion would lose digits
 * (STYLE.md: a guard throws on silent loss). Use `formatDecimal` for those.
 */
export function decimalToNumber(value: Decimal): number {
  const text = formatDecimal(value);
  const number = Number(text);
  if (!isExactNumber(value, number)) throw new RangeError(`decimal ${text} does not fit a double exactly`);
  return number;
}

/** True when `number` printed back gives exactly `value`. */
export function isExactNumber(value: Decimal, number: number): boolean {
  const back = parseDecimal(number.toString().includes('e') ? number.toFixed(20).replace(/\.?0+$/, '') : number.toString());
  return back !== undefined && isSameDecimal(back, value);
}
