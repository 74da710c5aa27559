/**
 * The typed client of the official documents: a unit's 督办单 (list, issue, download as Word or printable page) and
 * the monthly 通报's download links. Example: issueSupervisionNotice(3, 2024) → { number: '城北督〔2024〕12号', … };
 * bulletinHref('630105', '2024-06', 'docx') → '/api/bulletins/630105/2024-06/document?format=docx'.
 */
import type { SupervisionNoticeJson } from '@duixian/server';
import { getJson, query, request } from './http.client.ts';

export type DocumentFormat = 'docx' | 'html';

export interface SupervisionNoticeView {
  readonly id: number;
  readonly number: string;
  readonly issuedOn: string;
  readonly unitName: string;
  readonly itemCount: number;
}

function toView(notice: SupervisionNoticeJson): SupervisionNoticeView {
  return { id: notice.id, number: notice.number, issuedOn: notice.issued_on, unitName: notice.unit_name, itemCount: notice.item_count };
}

/** A unit's notices of a plan year, newest first (a unit editor is given its own unit's only). */
export async function listSupervisionNotices(filter: { regionCode: string; planYear: number; unitId?: number | undefined }): Promise<SupervisionNoticeView[]> {
  const answer = await getJson<{ items: SupervisionNoticeJson[] }>(`/api/supervision-notices${query({ region: filter.regionCode, plan_year: filter.planYear, unit_id: filter.unitId })}`);
  return answer.items.map(toView);
}

export async function issueSupervisionNotice(unitId: number, planYear: number): Promise<SupervisionNoticeView> {
  return toView(await request<SupervisionNoticeJson>('POST', '/api/supervision-notices', { unit_id: unitId, plan_year: planYear }));
}

export function supervisionNoticeHref(id: number, format: DocumentFormat): string {
  return `/api/supervision-notices/${id}/document?format=${format}`;
}

export function bulletinHref(regionCode: string, month: string, format: DocumentFormat): string {
  return `/api/bulletins/${encodeURIComponent(regionCode)}/${month}/document?format=${format}`;
}
