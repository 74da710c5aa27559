/**
 * Checks a growth rate stated with the increase and the current level only: the earlier level is current − increase.
 * Example: "19.3亿元 … 较2022年增加6.66亿元 同比增长52.8%" → 6.66 ÷ (19.3 − 6.66) = 52.69%, and with 19.3 standing
 * for 19.25–19.35 the rate can be 52.42%–52.96%，报告称 52.8% ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { divideIntervals, negateInterval, subtractIntervals } from '../interval.ts';
import { judgeLevelChanges } from '../level-changes.ts';
import { judgeStated, operandTexts, unverifiableRelation, type RelationFinding } from '../relation-finding.ts';

/**
 * Finds statements with a current level, one change in its unit, one growth rate and no earlier level.
 * @example growthFromIncreaseCheck.run({ text, extraction })[0].message // '6.66 ÷ (19.3 − 6.66) = 52.69%，报告称 52.8% ✓'
 */
export const growthFromIncreaseCheck: Check = {
  id: 'growth-from-increase',
  reading: '按增量除以上期水平即为增速理解',
  run(input: CheckInput): RelationFinding[] {
    return judgeLevelChanges(input, ({ statement, level, previous, change }, index) => {
      const rate = statement.rates.length === 1 ? statement.rates[0] : undefined;
      if (previous || !rate) return undefined;
      if (change.quantity.unit !== level.quantity.unit || level.quantity.unit === '%' || index.isRealGrowth(statement, rate)) return undefined;
      if (!level.interval || !change.interval || !rate.interval) return unverifiableRelation('growth-from-increase', rate, [level, change]);
      const signedChange = change.sign === -1 ? negateInterval(change.interval) : change.interval;
      const earlier = subtractIntervals(level.interval, signedChange);
      const derived = divideIntervals(signedChange, earlier);
      const [c, d] = operandTexts([level, change], rate).texts;
      const expression = change.sign === -1 ? `−${d} ÷ (${c} + ${d})` : `${d} ÷ (${c} − ${d})`;
      return judgeStated('growth-from-increase', rate, derived, [level, change], expression);
    });
  },
};
