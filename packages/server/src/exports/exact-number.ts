/**
 * Decides whether an exact decimal string can be written as a spreadsheet number without changing what a reader
 * sees: at most 15 significant digits (what Excel and WPS keep) and the same decimal back from the double.
 * Example: `toExactNumber('35220000')` → 35220000; `toExactNumber('12345678901234567.5')` → undefined (kept as text).
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Excel and WPS keep 15 significant digits; more are silently replaced by zeros. */
export const MAX_SPREADSHEET_DIGITS = 15;

/** The decimal written without superfluous zeros: '0035.50' → '35.5', '-0.0' → '0'. */
export function canonicalDecimal(value: string): string | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return undefined;
  const sign = match[1] ?? '';
  const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return /^0(\.0*)?$/.test(body) ? '0' : `${sign}${body}`;
}

/** The number to write, or undefined when the decimal must stay text to stay exact. */
export function toExactNumber(value: string): number | undefined {
  const canonical = canonicalDecimal(value);
  if (canonical === undefined) return undefined;
  const digits = canonical.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > MAX_SPREADSHEET_DIGITS) return undefined;
  const number = Number(canonical);
  if (!Number.isFinite(number)) return undefined;
  // The shortest decimal that reads back as this double must be the value itself (exponent notation never matches).
  return canonicalDecimal(String(number)) === canonical ? number : undefined;
}
