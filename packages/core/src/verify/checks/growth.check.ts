/**
 * Checks a stated growth rate against the two levels it compares: current, previous and 同比增长 / 比上年下降.
 * Example: "21.98亿元 较2022年15.22亿元 同比增长44.4%" → (21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓.
 * Growth of GDP and value added, or said to be at comparable prices, is real growth and is left alone.
 */
import type { Check, CheckInput } from '../check.ts';
import { divideIntervals, subtractIntervals } from '../interval.ts';
import { indexRelations } from '../relation-index.ts';
import { judgeStated, operandTexts, unverifiableRelation, type RelationFinding } from '../relation-finding.ts';

/**
 * Finds statements with a current level, the earlier level it is compared with and one growth rate.
 * @example growthCheck.run({ text, extraction })[0].message // '(21.98 − 15.22) ÷ 15.22 = 44.42%，报告称 44.4% ✓'
 */
export const growthCheck: Check = {
  id: 'growth',
  reading: '按“增长X%”为同一指标本期对上期之比理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const statement of index.statements) {
      const { level, previous } = statement;
      const rate = statement.rates.length === 1 ? statement.rates[0] : undefined;
      if (!level || !previous || !rate || level.quantity.unit !== previous.quantity.unit) continue;
      if (level.quantity.unit === '%' || index.isRealGrowth(statement, rate)) continue;
      if (!level.interval || !previous.interval || !rate.interval) {
        findings.push(unverifiableRelation('growth', rate, [level, previous]));
        continue;
      }
      const derived = divideIntervals(subtractIntervals(level.interval, previous.interval), previous.interval);
      const [c, p] = operandTexts([level, previous], rate).texts;
      findings.push(judgeStated('growth', rate, derived, [level, previous], `(${c} − ${p}) ÷ ${p}`));
    }
    return findings;
  },
};
