/**
 * Judges a stated result against last year's target, honouring the target's qualifier and precision:
 * "5%左右" is met by 5.2% (band 4.5–5.5%, and more growth is better); "92%以上" is missed by 91.6%;
 * a price rise "3%左右" is a ceiling, met by 0.2%.
 */
import type { Decimal } from '../model/decimal.ts';
import type { Comparator, QuantityValue } from '../model/quantity.ts';
import { addDecimals, compareDecimals, formatDecimal, negateDecimal, scaleDecimal } from '../numbers/decimal.ts';

/** Which way is better for a metric: more growth, employment or output, or less unemployment and inflation. */
export type MetricPolarity = 'higher_is_better' | 'lower_is_better';

/** A target or a result, in one unit, with its bound and its direction of change. */
export interface JudgedFigure {
  readonly value: QuantityValue;
  readonly comparator?: Comparator;
  /** For a change: up (增长) or down (下降 / 降低). */
  readonly direction?: 'up' | 'down';
}

export interface TargetJudgement {
  readonly verdict: 'met' | 'missed';
  /** The value the result had to reach (higher is better) or stay under (lower is better). */
  readonly threshold: Decimal;
  /** The result, signed in the target's direction: 下降1.2% against a growth target is −1.2. */
  readonly effectiveResult: Decimal;
  /** Chinese explanation: '目标5%左右（不低于4.5%），实际5.2%，完成'. */
  readonly explanation: string;
}

/** Metrics where less is better, unless the target itself is a reduction (能耗降低3%: more reduction is better). */
const LOWER_IS_BETTER = /失业率|消费价格|物价|涨幅|赤字率|负债率|杠杆率|能耗|排放|浓度|事故|死亡|发病率|贫困发生率|债务|PM2\.?5|细颗粒物/u;

/**
 * Which way is better for a target: a stated bound says it (不超过 / 以内 set a ceiling, 不少于 / 以上 a floor);
 * otherwise lower for unemployment, prices, deficits, emissions and accidents, unless the target is stated as a
 * reduction (下降 / 降低 / 减少), whose size is better when larger.
 * @example judgePolarity('居民消费价格', 'up') // 'lower_is_better'（涨幅是上限）
 * @example judgePolarity('单位国内生产总值能耗', 'down') // 'higher_is_better'（降幅越大越好）
 * @example judgePolarity('用水总量', undefined, '<=') // 'lower_is_better'（控制在…以内）
 */
export function judgePolarity(metric: string, direction?: 'up' | 'down', comparator?: Comparator): MetricPolarity {
  if (comparator === '<=' || comparator === '<') return 'lower_is_better';
  if (comparator === '>=' || comparator === '>') return 'higher_is_better';
  if (direction === 'down') return 'higher_is_better';
  return LOWER_IS_BETTER.test(metric) ? 'lower_is_better' : 'higher_is_better';
}

/**
 * Met or missed. The threshold comes from the qualifier: 左右 widens the target by half a unit of its last
 * significant digit (5% → 4.5%, 5.5% → 5.45%, 1200万 → 1150万), at most half a point for a rate and a tenth of
 * an amount (10个 → 9个); 以上 / 以内 and a plain figure are exact; a range
 * counts from its lower end (or upper end, for a ceiling). A result stated as a bound (超过3%) counts at its bound;
 * an estimate (5.2%左右) at its value. A result that changed the other way counts negative.
 *
 * @example judgeTarget({ value: 5%, comparator: '~', direction: 'up' }, { value: 5.2%, direction: 'up' }, 'higher_is_better')
 * // { verdict: 'met', threshold: 4.5, explanation: '目标5%左右（不低于4.5%），实际5.2%，完成' }
 * @example judgeTarget({ value: 92%, comparator: '>=' }, { value: 91.6% }, 'higher_is_better') // missed
 */
export function judgeTarget(target: JudgedFigure, result: JudgedFigure, polarity: MetricPolarity, unit = ''): TargetJudgement {
  const higher = polarity === 'higher_is_better';
  const threshold = thresholdOf(target, higher, unit);
  let effective = pickResult(result.value, higher);
  if (target.direction && result.direction && target.direction !== result.direction) effective = negateDecimal(effective);
  const comparison = compareDecimals(effective, threshold);
  // A strict bound (超过3%, 低于5%) on the right side of the threshold settles it even when equal.
  const strictHelps = (higher && result.comparator === '>') || (!higher && result.comparator === '<');
  const met = higher ? comparison > 0 || (comparison === 0 && (target.comparator !== '>' || strictHelps)) : comparison < 0 || (comparison === 0 && (target.comparator !== '<' || strictHelps));
  const verdict: TargetJudgement['verdict'] = met ? 'met' : 'missed';
  const targetText = describeTarget(target, unit);
  const bound = `${higher ? '不低于' : '不高于'}${formatAmount(threshold, unit)}`;
  const resultText = `${describeBound(result.comparator)}${formatAmount(effective, unit)}`;
  return {
    verdict,
    threshold,
    effectiveResult: effective,
    explanation: `目标${targetText}（${bound}），实际${resultText}，${met ? '完成' : '未完成'}`,
  };
}

function absDecimal(value: Decimal): Decimal {
  return value.mantissa < 0n ? negateDecimal(value) : value;
}

/** The widest band of a rate written with 左右: half a percentage point. */
const HALF_PERCENT: Decimal = { mantissa: 5n, exponent: -1 };

/** Half a unit of the last significant digit: 5 → 0.5, 5.5 → 0.05, 1200 × 10^4 → 50 × 10^4. */
export function halfUnitOf(value: Decimal): Decimal {
  let mantissa = value.mantissa < 0n ? -value.mantissa : value.mantissa;
  let exponent = value.exponent;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa: 5n, exponent: exponent - 1 };
}

function thresholdOf(target: JudgedFigure, higher: boolean, unit: string): Decimal {
  const value = target.value;
  if (value.type === 'range') return higher ? value.low : value.high;
  if (target.comparator === '~') {
    let half = halfUnitOf(value.value);
    // "10%左右" is read to the unit, as every rate is: its band is 9.5–10.5%, not 5–15%.
    if ((unit === '%' || unit === 'pp') && compareDecimals(half, HALF_PERCENT) > 0) half = HALF_PERCENT;
    // A reader allows a count "左右" a little slack, not half of it: "10个左右" is 9 or more, not 5, so the band of
    // an amount is at most a tenth of the target ("1200万左右" keeps its 50万, a twenty-fourth).
    const tenth = scaleDecimal(absDecimal(value.value), -1);
    if (unit !== '%' && unit !== 'pp' && compareDecimals(half, tenth) > 0) half = tenth;
    return higher ? addDecimals(value.value, negateDecimal(half)) : addDecimals(value.value, half);
  }
  return value.value;
}

function pickResult(value: QuantityValue, higher: boolean): Decimal {
  if (value.type === 'exact') return value.value;
  // A range result: only the end least favourable to the target proves it.
  return higher ? value.low : value.high;
}

function describeTarget(target: JudgedFigure, unit: string): string {
  const value = target.value;
  if (value.type === 'range') return `${formatAmount(value.low, unit)}—${formatAmount(value.high, unit)}`;
  const text = formatAmount(value.value, unit);
  switch (target.comparator) {
    case '~':
      return `${text}左右`;
    case '>=':
      return `${text}以上`;
    case '<=':
      return `${text}以内`;
    case '>':
      return `超过${text}`;
    case '<':
      return `低于${text}`;
    default:
      return text;
  }
}

function describeBound(comparator?: Comparator): string {
  if (comparator === '>' || comparator === '>=') return '超过';
  if (comparator === '<' || comparator === '<=') return '不超过';
  if (comparator === '~') return '约';
  return '';
}

/** 12440000 人 → '1244万人', 1.3 × 10^12 斤 → '1.3万亿斤', 5.2 % → '5.2%', 0.3 pp → '0.3个百分点'. */
export function formatAmount(value: Decimal, unit: string): string {
  if (unit === '%') return `${trimZeros(formatDecimal(value))}%`;
  if (unit === 'pp') return `${trimZeros(formatDecimal(value))}个百分点`;
  const magnitude = value.mantissa < 0n ? -value.mantissa : value.mantissa;
  const digits = magnitude.toString().length + value.exponent; // digits before the decimal point
  const [power, word] = digits > 12 ? [12, '万亿'] : digits > 8 ? [8, '亿'] : digits > 4 ? [4, '万'] : [0, ''];
  return `${trimZeros(formatDecimal(scaleDecimal(value, -power)))}${word}${unit}`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/u, '') : text;
}
