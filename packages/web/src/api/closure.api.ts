/**
 * The typed client of 销号 (closing an item): a unit editor asks with a note and evidence, the 督查室 approves or
 * refuses with a reason. Example: requestClosure(12, form{note:'已全部竣工', evidence: 验收单.pdf}) → 待审核.
 */
import type { ClosureRequestJson } from '@duixian/server';
import { toEvidence } from './commitments.api.ts';
import { findEvidencePaths, uploadEvidence } from './evidence.api.ts';
import { getJson, query, request } from './http.client.ts';
import type { EvidenceView } from './view-types.ts';

export interface ClosureView {
  readonly id: number;
  readonly commitmentId: number;
  readonly commitmentTitle: string;
  readonly unitName: string;
  readonly note: string;
  readonly evidence: readonly EvidenceView[];
  readonly status: ClosureRequestJson['status'];
  readonly reason: string | undefined;
  readonly createdAt: string;
}

/** The requests the viewer may see (an editor: their unit's only, as the server scopes them), newest first. */
export async function listClosures(status?: ClosureRequestJson['status']): Promise<ClosureView[]> {
  const [answer, files] = await Promise.all([
    getJson<{ items: ClosureRequestJson[] }>(`/api/closures${query({ status })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return answer.items
    .map((row) => ({
      id: row.id,
      commitmentId: row.commitment_id,
      commitmentTitle: row.commitment_title,
      unitName: row.unit_name,
      note: row.note,
      evidence: row.evidence.map((item) => toEvidence(item, files)),
      status: row.status,
      reason: row.reason ?? undefined,
      createdAt: row.created_at,
    }))
    .sort((a, b) => b.id - a.id);
}

/** 申请销号: uploads the form's evidence files, then asks; the server refuses a second waiting request (409). */
export async function requestClosure(commitmentId: number, form: FormData): Promise<void> {
  const evidence = [];
  for (const file of form.getAll('evidence')) {
    if (file instanceof File && file.size > 0) evidence.push(await uploadEvidence(file));
  }
  const note = form.get('note');
  await request('POST', `/api/commitments/${commitmentId}/closure`, { note: typeof note === 'string' ? note.trim() : '', evidence });
}

export async function approveClosure(id: number): Promise<void> {
  await request('POST', `/api/closures/${id}/approve`);
}

export async function refuseClosure(id: number, reason: string): Promise<void> {
  await request('POST', `/api/closures/${id}/refuse`, { reason });
}
