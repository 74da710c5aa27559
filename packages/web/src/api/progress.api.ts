/**
 * Progress reports: a unit's report with its evidence, its own earlier reports, and the 督查室's review queue
 * (approve, return with a reason). Example: listPendingProgress(place) → [{ id: 9, commitmentTitle: '…', … }].
 */
import { getJson, query, request } from './http.client.ts';
import type { CommitmentSummary, PendingProgressView, Place, ProgressUpdateView } from './view-types.ts';
import { chinaDate } from '../format/china-time.format.ts';
import { PAGE_SIZE, type WirePage } from './wire-rows.mapping.ts';
import { toUpdate, type WireProgress } from './commitments.api.ts';
import { findEvidencePaths, uploadEvidence } from './evidence.api.ts';

export async function reportProgress(commitment: CommitmentSummary, form: FormData): Promise<void> {
  const field = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const evidence = [];
  for (const file of form.getAll('evidence')) {
    if (file instanceof File && file.size > 0) evidence.push(await uploadEvidence(file));
  }
  const percent = field('percent');
  const amount = field('amount');
  const note = field('note');
  const status = field('reported_status');
  await request('POST', `/api/commitments/${commitment.id}/progress`, {
    reported_on: field('reported_on') ?? chinaDate(new Date()),
    ...(percent ? { percent } : {}),
    ...(amount ? { amount } : {}),
    ...(note ? { note } : {}),
    ...(status ? { reported_status: status } : {}),
    ...(evidence.length ? { evidence } : {}),
  });
}


type WireReviewedProgress = WireProgress & {
  commitment_title: string;
  target_value: string | null;
  target_unit: string | null;
  lead_unit: string | null;
  author_name: string | null;
};

/** The reports of a region and year waiting for review, oldest first. */
export async function listPendingProgress(place: Place): Promise<PendingProgressView[]> {
  const [answer, files] = await Promise.all([
    getJson<WirePage<WireReviewedProgress>>(`/api/progress${query({ status: 'pending', region: place.regionCode, year: place.year, page_size: PAGE_SIZE })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return answer.items.map((row) => ({
    ...toUpdate(row, files),
    ...(row.author_name ? { author: row.author_name } : {}),
    commitmentId: row.commitment_id,
    commitmentTitle: row.commitment_title,
    ...(row.target_value !== null ? { targetValue: row.target_value } : {}),
    ...(row.target_unit !== null ? { targetUnit: row.target_unit } : {}),
    ...(row.lead_unit !== null ? { leadUnit: row.lead_unit } : {}),
  }));
}

export async function approveProgress(id: number): Promise<void> {
  await request('POST', `/api/progress/${id}/approve`);
}

export async function returnProgress(id: number, reason: string): Promise<void> {
  await request('POST', `/api/progress/${id}/return`, { reason });
}

/** One commitment's reports as its unit sees them: each with its review (待审核, 已通过, 已退回 and why). */
export async function listOwnReports(commitmentId: number): Promise<ProgressUpdateView[]> {
  const [answer, files] = await Promise.all([
    getJson<WirePage<WireProgress>>(`/api/commitments/${commitmentId}/progress${query({ page_size: 20 })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return answer.items.map((row) => toUpdate(row, files));
}
