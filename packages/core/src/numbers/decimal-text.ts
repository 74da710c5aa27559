/**
 * Exact decimal strings for display, with BigInt and no floats: "2198000000" ÷ 10^8 rounded to 2 places → "21.98".
 * The web app and the server's infographic get amounts as plain decimal strings ("35220000", "-6.5", NUMERIC's
 * "1930000000.00"); this file shifts, rounds, groups and adds them as text. (decimal.ts keeps a value's stated
 * precision for checking; here a figure is only being shown.)
 */

/** A decimal string split into sign, digits and the power of ten of the last digit: "-6.50" → { negative, digits: 650n, exponent: -2 }. */
export interface ParsedDecimalText {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads "2198000000", "-6.5", "44.40" or "1e3"; undefined for anything else. */
export function parseDecimalText(text: string): ParsedDecimalText | undefined {
  const match = DECIMAL_TEXT.exec(text.trim().replace(/,/g, ''));
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', power = '0'] = match;
  return { negative: sign === '-', digits: BigInt(whole + fraction), exponent: Number(power) - fraction.length };
}

/**
 * Divides by 10^power and rounds half away from zero to at most `places` decimals, dropping trailing zeros.
 * @example shiftAndRound('2198000000', 8, 2) // '21.98'
 */
export function shiftAndRound(text: string, power: number, places: number): string | undefined {
  const parsed = parseDecimalText(text);
  if (!parsed) return undefined;
  let digits = parsed.digits;
  const exponent = parsed.exponent - power;
  let scaled: bigint;
  if (exponent >= -places) {
    scaled = digits * 10n ** BigInt(exponent + places);
  } else {
    const drop = 10n ** BigInt(-places - exponent);
    scaled = digits / drop;
    if ((digits % drop) * 2n >= drop) scaled += 1n;
  }
  digits = scaled;
  let body = digits.toString().padStart(places + 1, '0');
  let result = places > 0 ? `${body.slice(0, body.length - places)}.${body.slice(body.length - places)}` : body;
  if (places > 0) result = result.replace(/\.?0+$/, '');
  body = result;
  return parsed.negative && digits !== 0n ? `-${body}` : body;
}

/**
 * The exact value in plain notation with thousands separators: "2198000000" → "2,198,000,000"; "1234.5" → "1,234.5".
 */
export function groupThousands(text: string): string | undefined {
  const parsed = parseDecimalText(text);
  if (!parsed) return undefined;
  const plain = shiftAndRound(text, 0, Math.max(0, -parsed.exponent));
  if (plain === undefined) return undefined;
  const negative = plain.startsWith('-');
  const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Compares the magnitude of a decimal string with 10^power: "35220000" vs 8 → -1. */
export function compareMagnitude(text: string, power: number): -1 | 0 | 1 {
  const parsed = parseDecimalText(text);
  if (!parsed || parsed.digits === 0n) return -1;
  const digits = parsed.digits.toString();
  // value = digits × 10^exponent; compare with 10^power exactly
  const shift = parsed.exponent - power;
  if (shift >= 0) {
    const value = parsed.digits * 10n ** BigInt(shift);
    return value > 1n ? 1 : value === 1n ? 0 : -1;
  }
  const one = 10n ** BigInt(-shift);
  return parsed.digits > one ? 1 : parsed.digits === one ? 0 : digits.length > 0 ? -1 : -1;
}

/**
 * Exact sum of two decimal strings: addDecimalTexts('342000000', '35220000.5') → '377220000.5'.
 * Text that is not a number yields the other operand unchanged.
 */
export function addDecimalTexts(a: string, b: string): string {
  const x = parseDecimalText(a);
  const y = parseDecimalText(b);
  if (!x) return b;
  if (!y) return a;
  const exponent = Math.min(x.exponent, y.exponent);
  const sx = (x.negative ? -1n : 1n) * x.digits * 10n ** BigInt(x.exponent - exponent);
  const sy = (y.negative ? -1n : 1n) * y.digits * 10n ** BigInt(y.exponent - exponent);
  const sum = sx + sy;
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString();
  if (exponent >= 0) return `${negative ? '-' : ''}${digits}${'0'.repeat(exponent)}`;
  const padded = digits.padStart(-exponent + 1, '0');
  const text = `${padded.slice(0, padded.length + exponent)}.${padded.slice(padded.length + exponent)}`.replace(/\.?0+$/, '');
  return `${negative ? '-' : ''}${text}`;
}
