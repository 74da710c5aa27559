/**
 * The typed client of the review queue: a filtered page of candidates with their source sentences, the filter choices
 * (themes, sections), every id a filter matches (select all), decisions with or without publishing, and publishing.
 * Example: listReviewQueue({ documentId: 3, kind: 'commitment', hasTarget: true }) → { total: 160, items: [{ title: '净增规模工业企业不少于100家', source: { before: '', match: '…', after: '…' }, … }] }.
 */
import type { ReviewFacetsJson, ReviewQueueItemJson } from '@duixian/server';
import { getJson, query, request } from './http.client.ts';

export type ReviewKind = ReviewQueueItemJson['kind'];
export type ReviewStatus = ReviewQueueItemJson['status'];

/** The queue's filters; an absent field does not narrow. */
export interface ReviewFilter {
  readonly documentId?: number | undefined;
  readonly status?: ReviewStatus | undefined;
  readonly kind?: ReviewKind | undefined;
  readonly theme?: string | undefined;
  readonly section?: string | undefined;
  readonly hasTarget?: boolean | undefined;
  readonly retrospective?: boolean | undefined;
  readonly q?: string | undefined;
}

/** The fields a reviewer edits on a commitment candidate before accepting it. */
export interface CommitmentEdits {
  title?: string;
  theme?: string | null;
  target_value?: string | null;
  target_unit?: string | null;
  target_comparator?: '=' | '>=' | '<=' | '≈' | null;
  deadline?: string | null;
}

export interface ReviewQueueItemView {
  readonly id: number;
  readonly kind: ReviewKind;
  readonly status: ReviewStatus;
  readonly title: string;
  readonly theme: string | null;
  readonly section: string | null;
  readonly targetValue: string | null;
  readonly targetUnit: string | null;
  readonly targetComparator: string | null;
  readonly retrospective: boolean;
  readonly planYear: number | null;
  readonly entityId: number | null;
  readonly source: ReviewQueueItemJson['source'];
}

export interface ReviewQueuePage {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly ReviewQueueItemView[];
}

/** The page size of the queue: 100 compact rows (about 9,000 px on a desktop), a report's 400 in four pages. */
export const REVIEW_PAGE_SIZE = 100;

function filterQuery(filter: ReviewFilter) {
  return {
    document_id: filter.documentId,
    status: filter.status,
    kind: filter.kind,
    theme: filter.theme,
    section: filter.section,
    has_target: filter.hasTarget === undefined ? undefined : String(filter.hasTarget),
    retrospective: filter.retrospective === undefined ? undefined : String(filter.retrospective),
    q: filter.q && filter.q.trim() !== '' ? filter.q.trim() : undefined,
  };
}

function toView(item: ReviewQueueItemJson): ReviewQueueItemView {
  const payload = item.payload;
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  const money = text('amount_yuan') ?? text('budget_yuan');
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    title: text('title') ?? text('label') ?? text('name') ?? item.kind,
    theme: text('theme'),
    section: text('section'),
    targetValue: money ?? text('target_value'),
    targetUnit: money ? '元' : (text('target_unit') ?? text('unit')),
    targetComparator: text('target_comparator'),
    retrospective: payload['retrospective'] === true,
    planYear: typeof payload['plan_year'] === 'number' ? payload['plan_year'] : typeof payload['year'] === 'number' ? payload['year'] : null,
    entityId: item.entity_id,
    source: item.source,
  };
}

export async function listReviewQueue(filter: ReviewFilter, page = 1): Promise<ReviewQueuePage> {
  const answer = await getJson<{ items: ReviewQueueItemJson[]; total: number; page: number; page_size: number }>(
    `/api/review-items${query({ ...filterQuery(filter), page, page_size: REVIEW_PAGE_SIZE })}`,
  );
  return { total: answer.total, page: answer.page, pageSize: answer.page_size, items: answer.items.map(toView) };
}

export async function getReviewFacets(filter: Pick<ReviewFilter, 'documentId' | 'status' | 'kind'>): Promise<ReviewFacetsJson> {
  return getJson<ReviewFacetsJson>(`/api/review-items/facets${query({ document_id: filter.documentId, status: filter.status, kind: filter.kind })}`);
}

/** Every id the filter matches (at most 1000): what "select all filtered" selects. */
export async function listReviewIds(filter: ReviewFilter): Promise<number[]> {
  return (await getJson<{ ids: number[] }>(`/api/review-items/ids${query(filterQuery(filter))}`)).ids;
}

/** Accepts or rejects the items at once (all or none); accepted commitments are published only when asked. */
export async function decideReviewIds(ids: readonly number[], decision: 'accept' | 'reject', publish: boolean): Promise<void> {
  if (ids.length === 0) return;
  await request('POST', '/api/review-items/decisions', { decisions: ids.map((id) => ({ id, decision })), publish });
}

/** Accepts one candidate with the reviewer's edits. */
export async function acceptWithEdits(id: number, edits: CommitmentEdits, publish: boolean): Promise<void> {
  await request('POST', `/api/review-items/${id}/accept`, { edits, publish });
}

/** Publishes the commitments accepted items became; returns how many were newly published. */
export async function publishReviewItems(ids: readonly number[]): Promise<number> {
  return (await request<{ published: number }>('POST', '/api/review-items/publish', { ids })).published;
}
