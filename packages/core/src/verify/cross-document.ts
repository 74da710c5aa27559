/**
 * Checks facts restated across several documents of one region (`duixian check a.txt b.txt`), found two ways:
 * sentences whose figures line up role by role (across-documents.ts), and figures with the same metric, period,
 * role and unit. Each must agree within the precision it is written with. Example: a budget report's
 * "一般公共预算支出21.98亿元" and a 民生账本 page's "一般公共预算支出22.1亿元" for 2023 → inconsistent.
 * Quantity ids in the findings name their document: 'b.txt#q7'.
 */
import type { Finding } from '../model/finding.ts';
import type { Quantity } from '../model/quantity.ts';
import { formatQuantityValue } from '../numbers/chinese-amount.format.ts';
import { findAlignedRestatements, type NamedDocument } from './across-documents.ts';
import { formatRational, intervalFromValue, intervalGap, intervalsMeet } from './interval.ts';

export type { NamedDocument } from './across-documents.ts';

/** The identity of a fact: a figure whose metric, year, role and unit match another's is the same fact. */
function factKey(quantity: Quantity, reportYear: number | undefined): string | undefined {
  const year = quantity.period?.year ?? reportYear;
  // Only figures that name what they measure and when can be said to state the same fact.
  if (!quantity.metric || quantity.metric.length < 2 || year === undefined || quantity.period?.months) return undefined;
  if (quantity.value.type !== 'exact' || quantity.comparator) return undefined;
  return [quantity.metric, year, quantity.role ?? 'level', quantity.unit, quantity.base ?? ''].join('\u0000');
}

/**
 * Compares every fact stated in more than one document with its first statement.
 * @example checkAcrossDocuments([{ name: 'a.txt', text: a, extraction: extract(a) }, { name: 'b.txt', … }])
 * // [{ check: 'cross-document', verdict: 'inconsistent', stated: 'b.txt#q1', message: '一般公共预算支出：a.txt 称 21.98亿元，b.txt 称 22.1亿元，两处不符 ✗', … }]
 */
export function checkAcrossDocuments(documents: readonly NamedDocument[]): Finding[] {
  const aligned = findAlignedRestatements(documents);
  const judged = new Set(aligned.map((finding) => finding.stated));
  const first = new Map<string, { document: string; quantity: Quantity }>();
  const findings: Finding[] = [...aligned];
  for (const { name, extraction } of documents) {
    const seenHere = new Set<string>();
    for (const quantity of extraction.quantities) {
      const key = factKey(quantity, extraction.reportYear);
      if (key === undefined || seenHere.has(key)) continue; // within one document, restatement is the document's own check
      seenHere.add(key);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { document: name, quantity });
        continue;
      }
      if (earlier.document === name || judged.has(`${name}#${quantity.id}`)) continue;
      const stated = intervalFromValue(quantity.value);
      const before = intervalFromValue(earlier.quantity.value);
      const isConsistent = intervalsMeet(stated, before);
      const shownBefore = formatQuantityValue(earlier.quantity.value, earlier.quantity.unit);
      const shownNow = formatQuantityValue(quantity.value, quantity.unit);
      const places = Math.max(0, -Math.min(exponentOf(quantity), exponentOf(earlier.quantity)));
      findings.push({
        id: `x${findings.length + 1}`,
        check: 'cross-document',
        verdict: isConsistent ? 'consistent' : 'inconsistent',
        stated: `${name}#${quantity.id}`,
        quantities: [`${earlier.document}#${earlier.quantity.id}`],
        expected: { low: formatRational(before.low, places + 1, 'floor'), high: formatRational(before.high, places + 1, 'ceil') },
        ...(isConsistent ? {} : { deviation: formatRational(intervalGap(stated, before), places + 1) }),
        message: `${quantity.metric}：${earlier.document} 称 ${shownBefore}，${name} 称 ${shownNow}${isConsistent ? '，一致 ✓' : '，两处不符 ✗'}`,
      });
    }
  }
  return findings.map((finding, index) => ({ ...finding, id: `x${index + 1}` }));
}

function exponentOf(quantity: Quantity): number {
  return quantity.value.type === 'exact' ? quantity.value.value.exponent : Math.min(quantity.value.low.exponent, quantity.value.high.exponent);
}
