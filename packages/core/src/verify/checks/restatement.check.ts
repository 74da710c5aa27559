/**
 * Checks that a fact stated twice (in the text and again in an infographic) has the same value both times.
 * Example: "全年将87.8%的支出用于保障民生…投入资金增加了6.66亿元，同比增长52.8%" and the infographic's
 * "占财政总支出87.8% 较2022年增加6.66亿元 同比增长52.8%" → three restatements, each ✓.
 * Also one figure restated at once in another form: "3.05万吨（30,500吨）" ✓, "3.05万吨（35,500吨）" ✗; and one
 * metric with one growth rate stated twice far apart: "粮食产量3.05万吨，增长2.1%" … "粮食产量 | 35,500吨 | 2.1%" ✗.
 */
import type { Check, CheckInput } from '../check.ts';
import { indexRelations } from '../relation-index.ts';
import { intervalsMeet, ratCompare, ratMul, rational, type Interval } from '../interval.ts';
import { findAppositionPairs } from '../restatement-pairs.ts';
import { findSameMetricPairs, namesOtherPeriod, type MetricStatement } from '../same-metric-pairs.ts';
import { judgeStated, shownFigure, signedInterval, type RelationFinding } from '../relation-finding.ts';

const APPOSITION_READING = '按括号或“即”后的数字为前一数字换一种写法理解';
const SAME_METRIC_READING = '按两处指标名称相同、增速相同，为同一指标同一时期理解';
const HUNDRED = rational(100n);

/** True when one value is a hundred times the other or more. */
function areFarApart(a: Interval, b: Interval): boolean {
  const [small, large] = ratCompare(a.point, b.point) <= 0 ? [a.point, b.point] : [b.point, a.point];
  return ratCompare(large, ratMul(small, HUNDRED)) >= 0;
}

/** One metric with one growth rate stated twice: the later value held to the earlier, each to its written precision. */
function judgeSameMetric(text: string, later: MetricStatement, earlier: MetricStatement): RelationFinding {
  const base = { check: 'restatement', stated: later.stated, quantities: earlier.figure ? [earlier.stated] : [], reading: SAME_METRIC_READING };
  const both = `前文称 ${earlier.metric}${earlier.shown}，此处称 ${later.shown}`;
  if (intervalsMeet(later.values, earlier.values)) return { ...base, verdict: 'consistent', message: `${both}，增速相同，前后一致 ✓` };
  if (areFarApart(later.values, earlier.values)) {
    return { ...base, verdict: 'questionable', message: `${both}，名称与增速相同而数值相差百倍以上，可能是单位或上标在文本中丢失，需复核` };
  }
  if (namesOtherPeriod(text, later, earlier)) {
    return { ...base, verdict: 'questionable', message: `${both}，名称与增速相同而数值不符，但两处所说的年份或口径可能不同，需复核` };
  }
  return { ...base, verdict: 'inconsistent', message: `${both}，名称与增速相同而数值不符（按各自书写精度也不相交）✗` };
}

/**
 * Judges each pair of statements of the same fact the index lined up.
 * @example restatementCheck.run({ text, extraction })[0].message // '前文称 87.8%，此处称 87.8%，前后一致 ✓'
 */
export const restatementCheck: Check = {
  id: 'restatement',
  reading: '按前后两处说的是同一指标、同一时期理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const findings: RelationFinding[] = [];
    const index = indexRelations(text, extraction);
    for (const [later, earlier] of index.restatements) {
      const finding = judgeStated('restatement', later, signedInterval(earlier), [earlier], `前文所称 ${shownFigure(earlier)}`);
      const message =
        finding.verdict === 'consistent'
          ? `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，前后一致 ✓`
          : `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，同一数字前后不符 ✗`;
      findings.push({ ...finding, message });
    }
    // "3.05万吨（30,500吨）": one figure written twice in two magnitudes of its unit, honouring the shorter one's rounding
    for (const [later, earlier] of findAppositionPairs(text, index.figures)) {
      const finding = judgeStated('restatement', later, earlier.interval, [earlier], `前文所称 ${shownFigure(earlier)}`, later.interval);
      if (finding.verdict === 'consistent') {
        findings.push({ ...finding, message: `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，前后一致 ✓`, reading: APPOSITION_READING });
      } else if (later.interval && earlier.interval && areFarApart(later.interval, earlier.interval)) {
        // "一百亿亿次（1018次）": a restatement a hundred times off or more is a notation the text lost (10¹⁸), not a misprint
        findings.push({
          ...finding,
          verdict: 'questionable',
          message: `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，相差百倍以上，可能是上标等写法在文本中丢失，需复核`,
          reading: APPOSITION_READING,
        });
      } else {
        findings.push({ ...finding, message: `前文称 ${shownFigure(earlier)}，此处称 ${shownFigure(later)}，同一数字前后不符 ✗`, reading: APPOSITION_READING });
      }
    }
    // "粮食产量3.05万吨，增长2.1%" … "粮食产量 | 30,500吨 | 2.1%": one metric with one growth rate, stated twice far apart
    const judged = new Set(findings.map((f) => f.stated));
    for (const [later, earlier] of findSameMetricPairs(text, index.segments, index.statements, index.figures)) {
      if (judged.has(later.stated)) continue;
      findings.push(judgeSameMetric(text, later, earlier));
    }
    return findings;
  },
};
