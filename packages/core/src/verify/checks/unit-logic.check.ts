/**
 * Checks what the units alone make impossible: fewer people than households for one group ("350户210人"), a share
 * of a whole above 100% ("占全市的112%"), and a count of separate things that is not whole ("新建学校2.5所").
 * Example: "帮扶困难群众350户210人" → 210 people cannot make up 350 households: inconsistent.
 */
import type { Quantity } from '../../model/quantity.ts';
import { compareDecimals } from '../../numbers/decimal.ts';
import type { Check, CheckInput } from '../check.ts';
import {
  boundsOf,
  clauseBefore,
  differenceText,
  isChangeFigure,
  orderOf,
  plainText,
  shown,
  splitSentences,
  type SenseFinding,
} from './sense-text.ts';

/** Measure words of things that come whole: 0.5 of them is not a thing. */
const DISCRETE_UNITS = new Set([
  '个', '户', '人', '家', '所', '项', '件', '座', '套', '处', '条', '名', '位', '辆', '台', '头', '只', '场', '批',
  '间', '张', '部', '栋', '艘', '架', '例', '宗', '起', '人次', '户次', '所次', '支', '棵', '株', '孔', '盏', '村', '镇',
]);
/** Words that make a figure an average or a rate per head, where fractions are normal: 每千人口3.2人, 户均2.6人. */
const AVERAGE = /每|均|平均|百户|千人|万人|千名|万名|比例|比|倍|约合|相当于/;
/** A rate per amount of money: "亿元生产总值…", "万元GDP…" with no figure of its own before the unit. */
const PER_AMOUNT = /(?<![\d.])(?:亿元|万元|百万元|千元)/;
/** Between a household count and a people count of one group: nothing, a 、 or a slash. */
const SAME_GROUP_GAP = /^(?:[、/／]|共|、共)?$/;
/** Words before a percentage that make it the share of a whole: 占…, 比重, 占比, or a rate of a part of a population. */
const SHARE_BEFORE =
  /(?:占[^，。；、]{0,12}?(?:的)?(?:比重|比例)?|比重|占比|增长面|覆盖面|收入利润率|销售利润率|覆盖率|普及率|入学率|巩固率|参保率|优良率|达标率|合格率|城镇化率|满意率|满意度|知晓率|到位率|利用率|通达率|通畅率|接种率|受益率|就业率|使用率|完好率|达标比例|比例)(?:为|是|达到?|达到了|保持在|稳定在|提高到|提高至|提升到|提升至|上升到|上升至)?(?:近|约|超过)?$/;
/**
 * Rates of people or money counted on one register against a base counted on another (the insured against the
 * resident population, the enrolled against the school-age population, funds arrived against funds planned): they
 * pass 100% when the registers differ, so above 100% is only worth a second look.
 */
const REGISTER_RATE = /参保率|入学率|接种率|普及率|覆盖率|覆盖面|受益率|到位率|就业率/;
/** Percentages of a whole that may pass 100: 完成预算的105%, 增长率, 贡献率, 为上年的112%. */
const NOT_A_SHARE = /毛|完成|执行|计划|增长|增速|增幅|贡献|为上年|相当于|上年的|同期的|回报|负债|杠杆|倍/;

/** 人 against 户 for the same group, written side by side. */
function checkPeopleAndHouseholds(text: string, a: Quantity, b: Quantity): SenseFinding | undefined {
  const pair = a.unit === '户' && b.unit === '人' ? [a, b] : a.unit === '人' && b.unit === '户' ? [b, a] : undefined;
  if (!pair || !SAME_GROUP_GAP.test(plainText(text, a.end, b.start))) return undefined;
  const [households, people] = pair as [Quantity, Quantity];
  if (isChangeFigure(text, b) && !isChangeFigure(text, a)) return undefined;
  const order = orderOf(people, households);
  const quantities = [households.id, people.id];
  const trigger = plainText(text, a.start, b.end);
  if (order === 'less') {
    const deviation = differenceText(people, households);
    return {
      check: 'unit-logic',
      verdict: 'inconsistent',
      stated: people.id,
      quantities,
      confidence: 0.8,
      ...(deviation === undefined ? {} : { deviation }),
      message: `「${trigger}」：${shown(people)}少于${shown(households)}，同一群体的人数不应少于户数`,
    };
  }
  return {
    check: 'unit-logic',
    verdict: order === 'greater' ? 'consistent' : 'unverifiable',
    stated: people.id,
    quantities,
    confidence: order === 'greater' ? 0.8 : 0.4,
    message:
      order === 'greater'
        ? `「${trigger}」：人数${shown(people)}不少于户数${shown(households)} ✓`
        : `「${trigger}」：按书写精度无法判断人数${shown(people)}是否少于户数${shown(households)}`,
  };
}

const HUNDRED = { mantissa: 100n, exponent: 0 };

/** A share of a whole above 100%. */
function checkShare(text: string, q: Quantity): SenseFinding | undefined {
  if (q.unit !== '%' || q.role === 'growth_rate' || q.role === 'pp_change' || q.role === 'multiple') return undefined;
  const before = clauseBefore(text, q.start, 20);
  if (!SHARE_BEFORE.test(before) || NOT_A_SHARE.test(before.replace(/增长面|收入利润率|销售利润率/g, '')) || isChangeFigure(text, q)) return undefined;
  const { low } = boundsOf(q);
  if (!low || compareDecimals(low, HUNDRED) <= 0) return undefined;
  const rate = REGISTER_RATE.exec(before)?.[0];
  if (rate) {
    return {
      check: 'unit-logic',
      verdict: 'questionable',
      stated: q.id,
      quantities: [q.id],
      confidence: 0.3,
      reading: `按“${rate}”的分子与分母分别统计（如参保人数对常住人口）理解，可超过100%`,
      message: `「${before.slice(-8)}${shown(q)}」：${rate}超过100%，分子与分母可能分别统计，需复核口径`,
    };
  }
  return {
    check: 'unit-logic',
    verdict: 'inconsistent',
    stated: q.id,
    quantities: [q.id],
    confidence: 0.85,
    reading: '按部分占整体的比重理解',
    message: `「${before.slice(-8)}${shown(q)}」：部分占整体的比重不能超过100%`,
  };
}

/** A count of whole things written with a fraction. */
function checkWholeCount(text: string, q: Quantity): SenseFinding | undefined {
  if (q.kind !== 'count' || !DISCRETE_UNITS.has(q.unit) || q.value.type !== 'exact') return undefined;
  const { mantissa, exponent } = q.value.value;
  if (exponent >= 0 || mantissa % 10n ** BigInt(-exponent) === 0n) return undefined;
  const before = clauseBefore(text, q.start, 20);
  if (AVERAGE.test(before) || AVERAGE.test(plainText(text, q.end, q.end + 2))) return undefined;
  // "8.6个重大科技专项：…" opening a line of notes: the note's number "8." and a count "6个" run together
  if (/^[\d]+[.．]/.test(q.text.trim()) && /(?:^|\n)[ \t　]*$/.test(text.slice(Math.max(0, q.start - 8), q.start))) return undefined;
  // "每千人托位、床位数分别达到4.7个、27.3张": the figures of a 、-joined list share the words before the list.
  if (AVERAGE.test(listClauseBefore(text, q.start))) return undefined;
  // "分别快于全国3.4个、1个百分点": the last figure's unit is shared, so 3.4个 is 3.4个百分点, not 3.4 things.
  if (new RegExp(`^(?:[、和及与](?:[\\d.]+${q.unit})?)*[、和及与][\\d.]+${q.unit}(?:百分点|千分点)`).test(plainText(text, q.end, q.end + 24))) return undefined;
  // "103.9部/百人", "1.15个千分点", "亿元生产总值死亡人数0.011人": a rate, whatever its measure word.
  if (/^(?:[/／每]|千分|百分|万分)/.test(plainText(text, q.end, q.end + 2)) || PER_AMOUNT.test(before)) return undefined;
  return {
    check: 'unit-logic',
    verdict: 'inconsistent',
    stated: q.id,
    quantities: [q.id],
    confidence: 0.7,
    reading: `按“${q.unit}”计数的整件之物理解`,
    message: `「${before.slice(-8)}${shown(q)}」：以“${q.unit}”计的数量应为整数`,
  };
}

/** The words of the clause before a figure, through 、-joined items and figures, up to the last ，。；：. */
function listClauseBefore(text: string, position: number): string {
  return plainText(text, position - 60, position).split(/[，。；：,;:！？!?]/).pop() ?? '';
}

/**
 * Judges households against people, shares against 100% and counts against whole numbers.
 * @example checkUnitLogic({ text: '帮扶困难群众350户210人。', extraction })
 * // [{ check: 'unit-logic', verdict: 'inconsistent', stated: '210人', quantities: ['350户', '210人'], … }]
 */
export function checkUnitLogic({ text, extraction }: CheckInput): SenseFinding[] {
  const findings: SenseFinding[] = [];
  for (const sentence of splitSentences(text, extraction.quantities)) {
    const qs = sentence.quantities;
    qs.forEach((q, i) => {
      const next = qs[i + 1];
      const pair = next ? checkPeopleAndHouseholds(text, q, next) : undefined;
      if (pair) findings.push(pair);
      const share = checkShare(text, q);
      if (share) findings.push(share);
      const whole = checkWholeCount(text, q);
      if (whole) findings.push(whole);
    });
  }
  return findings;
}

/** The unit-logic check, for the registry in verify.ts. */
export const unitLogicCheck: Check = { id: 'unit-logic', reading: '按计量单位本身的含义理解', run: checkUnitLogic };
