/**
 * Checks a whole against its parts: a list that sets out the whole must add up to it; the parts after 其中 may
 * leave some out but can never add up to more than the whole, and no part can be larger than it.
 * Example: "农业总产值282563万元…其中：种植业1130577万元" → the part alone exceeds the whole ✗;
 * the seed's six 方面 paragraphs: 3.42亿元 + 3522万元 + … = 19.2969亿元，报告称 19.3亿元 ✓.
 */
import type { Check, CheckInput } from '../check.ts';
import { addIntervals, formatRational, ratCompare, ratSub, type Interval } from '../interval.ts';
import { indexRelations, type PartsList } from '../relation-index.ts';
import { judgeStated, operandTexts, shownFigure, showInScale, type RelationFinding } from '../relation-finding.ts';

function judgeList(list: PartsList): RelationFinding | undefined {
  const finding = judgeParts(list);
  // A 其中 without a colon may speak only of its own clause: the list is wrong only if it is wrong under that reading too.
  if (finding?.verdict !== 'inconsistent' || list.clauseParts === undefined) return finding;
  if (list.clauseParts === 0) return undefined;
  const narrow = judgeParts({ ...list, parts: list.parts.slice(0, list.clauseParts) });
  return narrow && { ...narrow, reading: '按“其中”后无冒号、只管到本分句理解' };
}

function judgeParts(list: PartsList): RelationFinding | undefined {
  const total = list.total;
  const totalInterval = total.looseInterval;
  if (!totalInterval) return undefined;
  let sum: Interval | undefined;
  for (const part of list.parts) {
    if (!part.looseInterval) return undefined;
    sum = sum ? addIntervals(sum, part.looseInterval) : part.looseInterval;
  }
  if (!sum) return undefined;
  const expression = operandTexts(list.parts).texts.join(' + ');
  if (list.isExhaustive) {
    const finding = judgeStated('parts-sum', total, sum, list.parts, expression, totalInterval, 6);
    if (list.cue === '三次产业') return { ...finding, reading: '按三次产业增加值之和即地区生产总值理解' };
    return list.cue === '分别为' ? { ...finding, reading: '按“总数，分别为…”列出了全部各项理解' } : finding;
  }
  const ids = list.parts.map((p) => p.quantity.id);
  const expected = { low: formatRational(sum.low, 0, 'floor'), high: formatRational(sum.high, 0, 'ceil') };
  const shownSum = showInScale(sum.point, total, 6);
  if (ratCompare(sum.low, totalInterval.high) <= 0) {
    // The message must be true as written: a sum above the total as written is within precision, not "不超过".
    const within = ratCompare(sum.point, totalInterval.point) > 0
      ? `略大于总数 ${shownFigure(total)}，但在各数的书写精度之内（各项之和可低至 ${showInScale(sum.low, total, 6)}）`
      : `不超过总数 ${shownFigure(total)}`;
    return {
      check: 'parts-sum',
      verdict: 'consistent',
      stated: total.quantity.id,
      quantities: ids,
      expected,
      message: `其中各项 ${expression} = ${shownSum}，${within} ✓`,
    };
  }
  const larger = list.parts.filter((p) => p.looseInterval && ratCompare(p.looseInterval.low, totalInterval.high) > 0);
  const why = larger.length > 0 ? `；其中 ${larger.map((p) => shownFigure(p)).join('、')} 一项就大于总数` : '';
  return {
    check: 'parts-sum',
    verdict: 'inconsistent',
    stated: total.quantity.id,
    quantities: ids,
    expected,
    deviation: formatRational(ratSub(sum.point, totalInterval.point), 0, 'round'),
    message: `其中各项 ${expression} = ${shownSum}，超过总数 ${shownFigure(total)} ✗${why}`,
  };
}

/**
 * Judges every list of parts the index found.
 * @example partsSumCheck.run({ text: wanzai2015, extraction })[0].verdict // 'inconsistent'
 */
export const partsSumCheck: Check = {
  id: 'parts-sum',
  reading: '按所列各项为该总数的组成部分理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const findings: RelationFinding[] = [];
    for (const list of indexRelations(text, extraction).partsLists) {
      const finding = judgeList(list);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
