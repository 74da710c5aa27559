/**
 * The `duixian check --json` contract: one plain JSON object per file, numbers as numbers where exact,
 * as decimal strings where a double would lose digits, ranges as [low, high].
 */
import type { Decimal } from '../model/decimal.ts';
import type { Extraction } from '../model/extraction.ts';
import type { QuantityValue } from '../model/quantity.ts';
import { formatDecimal, isExactNumber } from '../numbers/decimal.ts';

/** A value as the JSON contract writes it: 2198000000, "12345678901234567.5", or [5, 6]. */
export type JsonValue = number | string | [number | string, number | string];

function decimalToJson(value: Decimal): number | string {
  const text = formatDecimal(value);
  const number = Number(text);
  return isExactNumber(value, number) ? number : text;
}

/**
 * @example quantityValueToJson({ type: 'range', low: 5, high: 6 }) // [5, 6]
 */
export function quantityValueToJson(value: QuantityValue): JsonValue {
  return value.type === 'exact' ? decimalToJson(value.value) : [decimalToJson(value.low), decimalToJson(value.high)];
}

/**
 * Builds the contract object for one file.
 * @example toCheckJson('seed.txt', extract(text)).quantities[0] // { id: 'q1', start: 492, end: 497, text: '87.8%', value: 87.8, unit: '%', kind: 'percent' }
 */
export function toCheckJson(file: string, extraction: Extraction): Record<string, unknown> {
  return {
    file,
    year: extraction.reportYear ?? null,
    quantities: extraction.quantities.map((q) => ({
      id: q.id,
      start: q.start,
      end: q.end,
      text: q.text,
      value: quantityValueToJson(q.value),
      unit: q.unit,
      kind: q.kind,
      ...(q.comparator ? { comparator: q.comparator } : {}),
      ...(q.metric ? { metric: q.metric } : {}),
      ...(q.role ? { role: q.role } : {}),
      ...(q.period?.year !== undefined ? { year: q.period.year } : {}),
    })),
    dates: extraction.dates.map((d) => ({
      id: d.id,
      start: d.start,
      end: d.end,
      text: d.text,
      value: d.period.year ?? null,
      unit: 'year',
      kind: 'date',
      ...(d.period.endYear !== undefined ? { endYear: d.period.endYear } : {}),
      ...(d.period.months ? { months: d.period.months } : {}),
    })),
    commitments: extraction.commitments.map((c) => ({
      id: c.id,
      start: c.start,
      end: c.end,
      text: c.text,
      ...(c.theme ? { theme: c.theme } : {}),
      ...(c.action ? { action: c.action } : {}),
      ...(c.indicator ? { indicator: c.indicator } : {}),
      ...(c.target
        ? { target: { value: c.target.value.type === 'grade' ? c.target.value.grade : quantityValueToJson(c.target.value), unit: c.target.unit, ...(c.target.comparator ? { comparator: c.target.comparator } : {}) } }
        : {}),
    })),
    // Findings to review (需复核) are wording worth a second look, not errors: listed apart so that no reader of
    // `findings` counts them as verdicts on the numbers.
    findings: extraction.findings.filter((finding) => finding.verdict !== 'questionable'),
    toReview: extraction.findings.filter((finding) => finding.verdict === 'questionable'),
    problems: extraction.problems,
  };
}
