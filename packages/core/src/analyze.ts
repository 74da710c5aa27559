/**
 * Extraction followed by verification: what `duixian check` and the server run on a document.
 * Example: analyze(seedText).findings includes a consistent growth check of 44.4%.
 */
import { extract } from './extract/pipeline.ts';
import type { Extraction, ExtractionContext } from './model/extraction.ts';
import { verify } from './verify/verify.ts';

/**
 * @example analyze('一般公共预算支出21.98亿元，较上年15.22亿元增长44.4%', { reportYear: 2023 }).findings.length // ≥ 1
 */
export function analyze(text: string, context: ExtractionContext = {}): Extraction {
  const extraction = extract(text, context);
  return { ...extraction, findings: verify(text, extraction) };
}
