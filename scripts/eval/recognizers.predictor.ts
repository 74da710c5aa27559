/**
 * Runs Microsoft Recognizers-Text (Chinese culture: number, percentage, currency, dimension) and maps its results to
 * the answer keys' terms, as fairly as the library allows: "21.98亿元" (currency, Chinese yuan) → 2198000000 元,
 * "44.4%" → 44.4 %, "2万亩" (dimension, Mu) → 20000 亩; a bare number keeps no unit ("8040套" → 8040, unit '').
 */
import { createRequire } from 'node:module';
import type { Prediction, PredictedQuantity, Predictor } from './prediction.ts';

interface ModelResult {
  readonly start: number;
  /** Inclusive: the index of the last character. */
  readonly end: number;
  readonly text: string;
  readonly typeName: string;
  readonly resolution?: { readonly value?: string | null; readonly unit?: string; readonly isoCurrency?: string } | null;
}

interface Model {
  parse(query: string): ModelResult[];
}

/** Recognizers' English dimension names → the Chinese unit word the answer keys use. */
const DIMENSION_UNITS: Readonly<Record<string, string>> = {
  Meter: '米', Kilometer: '公里', Centimeter: '厘米', Micrometer: '毫米', Li: '里',
  'Square meter': '平方米', 'Square kilometer': '平方公里', Hectare: '公顷', Mu: '亩', Acre: '英亩',
  Liter: '升', 'Cubic meter': '立方米', Kilogram: '公斤', Gram: '克', Ton: '吨', Jin: '斤', Barrel: '桶',
};

/** Recognizers' currency names → the unit word the keys use ('元' for Chinese yuan, else the currency's name). */
const CURRENCY_UNITS: Readonly<Record<string, string>> = {
  'Chinese yuan': '元', 'United States dollar': '美元', Euro: '欧元', 'Japanese yen': '日元',
  'Hong Kong dollar': '港元', 'British pound': '英镑',
};

const NUMBER_PREFIX = /^[约近超过达到]*[0-9０-９.．,，零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点]+/u;

/** The unit as written after the number in a dimension result ("15.9万公里" → "公里"), when the keys know it. */
function writtenUnit(text: string): string {
  return text.replace(NUMBER_PREFIX, '').trim();
}

function toNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const number = Number(value.replace(/%$/, ''));
  return Number.isFinite(number) ? number : undefined;
}

/** Maps one Recognizers result to a predicted quantity; `undefined` for results with no usable value. */
export function mapRecognizersResult(result: ModelResult, offset: number): PredictedQuantity | undefined {
  const value = toNumber(result.resolution?.value);
  const start = offset + result.start;
  const end = offset + result.end + 1;
  const base = { start, end, text: result.text, provenance: `recognizers/${result.typeName}` };
  switch (result.typeName) {
    case 'currency': {
      const name = result.resolution?.unit ?? '';
      return { ...base, value, unit: CURRENCY_UNITS[name] ?? name, kind: 'money' };
    }
    case 'percentage':
      return { ...base, value, unit: '%', kind: 'percent' };
    case 'dimension': {
      if (value === undefined) return undefined;
      const name = result.resolution?.unit ?? '';
      const written = writtenUnit(result.text);
      const unit = written !== '' && Object.values(DIMENSION_UNITS).includes(written) ? written : (DIMENSION_UNITS[name] ?? name);
      return { ...base, value, unit, kind: 'measure' };
    }
    default:
      return { ...base, value, unit: '', kind: 'count' };
  }
}

/** Of overlapping results keeps the one with a unit (currency, percentage, dimension) over a bare number, then the longer. */
export function mergeOverlapping(items: readonly PredictedQuantity[]): PredictedQuantity[] {
  const rank = (q: PredictedQuantity): number => (q.unit === '' ? 0 : 1);
  const sorted = [...items].sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PredictedQuantity[] = [];
  for (const item of sorted) {
    if (!kept.some((k) => k.start < item.end && item.start < k.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The four models, built once (the suite's recognizeX functions rebuild them on every call, which is 2.5× slower). */
function loadModels(): { readonly models: readonly Model[]; readonly mode: string } {
  const require = createRequire(import.meta.url);
  try {
    const numbers = require('@microsoft/recognizers-text-number') as {
      NumberRecognizer: new (culture: string) => { getNumberModel(): Model; getPercentageModel(): Model };
      Culture: { Chinese: string };
    };
    const units = require('@microsoft/recognizers-text-number-with-unit') as {
      NumberWithUnitRecognizer: new (culture: string) => { getCurrencyModel(): Model; getDimensionModel(): Model };
    };
    const culture = numbers.Culture.Chinese;
    const n = new numbers.NumberRecognizer(culture);
    const u = new units.NumberWithUnitRecognizer(culture);
    return { models: [n.getNumberModel(), n.getPercentageModel(), u.getCurrencyModel(), u.getDimensionModel()], mode: 'models built once' };
  } catch {
    const suite = require('@microsoft/recognizers-text-suite') as Record<string, unknown> & { Culture: { Chinese: string } };
    const culture = suite.Culture.Chinese;
    const call = (name: string): Model => ({ parse: (q) => (suite[name] as (q: string, c: string) => ModelResult[])(q, culture) });
    return {
      models: ['recognizeNumber', 'recognizePercentage', 'recognizeCurrency', 'recognizeDimension'].map(call),
      mode: 'suite functions',
    };
  }
}

/**
 * Recognizers-Text as a predictor. It reads one sentence at a time (split after 。！？； and line breaks): its
 * regexes slow down more than linearly with input length — a whole report is about 8× slower than line by line, and
 * line by line 3× slower than sentence by sentence — and no figure spans a sentence end, so the results are the same.
 */
export function createRecognizersPredictor(): Predictor & { readonly mode: string } {
  const { models, mode } = loadModels();
  return {
    name: 'recognizers-text',
    mode,
    predict(text: string): Prediction {
      const found: PredictedQuantity[] = [];
      let offset = 0;
      for (const line of text.split(/(?<=[。！？；\n])/u)) {
        if (/[0-9０-９零〇一二两三四五六七八九十百千万亿]/u.test(line)) {
          for (const model of models) {
            for (const result of model.parse(line)) {
              const mapped = mapRecognizersResult(result, offset);
              // Recognizers may normalise the text it reports; keep the document's own characters.
              if (mapped) found.push({ ...mapped, text: line.slice(result.start, result.end + 1) });
            }
          }
        }
        offset += line.length;
      }
      return { quantities: mergeOverlapping(found), dates: [], nonQuantities: [], commitments: [] };
    },
  };
}
