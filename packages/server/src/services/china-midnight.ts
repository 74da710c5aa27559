/**
 * Time until the next midnight in China Standard Time (UTC+8 all year: China has kept no daylight saving time since
 * 1991), when every schedule status moves a day. Example: 2024-06-30T15:59:00Z (23:59 in Beijing) → 60,000 ms.
 */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function msUntilNextChinaMidnight(now: Date): number {
  const sinceMidnight = (((now.getTime() + CHINA_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return DAY_MS - sinceMidnight;
}
