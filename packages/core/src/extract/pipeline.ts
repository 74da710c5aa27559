/**
 * Assembles extraction: repairs the text, runs the parsers and refiners of `extraction.config.ts` in order, then maps
 * every span back to the original text.
 * Example: "实施退化林分改造2万亩" → one quantity (20000 亩) and one commitment with that target.
 */
import type { Commitment, Target } from '../model/commitment.ts';
import type { DateMention } from '../model/date-mention.ts';
import type { Extraction, ExtractionContext, Section } from '../model/extraction.ts';
import type { Problem } from '../model/problem.ts';
import type { Quantity } from '../model/quantity.ts';
import type { Span } from '../model/span.ts';
import type { QuantityCandidate } from './candidate.ts';
import { EXTRACTION } from './extraction.config.ts';
import { emptyState, runConfiguration } from './extraction-state.ts';
import { mapSpan, normalizeText, type NormalizedText } from './normalize.ts';
import { scanUnreadableText } from './parsers/unreadable-text.scanner.ts';

/**
 * Extracts every quantity, date and commitment of a Chinese report, with exact values and spans.
 * @example extract('全年投资6.1亿元').quantities[0] // { text: '6.1亿元', unit: '元', kind: 'money', value: 6.1 × 10^8 }
 */
export function extract(source: string, context: ExtractionContext = {}): Extraction {
  const normalized = normalizeText(source);
  const { reportYear, dates: { dates }, quantities, nonQuantities, sections, commitments } = runConfiguration(EXTRACTION, emptyState(normalized.text, context));

  const ids = new Map<QuantityCandidate, string>();
  const outQuantities: Quantity[] = quantities.map((candidate, index) => {
    const id = `q${index + 1}`;
    ids.set(candidate, id);
    return toQuantity(source, normalized, candidate, id);
  });
  return {
    ...(reportYear === undefined ? {} : { reportYear }),
    quantities: outQuantities,
    dates: dates.map((date, index): DateMention => ({
      id: `d${index + 1}`,
      ...toSpan(source, normalized, date.start, date.end),
      period: date.period,
      provenance: date.provenance,
    })),
    nonQuantities: nonQuantities.map((item) => toSpan(source, normalized, item.start, item.end)),
    commitments: commitments.map((candidate, index): Commitment => {
      const quantityId = candidate.quantity ? ids.get(candidate.quantity) : undefined;
      const target: Target | undefined = candidate.quantity
        ? {
            value: candidate.quantity.value,
            unit: candidate.quantity.unit!,
            ...(candidate.quantity.comparator ? { comparator: candidate.quantity.comparator } : {}),
            ...(quantityId ? { quantityId } : {}),
          }
        : candidate.grade
          ? {
              value: { type: 'grade', grade: candidate.grade.grade, rank: candidate.grade.rank },
              unit: 'class',
              comparator: candidate.grade.isAtLeast ? 'at_least_class' : 'at_most_class',
            }
          : undefined;
      return {
        id: `c${index + 1}`,
        ...toSpan(source, normalized, candidate.start, candidate.end),
        ...(candidate.theme ? { theme: candidate.theme } : {}),
        ...(candidate.action ? { action: candidate.action } : {}),
        ...(candidate.indicator ? { indicator: candidate.indicator } : {}),
        ...(target ? { target } : {}),
        provenance: target ? 'parser/commitment-quantified' : 'parser/commitment-action',
      };
    }),
    sections: sections.map((section): Section => ({
      ...toSpan(source, normalized, section.start, section.end),
      title: section.title,
      theme: section.theme,
    })),
    findings: [],
    problems: scanUnreadableText(normalized.text).map((run): Problem => {
      const span = toSpan(source, normalized, run.start, run.end);
      return {
        code: 'unreadable-text',
        message: `有 ${span.end - span.start} 个字符无法识别（文本编码错误，或 PDF 字体缺少字符映射），其中的数字无法读取和核查`,
        span,
      };
    }),
  };
}

function toSpan(source: string, normalized: NormalizedText, start: number, end: number): Span {
  const mapped = mapSpan(normalized, start, end);
  return { start: mapped.start, end: mapped.end, text: source.slice(mapped.start, mapped.end) };
}

function toQuantity(source: string, normalized: NormalizedText, candidate: QuantityCandidate, id: string): Quantity {
  return {
    id,
    ...toSpan(source, normalized, candidate.start, candidate.end),
    value: candidate.value,
    unit: candidate.unit!,
    kind: candidate.kind ?? 'count',
    ...(candidate.comparator ? { comparator: candidate.comparator } : {}),
    ...(candidate.metric ? { metric: candidate.metric } : {}),
    ...(candidate.role ? { role: candidate.role } : {}),
    ...(candidate.direction ? { direction: candidate.direction } : {}),
    ...(candidate.base ? { base: candidate.base } : {}),
    ...(candidate.period ? { period: candidate.period } : {}),
    provenance: candidate.provenance,
  };
}
