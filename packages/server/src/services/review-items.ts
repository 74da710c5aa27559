/**
 * The review candidates core reads out of a document (commitments, indicators, budget lines, the livelihood
 * programme), as the review items storage keeps until a person accepts or rejects them.
 * Example: { kind: 'indicator', candidate_key: 'indicator:120-124', payload: { name: '空气质量优良率', … } } → the same row.
 */
import type { Candidate } from '@duixian/core';
import type { NewReviewItem } from '@duixian/storage';

/** The candidates as review items for storage. */
export function toReviewItems(candidates: readonly Candidate[]): NewReviewItem[] {
  return candidates.map((candidate) => ({ kind: candidate.kind, candidate_key: candidate.candidate_key, payload: candidate.payload }));
}
