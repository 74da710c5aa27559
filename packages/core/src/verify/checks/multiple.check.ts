/**
 * Checks a stated multiple (增长2倍 = three times; 是…的3倍 = three times) against both levels it compares.
 * Example: "从10亿元增加到30亿元，增长2倍" → 30 ÷ 10 − 1 = 2倍，报告称 2倍 ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { divideIntervals, exactInterval, rational, subtractIntervals } from '../interval.ts';
import { indexRelations } from '../relation-index.ts';
import { judgeStated, operandTexts, type RelationFinding } from '../relation-finding.ts';

const GROWTH_WORDS = /(增长|增加|提高|扩大|上升)了?$/;

/**
 * Finds statements with both levels and one multiple written as a number of 倍.
 * @example multipleCheck.run({ text, extraction })[0].message // '30 ÷ 10 − 1 = 2倍，报告称 2倍 ✓'
 */
export const multipleCheck: Check = {
  id: 'multiple',
  reading: '按“增长N倍”为增至原来的N+1倍、“是…的N倍”为原来的N倍理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const statement of index.statements) {
      const { level, previous } = statement;
      const multiple = statement.multiples.length === 1 ? statement.multiples[0] : undefined;
      if (!level?.interval || !previous?.interval || !multiple?.interval || level.quantity.unit !== previous.quantity.unit) continue;
      if (/番/.test(multiple.quantity.text) || index.isRealGrowth(statement, multiple)) continue;
      const ratio = divideIntervals(level.interval, previous.interval);
      const isGrowth = GROWTH_WORDS.test(multiple.before);
      const derived = ratio && isGrowth ? subtractIntervals(ratio, exactInterval(rational(1n))) : ratio;
      const [b, a] = operandTexts([level, previous]).texts;
      findings.push(judgeStated('multiple', multiple, derived, [level, previous], isGrowth ? `${b} ÷ ${a} − 1` : `${b} ÷ ${a}`, multiple.interval));
    }
    return findings;
  },
};
