/**
 * The working form of a quantity inside the pipeline: offsets into the normalized text, fields filled
 * step by step by parsers and refiners, turned into a `Quantity` at the end.
 */
import type { Comparator, Period, QuantityKind, QuantityRole, QuantityValue } from '../model/quantity.ts';

export interface QuantityCandidate {
  start: number;
  end: number;
  value: QuantityValue;
  /** Undefined for a bare number, which only a range or a ratio can still turn into a quantity. */
  unit?: string;
  kind?: QuantityKind;
  comparator?: Comparator;
  metric?: string;
  role?: QuantityRole;
  direction?: 'up' | 'down';
  base?: string;
  period?: Period;
  /** Written with Chinese numerals: held to stricter rules, since 一 and 三 live inside so many words. */
  isChinese: boolean;
  hasMagnitude: boolean;
  /** The power of ten of a written Arabic magnitude (万 → 4), which a range's first number borrows: 10—15万元. */
  magnitudePower: number;
  provenance: string;
}

/** A numeral recognised as part of a name, ordinal, code or idiom, so it is left out of the quantities. */
export interface NonQuantityCandidate {
  start: number;
  end: number;
  reason: 'ordinal' | 'code' | 'name' | 'slogan' | 'lexical' | 'duration' | 'list-marker' | 'footnote' | 'ratio' | 'age';
}

/**
 * The same candidate as an object with every field present, in one order: refiners fill fields in later, and
 * objects of one shape keep that fast (a field added afterwards changes an object's hidden class in V8).
 */
export function shapeCandidate(candidate: QuantityCandidate): QuantityCandidate {
  return {
    start: candidate.start,
    end: candidate.end,
    value: candidate.value,
    unit: candidate.unit,
    kind: candidate.kind,
    comparator: candidate.comparator,
    metric: candidate.metric,
    role: candidate.role,
    direction: candidate.direction,
    base: candidate.base,
    period: candidate.period,
    isChinese: candidate.isChinese,
    hasMagnitude: candidate.hasMagnitude,
    magnitudePower: candidate.magnitudePower,
    provenance: candidate.provenance,
  };
}
