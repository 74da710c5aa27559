/**
 * Reads calendar dates given as ISO strings ('2024-06-30') into day numbers, with no clock and no time zone.
 * Example: toDayNumber('2024-01-01', 'start') → 19723 (days since 1970-01-01).
 */

/** Character code of '0'; a digit's value is its code minus this. */
const ZERO = 48;
const DASH = 45;

/**
 * Days since 1970-01-01 for a valid ISO calendar date; throws a RangeError naming `field` otherwise.
 * Years 0000–0099 are not valid: they were read through `Date.UTC`, which maps them to 1900–1999.
 * Example: toDayNumber('2024-02-30', 'deadline') throws "deadline: '2024-02-30' is not a valid date (YYYY-MM-DD)".
 */
export function toDayNumber(text: string, field: string): number {
  const day = readDayNumber(text);
  if (day === undefined) throw new RangeError(`${field}: '${text}' is not a valid date (YYYY-MM-DD)`);
  return day;
}

/** The day number of `YYYY-MM-DD`, or undefined; read character by character (a regex and a Date cost more). */
function readDayNumber(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 7);
  const day = readDigits(text, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The whole number written by the ASCII digits text[from, to), or -1 when one of them is not a digit. */
function readDigits(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar, by 400-year eras of 146097 days (year ≥ 1). */
function daysFromCivil(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
