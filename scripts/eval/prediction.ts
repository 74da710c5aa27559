/**
 * What a tool under evaluation found in one text, in the answer keys' terms: "21.98亿元" →
 * { start, end, text: '21.98亿元', value: 2198000000, unit: '元' }. Both duixian and Recognizers-Text are mapped to it.
 */
import type { GoldValue } from './gold-key.ts';

export interface PredictedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface PredictedQuantity extends PredictedSpan {
  /** A number, or [low, high] for a range. `undefined` when the tool found a number it could not value. */
  readonly value: GoldValue | undefined;
  /** '元', '%', 'pp' or the measure word; '' when the tool gives none. */
  readonly unit: string;
  readonly kind?: string;
  readonly comparator?: string;
  /** The tool's own label for where it came from ('parser/number-unit', 'recognizers/currency'). */
  readonly provenance?: string;
}

export interface PredictedCommitment extends PredictedSpan {
  readonly theme?: string;
  readonly action?: string;
  readonly indicator?: string;
  readonly target?: { readonly value: GoldValue | string | undefined; readonly unit: string; readonly comparator?: string };
}

/** Everything one tool found in one text. */
export interface Prediction {
  readonly quantities: readonly PredictedQuantity[];
  readonly dates: readonly PredictedSpan[];
  readonly nonQuantities: readonly PredictedSpan[];
  readonly commitments: readonly PredictedCommitment[];
}

/** A tool under evaluation: text (and the report year when known) in, prediction out. */
export interface Predictor {
  readonly name: string;
  predict(text: string, context: { readonly reportYear?: number }): Prediction;
}
