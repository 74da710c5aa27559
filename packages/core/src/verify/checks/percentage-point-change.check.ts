/**
 * Checks a stated change in 个百分点 against the two shares it separates, deriving the earlier share where the
 * text gives only its parts: earlier part = part − increase, earlier whole = the whole's earlier level.
 * Example (the seed): 87.8% now; before (19.3 − 6.66) ÷ 15.22 = 83.05%; 87.8% − 83.05% = 4.75，报告称 4.8个百分点 ✓.
 * The part 19.3 is narrowed to the values that agree with 87.8% of 21.98 and counted once, so the rounding of the
 * inputs allows 4.62–4.90: a point check would be too strict, plain interval arithmetic too loose (4.31–5.19).
 */
import type { Check, CheckInput } from '../check.ts';
import { addIntervals, divideIntervals, exactInterval, intersectIntervals, multiplyIntervals, negateInterval, rational, subtractIntervals, type Interval } from '../interval.ts';
import { indexRelations, type Figure, type RelationIndex } from '../relation-index.ts';
import { asFraction, judgeStated, operandTexts, showInScale, shownFigure, type RelationFinding } from '../relation-finding.ts';

interface Derived {
  readonly interval: Interval;
  readonly text: string;
  readonly used: readonly Figure[];
  /** When the earlier level is the level less its change: that change, signed. */
  readonly change?: Interval;
}

/** A level's earlier value: its stated earlier level, or the level less its one stated change. */
function earlierLevel(index: RelationIndex, level: Figure): Derived | undefined {
  const statement = index.statementOf.get(level);
  if (!statement || !level.interval) return undefined;
  const previous = statement.previous;
  if (previous?.interval && previous.quantity.unit === level.quantity.unit) {
    return { interval: previous.interval, text: operandTexts([previous]).texts[0] ?? '', used: [previous] };
  }
  const change = statement.changes.length === 1 ? statement.changes[0] : undefined;
  if (change?.interval && change.quantity.unit === level.quantity.unit) {
    const signed = change.sign === -1 ? negateInterval(change.interval) : change.interval;
    const [l, c] = operandTexts([level, change]).texts;
    return { interval: subtractIntervals(level.interval, signed), text: `(${l} ${change.sign === -1 ? '+' : '−'} ${c})`, used: [level, change], change: signed };
  }
  return undefined;
}

/** The part and whole behind a share figure, read from it or from another statement of the same fact. */
function shareParts(index: RelationIndex, share: Figure): { share: Figure; part: Figure; total: Figure } | undefined {
  for (const candidate of [share, ...(index.twins.get(share) ?? [])]) {
    if (candidate.role !== 'share') continue;
    const part = index.statementOf.get(candidate)?.level;
    const total = index.shareTotal(candidate);
    if (part?.interval && total?.interval) return { share: candidate, part, total };
  }
  return undefined;
}

function judgeChange(index: RelationIndex, pp: Figure): RelationFinding | undefined {
  const inSentence = index.figuresBySentence[pp.sentence] ?? [];
  const position = inSentence.indexOf(pp);
  let current: Figure | undefined;
  for (let k = position - 1; k >= 0; k--) {
    const f = inSentence[k];
    if (!f || f.role === 'pp_change') break;
    if (f.quantity.unit === '%' && (f.role === 'share' || f.role === 'level')) {
      current = f;
      break;
    }
  }
  const currentValue = current ? asFraction(current) : undefined;
  if (!current || !currentValue) return undefined;
  // "从11.4%提高到15.2%，提高3.8个百分点" or "62.07%，比上年末的61.46%提高0.61个百分点": both shares are stated
  const from = index.statementOf.get(current)?.previous;
  if (from?.interval && from.quantity.unit === '%') {
    const fromValue = asFraction(from);
    if (!fromValue) return undefined;
    const [c, f] = operandTexts([current, from]).texts;
    return judgeStated('percentage-point-change', pp, subtractIntervals(currentValue, fromValue), [current, from], `${c} − ${f}`);
  }
  const parts = shareParts(index, current);
  if (!parts) return undefined;
  const earlierPart = earlierLevel(index, parts.part);
  const earlierTotal = earlierLevel(index, parts.total);
  const part = parts.part.interval;
  const total = parts.total.interval;
  if (!earlierPart || !earlierTotal || !part || !total) return undefined;
  const used = [current, parts.share, parts.part, parts.total, ...earlierPart.used, ...earlierTotal.used];
  const expression = `${shownFigure(current)} − ${earlierPart.text} ÷ ${earlierTotal.text}`;
  const ratio = divideIntervals(part, total);
  // the share as stated here and, when it is read from a restatement, as stated there: both must hold
  const restated = parts.share === current ? currentValue : asFraction(parts.share);
  const statedShare = restated ? intersectIntervals(currentValue, restated) : currentValue;
  const agrees = ratio !== undefined && statedShare !== undefined && intersectIntervals(statedShare, ratio) !== undefined;
  // the part can only take values that agree with the stated share: part ⊆ share × whole
  const narrowed = agrees && statedShare ? (intersectIntervals(part, multiplyIntervals(statedShare, total)) ?? part) : part;
  const one = exactInterval(rational(1n));
  const perTotal = divideIntervals(one, total);
  const perEarlierTotal = divideIntervals(one, earlierTotal.interval);
  let derived: Interval | undefined;
  if (earlierPart.change && perTotal && perEarlierTotal) {
    // part/whole − (part − change)/earlier whole = part·(1/whole − 1/earlier whole) + change/earlier whole:
    // written so that the part appears once and its rounding is not counted twice
    derived = addIntervals(multiplyIntervals(narrowed, subtractIntervals(perTotal, perEarlierTotal)), multiplyIntervals(earlierPart.change, perEarlierTotal));
  } else {
    const now = divideIntervals(narrowed, total);
    const before = divideIntervals(earlierPart.interval, earlierTotal.interval);
    derived = now && before ? subtractIntervals(now, before) : undefined;
  }
  const finding = judgeStated('percentage-point-change', pp, derived, used, expression);
  if (agrees || !ratio) return finding;
  // the share and its own part and whole disagree: no reading of the change can square with all of them
  const [a, t] = operandTexts([parts.part, parts.total]).texts;
  const conflict = statedShare
    ? `（占比 ${shownFigure(current)} 与 ${a} ÷ ${t} = ${showInScale(ratio.point, current)} 不符）`
    : `（占比 ${shownFigure(current)} 与另处所称 ${shownFigure(parts.share)} 不符）`;
  return { ...finding, verdict: 'inconsistent', message: `${finding.message.replace(/ ✓$/, ' ✗')}${conflict}` };
}

/**
 * Finds each 个百分点 change, the share it changes (the nearest share before it in its sentence) and that share's
 * earlier value.
 * @example percentagePointChangeCheck.run({ text, extraction })[0].verdict // 'consistent' (the seed's 4.8个百分点)
 */
export const percentagePointChangeCheck: Check = {
  id: 'percentage-point-change',
  reading: '按“提高/下降X个百分点”为两个比率之差理解',
  run({ text, extraction }: CheckInput): RelationFinding[] {
    const index = indexRelations(text, extraction);
    const findings: RelationFinding[] = [];
    for (const figure of index.figures) {
      if (figure.role !== 'pp_change' || !figure.interval) continue;
      const finding = judgeChange(index, figure);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
