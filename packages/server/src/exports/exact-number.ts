/**
 * Decides whether an exact decimal string can be written as a spreadsheet number without changing what a reader
 * sees: at most 15 significant digits (what Excel and WPS keep) and the same decimal back from the double.
 * Example: `toExactNumber('35220000')` → 35220000; `toExactNumber('12345678901234567.5')` → undefined (kept as text).
 */
import { canonicalDecimalText, parseDecimal } from '@duixian/core';

/** Excel and WPS keep 15 significant digits; more are silently replaced by zeros. */
export const MAX_SPREADSHEET_DIGITS = 15;

/** The number to write, or undefined when the decimal must stay text to stay exact (or is not a plain decimal). */
export function toExactNumber(value: string): number | undefined {
  if (parseDecimal(value.trim()) === undefined) return undefined;
  const canonical = canonicalDecimalText(value);
  if (canonical === undefined) return undefined;
  const digits = canonical.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > MAX_SPREADSHEET_DIGITS) return undefined;
  const number = Number(canonical);
  if (!Number.isFinite(number)) return undefined;
  // The shortest decimal that reads back as this double must be the value itself.
  return canonicalDecimalText(String(number)) === canonical ? number : undefined;
}
