/**
 * Runs duixian's `extract` from '@duixian/core' and maps its Extraction to the answer keys' terms:
 * a Quantity { value: { type: 'exact', value: { mantissa: 2198n, exponent: 6 } }, unit: '元' } → value 2198000000.
 */
import type { Decimal, Extraction, QuantityValue } from '@duixian/core';
import type { GoldValue } from './gold-key.ts';
import type { Prediction, Predictor } from './prediction.ts';

type ExtractFunction = (text: string, context?: { reportYear?: number }) => Extraction;
type FormatFunction = (value: Decimal) => string;

/** A decimal as a JavaScript number for scoring (the scorer compares within 1e-9 relative). */
function toNumber(value: Decimal, formatDecimal: FormatFunction): number {
  return Number(formatDecimal(value));
}

/** Maps an exact value or a range to the keys' `value` field. */
export function toGoldValue(value: QuantityValue, formatDecimal: FormatFunction): GoldValue {
  return value.type === 'exact'
    ? toNumber(value.value, formatDecimal)
    : [toNumber(value.low, formatDecimal), toNumber(value.high, formatDecimal)];
}

/** A commitment's target value: a number, a range, or a grade as written ("Ⅲ类", as the keys write it). */
type TargetValue = QuantityValue | { readonly type: 'grade'; readonly grade: string };

function toTargetValue(value: TargetValue, formatDecimal: FormatFunction): GoldValue | string {
  return value.type === 'grade' ? value.grade : toGoldValue(value, formatDecimal);
}

/** Maps one Extraction to the evaluation's Prediction. */
export function toPrediction(extraction: Extraction, formatDecimal: FormatFunction): Prediction {
  return {
    quantities: extraction.quantities.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      value: toGoldValue(q.value, formatDecimal),
      unit: q.unit,
      kind: q.kind,
      ...(q.comparator ? { comparator: q.comparator } : {}),
      provenance: q.provenance,
    })),
    dates: extraction.dates.map(({ start, end, text }) => ({ start, end, text })),
    nonQuantities: (extraction.nonQuantities ?? []).map(({ start, end, text }) => ({ start, end, text })),
    commitments: extraction.commitments.map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      ...(c.theme ? { theme: c.theme } : {}),
      ...(c.action ? { action: c.action } : {}),
      ...(c.indicator ? { indicator: c.indicator } : {}),
      ...(c.target
        ? {
            target: {
              value: toTargetValue(c.target.value as TargetValue, formatDecimal),
              unit: c.target.unit,
              ...(c.target.comparator ? { comparator: c.target.comparator } : {}),
            },
          }
        : {}),
    })),
  };
}

/**
 * Loads duixian's extractor. Throws with a clear message while core does not export `extract` yet.
 */
export async function loadDuixianPredictor(): Promise<Predictor & { readonly extract: ExtractFunction }> {
  const core = (await import('@duixian/core')) as Record<string, unknown>;
  const extract = core['extract'];
  const formatDecimal = core['formatDecimal'];
  if (typeof extract !== 'function') throw new Error("@duixian/core does not export extract() yet");
  if (typeof formatDecimal !== 'function') throw new Error('@duixian/core does not export formatDecimal()');
  const run = extract as ExtractFunction;
  return {
    name: 'duixian',
    extract: run,
    predict: (text, context) =>
      toPrediction(run(text, context.reportYear === undefined ? {} : { reportYear: context.reportYear }), formatDecimal as FormatFunction),
  };
}
