/**
 * Dates and times as a 督查室 reads them, in China time (Asia/Shanghai) whatever the browser's zone:
 * chinaDate(new Date('2026-12-03T17:30:00Z')) → '2026-12-04'; formatChinaDateTime('2026-12-03T17:30:00Z') → '2026-12-04 01:30'.
 */

const CHINA_TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaParts(moment: Date): Record<string, string> {
  return Object.fromEntries(PARTS.formatToParts(moment).map((part) => [part.type, part.value]));
}

/**
 * The calendar day in China at a moment, as 'YYYY-MM-DD' (a report date default, not the UTC day).
 * @example chinaDate(new Date('2026-12-03T16:00:00Z')) // '2026-12-04'
 */
export function chinaDate(moment: Date): string {
  const parts = chinaParts(moment);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * A timestamp from the server (ISO 8601 with its offset) written in China time to the minute; text that is not
 * a timestamp comes back unchanged.
 * @example formatChinaDateTime('2026-12-03T02:05:00.000Z') // '2026-12-03 10:05'
 */
export function formatChinaDateTime(timestamp: string): string {
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return timestamp;
  const parts = chinaParts(moment);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
