/**
 * Checks that a stated rise or fall goes the way its two levels go, and that a change word agrees with the sign
 * of its figure (a rise word with a negative figure, "增长-3.2%", is a convention of statistical bureaus: only
 * 'questionable'; "下降-3.2%" follows no convention and contradicts itself). Where the text also states the size of the change, the arithmetic checks judge the pair instead. Example: "优良天数比例从87.5%下降至89.1%" says 下降 but 89.1% is above 87.5% → inconsistent.
 */
import type { Quantity } from '../../model/quantity.ts';
import { runCheckOnce, type Check, type CheckInput } from '../check.ts';
import { differenceCheck } from './difference.check.ts';
import { growthCheck } from './growth.check.ts';
import { percentagePointChangeCheck } from './percentage-point-change.check.ts';
import {
  differenceText,
  isRank,
  isSameMeasure,
  orderOf,
  plainText,
  shown,
  splitSentences,
  type SenseFinding,
  withoutSharedBound,
} from './sense-text.ts';

const UP = '提高|增长|增加|上升|提升|扩大|上涨|攀升|跃升|上调|增|升|涨';
const DOWN = '下降|降低|减少|缩小|缩减|压减|压降|回落|下调|收窄|减|降|跌';
/**
 * Words allowed between 从 and the first figure: a year ("由2020年的"), then a short noun such as 每人每月 or
 * 月销售额, no stop and no other figure.
 */
const FROM_BEFORE = /(?:从|由)(?:\d{4}年(?:末|底|初|度)?(?:的)?)?[^\d，。；、：,;:从由]{0,8}$/;
/** Between the two figures: an optional qualifier of the first, the change verb, then 至 / 到. */
const FROM_TO = new RegExp(`^(?:左右|以上|以下|多)?(?:的水平)?[，,]?(${UP}|${DOWN})(?:了)?(?:至|到|为)$`);
/** The same with the size of the change between: "从5.2%下降0.4个百分点至4.8%". */
const FROM_BY = new RegExp(`^(?:左右|以上|以下|多)?[，,]?(${UP}|${DOWN})(?:了)?$`);
const TO = /^(?:左右|以上|以下|多)?[，,]?(?:至|到|为)$/;
/** Between a level and the earlier level it is compared with: "21.98亿元，较2022年15.22亿元". */
const VERSUS = /^[，,]?(?:较|比)(?:上年|去年|上年同期|同期|上年末|年初|\d{4}年(?:底|末|同期)?)?(?:的)?$/;
/** After the earlier level: the stated change. */
const VERSUS_AFTER = new RegExp(`^[，,]?(?:同比|分别)?(?:净)?(${UP}|多|${DOWN}|少)`);
/** A change word followed by a signed figure: "增长-3.2%". */
const SIGN_CLASH = new RegExp(`(${UP}|${DOWN})(?:了)?[\\s*]*[-−－]\\s*\\d`, 'g');

function isUp(word: string): boolean {
  return new RegExp(`^(?:${UP}|多)$`).test(word);
}

/** Judges "from `before` to `after`" against the stated direction. */
function judge(
  before: Quantity,
  after: Quantity,
  word: string,
  trigger: string,
  extra: readonly Quantity[],
): SenseFinding {
  const up = isUp(word);
  const order = orderOf(withoutSharedBound(after, before), withoutSharedBound(before, after));
  const quantities = [before.id, ...extra.map((q) => q.id), after.id];
  const holds = up ? order === 'greater' : order === 'less';
  const breaks = up ? order === 'less' : order === 'greater';
  const deviation = differenceText(after, before);
  if (holds) {
    return {
      check: 'direction',
      verdict: 'consistent',
      stated: after.id,
      quantities,
      confidence: 0.9,
      message: `「${trigger}」：${shown(after)}${up ? '高于' : '低于'}${shown(before)}，与“${word}”一致 ✓`,
    };
  }
  if (breaks) {
    return {
      check: 'direction',
      verdict: 'inconsistent',
      stated: after.id,
      quantities,
      confidence: 0.9,
      ...(deviation === undefined ? {} : { deviation }),
      message: `「${trigger}」：报告称“${word}”，但${shown(after)}${up ? '低于' : '高于'}${shown(before)}，方向相反`,
    };
  }
  return {
    check: 'direction',
    verdict: 'unverifiable',
    stated: after.id,
    quantities,
    confidence: 0.5,
    message: `「${trigger}」：按书写精度，${shown(after)}与${shown(before)}无法分出高低，不能判断是否“${word}”`,
  };
}

/** The arithmetic checks that judge a change between two stated levels. */
const CHANGE_ARITHMETIC: readonly Check[] = [growthCheck, differenceCheck, percentagePointChangeCheck];

/**
 * The "earlier>later" pairs of quantity ids whose change an arithmetic check has judged (a growth rate, a change
 * amount or a change in percentage points between them): going the wrong way breaks that arithmetic, so the pair is
 * left to it.
 * @example levelsJudgedElsewhere({ text: '支出21.98亿元，较2022年15.22亿元同比增长44.4%', extraction }) // ['q2>q1', 'q1>q2', …]
 */
export function levelsJudgedElsewhere(input: CheckInput): string[] {
  const pairs: string[] = [];
  for (const check of CHANGE_ARITHMETIC) {
    for (const finding of runCheckOnce(check, input)) {
      if (finding.verdict === 'unverifiable') continue;
      const ids = [finding.stated, ...finding.quantities];
      for (const x of ids) for (const y of ids) if (x !== y) pairs.push(`${x}>${y}`);
    }
  }
  return pairs;
}

/**
 * Finds "从A下降至B" / "由A提高到B" / "A，较上年B增长…" and "增长-3%" and judges each.
 * @example checkDirection({ text: '优良天数比例从87.5%下降至89.1%。', extraction })
 * // [{ check: 'direction', verdict: 'inconsistent', message: '「从87.5%下降至89.1%」：报告称“下降”，但89.1%高于87.5%，方向相反', … }]
 */
export function checkDirection(
  input: CheckInput,
  judgedElsewhere: (input: CheckInput) => Iterable<string> = levelsJudgedElsewhere,
): SenseFinding[] {
  const { text, extraction } = input;
  const findings: SenseFinding[] = [];
  const elsewhere = new Set(judgedElsewhere(input));
  for (const sentence of splitSentences(text, extraction.quantities)) {
    const qs = sentence.quantities;
    for (let i = 0; i + 1 < qs.length; i++) {
      const a = qs[i];
      const b = qs[i + 1];
      if (!a || !b) continue;
      const previousEnd = i > 0 ? (qs[i - 1]?.end ?? sentence.start) : sentence.start;
      const lead = plainText(text, Math.max(previousEnd, a.start - 12), a.start);
      const gap = plainText(text, a.end, b.start);
      if (isRank(text, a) || isRank(text, b)) continue;
      const fromTo = FROM_BEFORE.test(lead) ? FROM_TO.exec(gap) : null;
      if (fromTo && isSameMeasure(a, b)) {
        if (elsewhere.has(`${a.id}>${b.id}`)) continue;
        const word = fromTo[1] ?? '';
        findings.push(judge(a, b, word, plainText(text, a.start - 1, b.end), []));
        continue;
      }
      const c = qs[i + 2];
      const fromBy = FROM_BEFORE.test(lead) ? FROM_BY.exec(gap) : null;
      if (fromBy && c && !isRank(text, c) && isSameMeasure(a, c) && TO.test(plainText(text, b.end, c.start))) {
        if (elsewhere.has(`${a.id}>${c.id}`)) continue;
        const word = fromBy[1] ?? '';
        findings.push(judge(a, c, word, plainText(text, a.start - 1, c.end), [b]));
        continue;
      }
      const after = plainText(text, b.end, b.end + 8);
      const versus = VERSUS.test(gap) ? VERSUS_AFTER.exec(after) : null;
      if (versus && isSameMeasure(a, b) && a.kind !== 'percentage_point') {
        if (elsewhere.has(`${b.id}>${a.id}`)) continue;
        const word = versus[1] ?? '';
        findings.push(judge(b, a, word, plainText(text, a.start, b.end + versus[0].length), []));
      }
    }
  }
  for (const match of text.matchAll(SIGN_CLASH)) {
    const digit = match.index + match[0].length - 1;
    const stated = extraction.quantities.find((q) => q.start <= digit && digit < q.end);
    if (!stated) continue;
    const word = match[1] ?? '';
    const plain = `${isUp(word) ? '下降' : '增长'}${shown(stated).replace(/^[-−－]/, '')}`;
    if (isUp(word)) {
      // Statistical bureaus write a fall as "增长-6.2%" (a signed figure, as in a table column headed 增长%): an
      // accepted way of writing, not two numbers that contradict each other, so it is only worth a second look.
      findings.push({
        check: 'direction',
        verdict: 'questionable',
        stated: stated.id,
        quantities: [stated.id],
        confidence: 0.7,
        reading: `按“${word}”后的负数即“${plain}”理解`,
        message: `「${plainText(text, match.index, stated.end)}」：“${word}”后跟负数，即${plain}；统计公报常这样写，正文宜写作“${plain}”（需复核，不是数字矛盾）`,
      });
      continue;
    }
    // No convention writes a rise as "下降-3.4%": the word says fall and the sign says rise.
    findings.push({
      check: 'direction',
      verdict: 'inconsistent',
      stated: stated.id,
      quantities: [stated.id],
      confidence: 0.7,
      reading: `按“${word}”之后的负号为笔误或“${plain}”理解，二者方向相反`,
      message: `「${plainText(text, match.index, stated.end)}」：“${word}”后跟负数，字面即${plain}，与“${word}”方向相反`,
    });
  }
  return findings;
}

/** The direction check, for the registry in verify.ts. */
export const directionCheck: Check = { id: 'direction', reading: '按“由X提高/下降到Y”为同一指标先后两个水平理解', run: (input) => checkDirection(input) };
