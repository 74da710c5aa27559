/**
 * Runs duixian's `extract` from '@duixian/core' and reads its result through the public `duixian check --json`
 * contract (`toCheckJson`), so the evaluation scores what users get: "21.98亿元" → value 2198000000, unit '元'.
 */
import { extract, toCheckJson, type Extraction, type JsonValue } from '@duixian/core';
import type { GoldValue } from './gold-key.ts';
import type { Prediction, Predictor } from './prediction.ts';

type ExtractFunction = (text: string, context?: { reportYear?: number }) => Extraction;

/** The contract writes a value a double cannot hold as a decimal string; the scorer compares numbers. */
function toGoldValue(value: JsonValue): GoldValue {
  return Array.isArray(value) ? [Number(value[0]), Number(value[1])] : Number(value);
}

interface CheckJson {
  readonly quantities: readonly { start: number; end: number; text: string; value: JsonValue; unit: string; kind: string; comparator?: string }[];
  readonly dates: readonly { start: number; end: number; text: string }[];
  readonly commitments: readonly {
    start: number;
    end: number;
    text: string;
    theme?: string;
    action?: string;
    indicator?: string;
    target?: { value: JsonValue; unit: string; comparator?: string };
  }[];
}

/** Maps one Extraction, through the JSON contract, to the evaluation's Prediction. */
export function toPrediction(extraction: Extraction): Prediction {
  const json = toCheckJson('', extraction) as unknown as CheckJson;
  return {
    quantities: json.quantities.map((q, index) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      value: toGoldValue(q.value),
      unit: q.unit,
      kind: q.kind,
      ...(q.comparator ? { comparator: q.comparator } : {}),
      provenance: extraction.quantities[index]!.provenance,
    })),
    dates: json.dates.map(({ start, end, text }) => ({ start, end, text })),
    nonQuantities: extraction.nonQuantities.map(({ start, end, text }) => ({ start, end, text })),
    commitments: json.commitments.map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      ...(c.theme ? { theme: c.theme } : {}),
      ...(c.action ? { action: c.action } : {}),
      ...(c.indicator ? { indicator: c.indicator } : {}),
      ...(c.target
        ? {
            target: {
              // A grade target ("Ⅲ类") is written as the keys write it; numbers are scored as numbers.
              value: typeof c.target.value === 'string' && !/^-?\d/u.test(c.target.value) ? c.target.value : toGoldValue(c.target.value),
              unit: c.target.unit,
              ...(c.target.comparator ? { comparator: c.target.comparator } : {}),
            },
          }
        : {}),
    })),
  };
}

/** duixian's extractor as a Predictor. */
export async function loadDuixianPredictor(): Promise<Predictor & { readonly extract: ExtractFunction }> {
  return {
    name: 'duixian',
    extract,
    predict: (text, context) => toPrediction(extract(text, context.reportYear === undefined ? {} : { reportYear: context.reportYear })),
  };
}
