/**
 * Checks a stated increase or decrease (增加 / 增支 / 减少) against the two levels it separates.
 * Example: "21.98亿元 较2022年15.22亿元 … 增支6.76亿元" → 21.98 − 15.22 = 6.76亿元，报告称 6.76亿元 ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { subtractIntervals } from '../interval.ts';
import { indexRelations } from '../relation-index.ts';
import { judgeStated, operandTexts, unverifiableRelation, type RelationFinding } from '../relation-finding.ts';

/**
 * Finds statements with a current level, the earlier level and one change in their unit.
 * @example differenceCheck.run({ text, extraction })[0].message // '21.98 − 15.22 = 6.76亿元，报告称 6.76亿元 ✓'
 */
export const differenceCheck: Check = {
  id: 'difference',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const statement of index.statements) {
      const { level, previous } = statement;
      const change = statement.changes.length === 1 ? statement.changes[0] : undefined;
      if (!level || !previous || !change) continue;
      const unit = level.quantity.unit;
      if (previous.quantity.unit !== unit || change.quantity.unit !== unit) continue;
      if (!level.interval || !previous.interval || !change.interval) {
        findings.push(unverifiableRelation('difference', change, [level, previous]));
        continue;
      }
      const derived = subtractIntervals(level.interval, previous.interval);
      const [c, p] = operandTexts([level, previous], change).texts;
      findings.push(judgeStated('difference', change, derived, [level, previous], `${c} − ${p}`, undefined, 6));
    }
    return findings;
  },
};
