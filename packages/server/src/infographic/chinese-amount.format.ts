/**
 * Writes an exact amount of 元 with 亿 / 万 for the infographic, as the seed page does: '2198000000' → '21.98亿元',
 * '35220000' → '3522万元'. Strings and BigInt only: a float never touches the figure.
 * (The web app has the same rule in packages/web/src/format; the two meet in core once core exports one.)
 */

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Divides a decimal string by 10^power, rounding half away from zero to `places`, trailing zeros dropped. */
export function scaleDecimalText(text: string, power: number, places: number): string {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  const digits = BigInt(whole + fraction);
  const exponent = -fraction.length - power;
  let scaled: bigint;
  if (exponent >= -places) scaled = digits * 10n ** BigInt(exponent + places);
  else {
    const drop = 10n ** BigInt(-places - exponent);
    scaled = digits / drop + ((digits % drop) * 2n >= drop ? 1n : 0n);
  }
  const body = scaled.toString().padStart(places + 1, '0');
  let result = places > 0 ? `${body.slice(0, body.length - places)}.${body.slice(body.length - places)}` : body;
  if (places > 0) result = result.replace(/\.?0+$/, '');
  return sign === '-' && scaled !== 0n ? `-${result}` : result;
}

function isAtLeastPowerOfTen(text: string, power: number): boolean {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return false;
  const whole = (match[2] ?? '').replace(/^0+/, '');
  return whole.length > power;
}

/** Formats 元 with the largest of 万亿 / 亿 / 万 it reaches, two decimals at most. */
export function formatChineseAmount(amountYuan: string, locale: 'zh' | 'en' = 'zh'): string {
  const magnitudes: readonly [number, string][] =
    locale === 'zh' ? [[12, '万亿'], [8, '亿'], [4, '万']] : [[12, ' trillion'], [9, ' billion'], [6, ' million']];
  const places = locale === 'zh' ? 2 : 3;
  const unit = locale === 'zh' ? '元' : ' yuan';
  const absolute = amountYuan.trim().replace(/^-/, '');
  for (const [power, word] of magnitudes) {
    if (isAtLeastPowerOfTen(absolute, power)) return `${scaleDecimalText(amountYuan, power, places)}${word}${unit}`;
  }
  return `${scaleDecimalText(amountYuan, 0, 2)}${unit}`;
}
