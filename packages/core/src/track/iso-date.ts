/**
 * Reads calendar dates given as ISO strings ('2024-06-30') into day numbers, with no clock and no time zone.
 * Example: toDayNumber('2024-01-01', 'start') → 19723 (days since 1970-01-01).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a valid ISO calendar date; throws a RangeError naming `field` otherwise.
 * Example: toDayNumber('2024-02-30', 'deadline') throws "deadline: '2024-02-30' is not a valid date (YYYY-MM-DD)".
 */
export function toDayNumber(text: string, field: string): number {
  const match = ISO_DATE.exec(text);
  const fail = (): never => {
    throw new RangeError(`${field}: '${text}' is not a valid date (YYYY-MM-DD)`);
  };
  if (!match) return fail();
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) fail();
  return Math.round(time / 86_400_000);
}
