/**
 * Reads a change stated in words as no change: "居民消费价格与上年持平" is a rise of 0%, "居民消费价格涨幅基本持平" about 0%.
 * Such a result has no numeral, so extraction gives no quantity; follow-up reads it here as a figure of 0%.
 */
import type { Quantity } from '../model/quantity.ts';
import { readMetricPhrase } from './metric-phrase.ts';
import type { Figure } from './report-figures.ts';

/** "居民消费价格与上年持平", "物价同比基本持平": a subject, an optional base, 持平. */
const FLAT = /([^，,。；;：:！？\n]{2,20}?)((?:与上年|比上年|较上年|同比)?(?:基本)?持平)/gu;

/**
 * The figures of 0% change a text states in words, each with its noun and a change up (a rise of nothing).
 * @example findFlatResults('过去一年，居民消费价格与上年持平。')[0]
 * // { noun: '居民消费价格', change: 'up', quantity: { text: '与上年持平', value: 0, unit: '%' } }
 */
export function findFlatResults(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of text.matchAll(FLAT)) {
    const start = match.index + match[1]!.length;
    const words = match[2]!;
    const subject = match[1]!;
    const phrase = readMetricPhrase(`${subject}0`, subject.length);
    // "保持平稳" and the like are not 持平 of a figure; a subject must name what stayed level.
    if (phrase.noun.length < 2 || /保$|支$/u.test(subject)) continue;
    const quantity: Quantity = {
      id: `flat-${start}`,
      start,
      end: start + words.length,
      text: words,
      value: { type: 'exact', value: { mantissa: 0n, exponent: 0 } },
      unit: '%',
      kind: 'percent',
      ...(words.includes('基本') ? { comparator: '~' as const } : {}),
      provenance: 'follow-up/flat',
    };
    figures.push({
      quantity,
      phrase: { ...phrase, change: 'up', changeWord: '持平' },
      noun: phrase.noun.replace(/(?:涨幅|增幅|指数)$/u, ''),
      change: 'up',
      ...(quantity.comparator ? { comparator: quantity.comparator } : {}),
    });
  }
  return figures;
}
