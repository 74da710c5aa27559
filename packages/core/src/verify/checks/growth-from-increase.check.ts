/**
 * Checks a growth rate stated with the increase and the current level only: the earlier level is current − increase.
 * Example: "19.3亿元 … 较2022年增加6.66亿元 同比增长52.8%" → 6.66 ÷ (19.3 − 6.66) = 52.69%, and with 19.3 standing
 * for 19.25–19.35 the rate can be 52.42%–52.96%，报告称 52.8% ✓.
 * The increase may also be the year's increment written before its new total: "净增12万户、总数达到30万户，增长66.7%"
 * (exact), "新增12家、总数达到30家，增长60%" (新增 counts what came, not what left: the growth is at most 12 ÷ 18).
 */
import type { Check, CheckInput } from '../check.ts';
import { namesSubject } from '../figure-role.ts';
import { cleanMetric, sameUnit, type Figure } from '../figure.ts';
import { divideIntervals, negateInterval, ratCompare, subtractIntervals } from '../interval.ts';
import { judgeLevelChanges } from '../level-changes.ts';
import { indexRelations, type RelationIndex } from '../relation-index.ts';
import { judgeStated, operandTexts, shownFigure, showInScale, signedInterval, unverifiableRelation, type RelationFinding } from '../relation-finding.ts';

/** Words of a total's clause that say it is the stock the increment went into: "总数达到", "累计达". */
const TOTAL_WORDS = /总数|总量|总计|累计|达到|达|增至|增加到|增长到|共有|共计/;
const NET = /净增/;
const GROSS = /新增/;
const NET_READING = '按“净增…总数”理解：增速 = 净增 ÷（总数 − 净增）';
const GROSS_READING = '按“新增…总数”理解：新增未扣除退出，增速不超过 新增 ÷（总数 − 新增）';

/**
 * The increment written right before a total of its own subject: the figure before it in its sentence, in its unit,
 * worded 新增 / 净增 and with no rate of its own; the total's clause names no other subject than the increment's.
 */
function incrementBefore(index: RelationIndex, total: Figure): Figure | undefined {
  const increment = index.figures[total.order - 1];
  if (!increment || increment.sentence !== total.sentence || increment.role !== 'level' || !sameUnit(increment, total)) return undefined;
  if (!NET.test(increment.clause) && !GROSS.test(increment.clause)) return undefined;
  const own = index.statementOf.get(increment);
  if (own && (own.rates.length > 0 || own.changes.length > 0 || own.previous)) return undefined;
  if (!TOTAL_WORDS.test(total.clause)) return undefined;
  const subject = cleanMetric(increment.metric.replace(/新增|净增/g, ''));
  const named = cleanMetric(total.clause.replace(TOTAL_WORDS, ''));
  return !namesSubject(named) || (subject.length >= 2 && named.includes(subject)) ? increment : undefined;
}

/** Judges "新增 / 净增 X、总数 Y，增长 Z%" for each statement of a total with one rate and nothing else. */
function judgeNewTotals(input: CheckInput): RelationFinding[] {
  const index = indexRelations(input.text, input.extraction);
  const findings: RelationFinding[] = [];
  for (const statement of index.statements) {
    const { level: total, previous } = statement;
    const rate = statement.rates.length === 1 ? statement.rates[0] : undefined;
    if (!total || !rate || previous || statement.changes.length > 0 || total.quantity.unit === '%' || index.isRealGrowth(statement, rate)) continue;
    const increment = incrementBefore(index, total);
    if (!increment) continue;
    if (!total.interval || !increment.interval || !rate.interval) {
      findings.push(unverifiableRelation('growth-from-increase', rate, [total, increment]));
      continue;
    }
    const derived = divideIntervals(increment.interval, subtractIntervals(total.interval, increment.interval));
    const [t, n] = operandTexts([total, increment], rate).texts;
    const expression = `${n} ÷ (${t} − ${n})`;
    if (NET.test(increment.clause)) {
      findings.push({ ...judgeStated('growth-from-increase', rate, derived, [total, increment], expression), reading: NET_READING });
      continue;
    }
    const stated = signedInterval(rate);
    if (!derived || !stated) continue;
    // a gross increment bounds the growth from above only: the stated rate contradicts it when even its lowest value is higher
    const isPossible = ratCompare(stated.low, derived.high) <= 0;
    const head =
      `新增${shownFigure(increment)}、总数${shownFigure(total)}：增速至多为 ${expression} = ${showInScale(derived.point, rate)}` +
      `（按各数书写精度不超过 ${showInScale(derived.high, rate, 2)}；新增之外若有退出则更低）`;
    findings.push({
      check: 'growth-from-increase',
      verdict: isPossible ? 'consistent' : 'inconsistent',
      stated: rate.quantity.id,
      quantities: [total.quantity.id, increment.quantity.id],
      reading: GROSS_READING,
      message: `${head}，报告称 ${shownFigure(rate)}${isPossible ? '，未超过 ✓' : '，超过了上限 ✗'}`,
    });
  }
  return findings;
}

/**
 * Finds statements with a current level, one change in its unit, one growth rate and no earlier level.
 * @example growthFromIncreaseCheck.run({ text, extraction })[0].message // '6.66 ÷ (19.3 − 6.66) = 52.69%，报告称 52.8% ✓'
 */
export const growthFromIncreaseCheck: Check = {
  id: 'growth-from-increase',
  reading: '按增量除以上期水平即为增速理解',
  run(input: CheckInput): RelationFinding[] {
    return [...judgeLevelChanges(input, ({ statement, level, previous, change }, index) => {
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
    }), ...judgeNewTotals(input)];
  },
};
