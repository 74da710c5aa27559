/**
 * Commitments: the public list and one commitment with its progress and history, themes and units for the filters.
 * Example: getCommitment(12) → { title: '新建托养机构5家', updates: [...], history: [...] }.
 */
import type {
  AuditEvent,
  CommitmentDetailJson,
  CommitmentJson,
  DashboardSummaryJson,
  ProgressUpdate,
  Unit,
} from '@duixian/server';
import type { z } from 'zod';
import { getJson, query } from './http.client.ts';
import type {
  CommitmentDetail,
  CommitmentSummary,
  EvidenceView,
  HistoryEventView,
  Place,
  ProgressUpdateView,
  SessionUser,
  UnitView,
} from './view-types.ts';
import { historyChanges } from '../format/history-change.format.ts';
import { PAGE_SIZE, sourceOf, type WirePage } from './wire-rows.mapping.ts';
import { findEvidencePaths } from './evidence.api.ts';

export function toCommitmentSummary(row: CommitmentJson): CommitmentSummary {
  const schedule = row.schedule;
  const deadline = row.deadline ?? schedule.deadline;
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    ...(row.theme ? { theme: row.theme } : {}),
    ...(row.theme_id !== null ? { themeId: row.theme_id } : {}),
    units: row.units.map((unit) => ({ id: unit.unit_id, name: unit.name, role: unit.role })),
    ...(deadline ? { deadline } : {}),
    ...(row.target_value !== null && row.target_unit
      ? { target: { value: row.target_value, unit: row.target_unit, ...(row.target_comparator ? { comparator: row.target_comparator } : {}) } }
      : row.target_grade ? { target: { value: row.target_grade, unit: '', ...(row.target_comparator ? { comparator: row.target_comparator } : {}) } } : {}),
    // Without any report there is no actual progress to show, only what the schedule expects.
    ...(schedule.has_progress && schedule.actual_percent ? { actualPercent: schedule.actual_percent } : {}),
    ...(schedule.expected_percent ? { expectedPercent: schedule.expected_percent } : {}),
    ...(schedule.code ? { scheduleStatus: schedule.code } : {}),
    ...(schedule.colour ? { colour: schedule.colour } : {}),
    ...(schedule.reported_status ? { reportedStatus: schedule.reported_status } : {}),
    ...(schedule.days_to_deadline !== null ? { daysToDeadline: schedule.days_to_deadline } : {}),
    explanation: schedule.explanation,
  };
}

export interface CommitmentFilterInput {
  readonly theme?: string;
  readonly unit?: string;
  readonly status?: string;
  readonly colour?: string;
}

export async function listCommitments(place: Place, filter: CommitmentFilterInput): Promise<{ items: CommitmentSummary[]; total: number }> {
  const page = await getJson<WirePage<CommitmentJson>>(
    `/api/commitments${query({ region: place.regionCode, year: place.year, theme: filter.theme, unit_id: filter.unit, status: filter.status, colour: filter.colour, page_size: PAGE_SIZE })}`,
  );
  return { items: page.items.map(toCommitmentSummary), total: page.total };
}

/** The items a signed-in user works on: a unit editor's own unit only (the server enforces it too). */
export async function listMyCommitments(place: Place, user: SessionUser): Promise<CommitmentSummary[]> {
  const unit = user.role === 'unit_editor' && user.unitId !== undefined ? String(user.unitId) : undefined;
  const page = await listCommitments(place, unit ? { unit } : {});
  return page.items;
}

export async function listThemes(place: Place): Promise<string[]> {
  const summary = await getJson<DashboardSummaryJson>(`/api/dashboard/summary${query({ region: place.regionCode, year: place.year })}`);
  return (summary.commitments?.themes ?? []).map((theme) => theme.theme).filter((theme): theme is string => Boolean(theme));
}

/** The region of a unit: a unit editor's workbench opens on it. */
export async function findUnitRegion(unitId: number): Promise<string | undefined> {
  const answer = await getJson<{ items: z.infer<typeof Unit>[] }>('/api/units');
  return answer.items.find((unit) => unit.id === unitId)?.region_code;
}

export async function listUnits(regionCode: string): Promise<UnitView[]> {
  const answer = await getJson<{ items: z.infer<typeof Unit>[] }>(`/api/units${query({ region: regionCode })}`);
  return answer.items.map((unit) => ({
    id: unit.id,
    name: unit.name,
    regionCode: unit.region_code,
    contact: { name: unit.contact_name, phone: unit.contact_phone, email: unit.contact_email },
  }));
}

export type WireProgress = z.infer<typeof ProgressUpdate>;

export function toEvidence(item: WireProgress['evidence'][number], files: { upload: string; download: string | undefined }): EvidenceView {
  const fileHref = files.download ? files.download.replace(/\{[^}]+\}/, encodeURIComponent(item.ref)) : `${files.upload}/${encodeURIComponent(item.ref)}`;
  const href = item.kind === 'link' ? item.ref : fileHref;
  const label = item.label ?? item.ref.slice(0, 12);
  const isImage = /\.(png|jpe?g|gif|webp|heic)$/i.test(label);
  return { label, href, isImage };
}

export function toUpdate(row: WireProgress, files: { upload: string; download: string | undefined }): ProgressUpdateView {
  return {
    id: row.id,
    reportedOn: row.reported_on,
    ...(row.amount !== null ? { amount: row.amount } : {}),
    ...(row.percent !== null ? { percent: row.percent } : {}),
    ...(row.reported_status ? { reportedStatus: row.reported_status } : {}),
    ...(row.note ? { note: row.note } : {}),
    evidence: row.evidence.map((item) => toEvidence(item, files)),
    ...(row.review_status ? { reviewStatus: row.review_status } : {}),
    ...(row.review_reason ? { reviewReason: row.review_reason } : {}),
  };
}

type WireAuditEvent = z.infer<typeof AuditEvent>;

export async function getCommitment(id: number): Promise<CommitmentDetail> {
  const [row, progress, history, files] = await Promise.all([
    getJson<CommitmentDetailJson>(`/api/commitments/${id}`),
    getJson<WirePage<WireProgress>>(`/api/commitments/${id}/progress${query({ page_size: 100 })}`),
    getJson<WirePage<WireAuditEvent>>(`/api/commitments/${id}/history${query({ page_size: 100 })}`),
    findEvidencePaths().catch(() => ({ upload: '/api/evidence', download: undefined })),
  ]);
  return {
    ...toCommitmentSummary(row),
    originalText: row.original_text,
    children: row.children.map(toCommitmentSummary),
    ...sourceOf(row),
    updates: progress.items.map((update) => toUpdate(update, files)),
    history: history.items.map<HistoryEventView>((event) => ({
      id: event.id,
      occurredAt: event.occurred_at,
      action: event.action,
      ...(event.actor_name ? { actor: event.actor_name } : {}),
      isSystem: event.actor_id === null,
      changes: historyChanges(event.before, event.after),
    })),
  };
}
