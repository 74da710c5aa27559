/**
 * Checks that a figure said to pass a threshold (突破 / 超过 / 迈上 …) reaches it, that a figure said to stay under
 * one (不足 / 低于 / 控制在…以内) does, and that the examples of a "X以上项目" category are of that size.
 * Example: "进出口总额首次突破500亿元，达到468亿元" → 468亿元 is below the 500亿元 it claims to pass: inconsistent.
 */
import type { Decimal } from '../../model/decimal.ts';
import type { Quantity } from '../../model/quantity.ts';
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../../numbers/chinese-numeral.ts';
import { compareDecimals, parseDecimal, scaleDecimal } from '../../numbers/decimal.ts';
import type { Check, CheckInput } from '../check.ts';
import {
  boundsOf,
  clauseBefore,
  differenceText,
  isChangeFigure,
  isSameMeasure,
  plainText,
  shown,
  splitSentences,
  type SenseFinding,
} from './sense-text.ts';

const PASS = '突破|首破|冲破|超过|超出|迈上|迈过|跨上|站上|登上|踏上|跨越|越过|跃上|跨过|跨入|迈入|跨进|闯过|高于|超';
const UNDER = '不足|低于|少于|不到|控制在|不超过|未超过|未突破|未超';
/** Words that close a threshold before the reached figure: "突破500亿元大关，达到…". */
const THRESHOLD_TAIL = '(?:新台阶|大台阶|台阶|关口|大关|量级|规模|水平|以内|以下|以上|的?目标|["”’])*';
const REACHED = '(?:[，、,]?(?:实际|全年|当年|最终|总量|总额|规模)?(?:达到了?|达|至|为|完成|实现|仅为?|只有|仅有)$)';
const PASS_FIRST = new RegExp(`(?:首次|历史性|率先|一举|成功)?(${PASS})["“‘]?$`);
const UNDER_FIRST = new RegExp(`(${UNDER})["“‘]?$`);
const FORWARD_GAP = new RegExp(`^${THRESHOLD_TAIL}${REACHED}`);
const PASS_AFTER = new RegExp(`^[，、,]?(?:首次|历史性|率先|一举|成功|均|均已|已)?(${PASS})[^\\d，。；、,]{0,6}$`);
const UNDER_AFTER = new RegExp(`^[，、,]?(?:均|均已|已|仍)?(${UNDER})[^\\d，。；、,]{0,6}$`);
/** A threshold that names itself a target: "低于3%的预期目标" compares a rate with the target for that rate. */
const TARGET_AFTER = /^(?:左右)?(?:的)?(?:预期|控制)?目标/;
/** A size category: "10亿元以上项目", "5000万元以上的重点工程". */
const CATEGORY_AFTER = /^(?:以上|及以上)(?:的)?[^\d，。；、,]{0,6}?(?:项目|工程|企业|产业|集群)/;
const EXAMPLE_MARKER = /(?:如|包括|例如|比如|像|其中|特别是)[：:，,]?/;

type Sense = 'at-least' | 'at-most';

/** The threshold's own value as written, without its precision: "突破500亿元" is passed by 500.1亿元. */
function thresholdValue(q: Quantity) {
  return q.value.type === 'exact' ? q.value.value : q.comparator === '<=' ? q.value.high : q.value.low;
}

function judge(threshold: Quantity, reached: Quantity, sense: Sense, word: string, trigger: string): SenseFinding {
  const x = thresholdValue(threshold);
  const { low, high } = boundsOf({ ...reached, comparator: reached.comparator === '~' ? '~' : undefined });
  const quantities = [threshold.id, reached.id];
  const surelyBelow = high !== undefined && compareDecimals(high, x) < 0;
  const surelyAbove = low !== undefined && compareDecimals(low, x) > 0;
  const reachesIt = sense === 'at-least' ? surelyAbove || (low !== undefined && compareDecimals(low, x) === 0) : surelyBelow || (high !== undefined && compareDecimals(high, x) === 0);
  const breaks = sense === 'at-least' ? surelyBelow : surelyAbove;
  const deviation = differenceText(reached, threshold);
  if (breaks) {
    return {
      check: 'threshold',
      verdict: 'inconsistent',
      stated: reached.id,
      quantities,
      confidence: 0.85,
      ...(deviation === undefined ? {} : { deviation }),
      message:
        sense === 'at-least'
          ? `「${trigger}」：称“${word}”${shown(threshold)}，但实际数${shown(reached)}低于${shown(threshold)}`
          : `「${trigger}」：称“${word}”${shown(threshold)}，但实际数${shown(reached)}高于${shown(threshold)}`,
    };
  }
  if (reachesIt) {
    return {
      check: 'threshold',
      verdict: 'consistent',
      stated: reached.id,
      quantities,
      confidence: 0.85,
      message: `「${trigger}」：${shown(reached)}${sense === 'at-least' ? '不低于' : '不高于'}${shown(threshold)}，与“${word}”一致 ✓`,
    };
  }
  return {
    check: 'threshold',
    verdict: 'unverifiable',
    stated: reached.id,
    quantities,
    confidence: 0.5,
    message: `「${trigger}」：按书写精度，${shown(reached)}可能高于也可能低于${shown(threshold)}，无法判断是否“${word}”`,
  };
}

/** True when both are levels or both are changes, or the threshold names itself a target of the same indicator. */
function isLikeForLike(text: string, reached: Quantity, threshold: Quantity): boolean {
  if (isChangeFigure(text, reached) === isChangeFigure(text, threshold)) return true;
  return TARGET_AFTER.test(plainText(text, threshold.end, threshold.end + 8));
}

/**
 * A threshold written without its unit, which the figure reached supplies: "突破千亿、达到1042亿元",
 * "突破“五百亿”、达513.35亿元", "突破5万关口、达到5.28万元".
 */
const BARE_THRESHOLD = new RegExp(
  `(?:首次|历史性|率先|一举|成功)?(${PASS})["“‘]?(\\d+(?:\\.\\d+)?(?:万亿|亿|万|千)?|[${CHINESE_NUMERAL_CHARS}]{1,6})["”’]?` +
    `(?:新台阶|大台阶|台阶|关口|大关|量级|规模|["”’])*[、，,]?(?:实际|全年|总量|总额|规模)?(?:达到了?|达|至)[\\s*]*`,
  'g',
);
const MAGNITUDE: Readonly<Record<string, number>> = { 万亿: 12, 亿: 8, 万: 4, 千: 3 };

/** Reads a bare threshold: '5万' → 5 × 10^4, '千亿' → 10^11, '五百亿' → 5 × 10^10. */
function readBareNumber(words: string): Decimal | undefined {
  const digits = /^(\d+(?:\.\d+)?)(万亿|亿|万|千)?$/.exec(words);
  if (digits) {
    const value = parseDecimal(digits[1] ?? '');
    return value && scaleDecimal(value, MAGNITUDE[digits[2] ?? ''] ?? 0);
  }
  return parseChineseNumeral(words);
}

function checkBareThresholds(text: string, quantities: readonly Quantity[], judged: ReadonlySet<string>): SenseFinding[] {
  const findings: SenseFinding[] = [];
  for (const match of text.matchAll(BARE_THRESHOLD)) {
    const end = match.index + match[0].length;
    const reached = quantities.find((q) => q.start === end);
    const numberStart = match.index + match[0].indexOf(match[2] ?? '', (match[1] ?? '').length);
    const value = readBareNumber(match[2] ?? '');
    if (!reached || !value || judged.has(reached.id) || isChangeFigure(text, reached)) continue;
    if (!['money', 'count', 'measure'].includes(reached.kind)) continue;
    const numberEnd = numberStart + (match[2] ?? '').length;
    const threshold: Quantity = {
      id: `span:${numberStart}-${numberEnd}`,
      start: numberStart,
      end: numberEnd,
      text: match[2] ?? '',
      value: { type: 'exact', value },
      unit: reached.unit,
      kind: reached.kind,
      provenance: 'check/threshold',
    };
    const trigger = plainText(text, match.index, reached.end);
    findings.push(judge(threshold, reached, 'at-least', match[1] ?? '', trigger));
  }
  return findings;
}

/**
 * Finds "突破X，达到Y", "Y，突破X", "不足X，仅Y", "Y，低于X的预期目标" and "X以上项目，如…Y" and judges each.
 * @example checkThreshold({ text: '进出口总额首次突破500亿元，达到468亿元。', extraction })
 * // [{ check: 'threshold', verdict: 'inconsistent', stated: '468亿元', … }]
 */
export function checkThreshold({ text, extraction }: CheckInput): SenseFinding[] {
  const findings: SenseFinding[] = [];
  for (const sentence of splitSentences(text, extraction.quantities)) {
    const qs = sentence.quantities;
    for (let i = 0; i + 1 < qs.length; i++) {
      const a = qs[i];
      const b = qs[i + 1];
      if (!a || !b || !isSameMeasure(a, b)) continue;
      const gap = plainText(text, a.end, b.start);
      const lead = clauseBefore(text, a.start, 12);
      const trigger = plainText(text, a.start - 6, b.end).replace(/^.*[，。；：、,;:]/, '');
      const passFirst = PASS_FIRST.exec(lead);
      const underFirst = UNDER_FIRST.exec(lead);
      if ((passFirst || underFirst || a.comparator === '>=') && FORWARD_GAP.test(gap)) {
        if (!isLikeForLike(text, b, a)) continue;
        const word = passFirst?.[1] ?? underFirst?.[1] ?? '以上';
        const sense: Sense = underFirst ? 'at-most' : 'at-least';
        findings.push(judge(a, b, sense, word, `${lead.slice(-6)}${plainText(text, a.start, b.end)}`));
        continue;
      }
      const passAfter = PASS_AFTER.exec(gap);
      const underAfter = UNDER_AFTER.exec(gap);
      // "超10万元、超30万元的村": two bounds side by side, each naming a class; neither is passed by the other
      const isParallelBound = /[、和及与]/.test(gap) && (PASS_FIRST.test(lead) || UNDER_FIRST.test(lead) || a.comparator !== undefined);
      if ((passAfter || underAfter) && !isParallelBound && isLikeForLike(text, a, b)) {
        const word = passAfter?.[1] ?? underAfter?.[1] ?? '';
        findings.push(judge(b, a, passAfter ? 'at-least' : 'at-most', word, trigger));
      }
    }
    findings.push(...checkCategories(text, qs));
  }
  const judged = new Set(findings.map((f) => f.stated));
  findings.push(...checkBareThresholds(text, extraction.quantities, judged));
  return findings;
}

/** "10亿元以上项目58个，如A项目总投资8亿元": each example of the category must be of its size. */
function checkCategories(text: string, qs: readonly Quantity[]): SenseFinding[] {
  const findings: SenseFinding[] = [];
  qs.forEach((category, i) => {
    if (!CATEGORY_AFTER.test(plainText(text, category.end, category.end + 12))) return;
    let markerSeen = false;
    for (const example of qs.slice(i + 1)) {
      const between = plainText(text, category.end, example.start);
      markerSeen ||= EXAMPLE_MARKER.test(between);
      if (!markerSeen || !isSameMeasure(category, example) || isChangeFigure(text, example)) continue;
      if (CATEGORY_AFTER.test(plainText(text, example.end, example.end + 12))) continue;
      if (!/投资|规模|总额|产值|营收|营业收入/.test(clauseBefore(text, example.start, 12))) continue;
      const trigger = `${shown(category)}以上…${plainText(text, example.start - 4, example.end)}`;
      findings.push(judge(category, example, 'at-least', '以上', trigger));
    }
  });
  return findings;
}

/** The threshold check, for the registry in verify.ts. */
export const thresholdCheck: Check = { id: 'threshold', reading: '按“突破/超过X”为所达数值不低于X、“不足X”为不高于X理解', run: checkThreshold };
