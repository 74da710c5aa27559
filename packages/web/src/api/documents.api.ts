/**
 * Documents: the list, one document with its checked figures, and the staff's upload of a new one.
 * Example: getDocument(3) → { text, figures: [...], findings: [...], fileHref: '/api/documents/3/file' }.
 */
import type { TextMark } from '@duixian/core';
import type { DocumentDetailJson, ImportResultJson } from '@duixian/server';
import { getJson, query, upload } from './http.client.ts';
import type { DocumentDetail, DocumentFigure, DocumentFinding, DocumentSummary, UploadResult } from './view-types.ts';
import { PAGE_SIZE, type WirePage } from './wire-rows.mapping.ts';

type WireDocumentSummary = Omit<DocumentDetailJson, 'text' | 'extraction' | 'findings' | 'problems'>;

type WireJsonValue = number | string | [number | string, number | string];

/** The stored extraction, in core's `duixian check --json` contract. */
interface StoredExtraction {
  marks?: TextMark[];
  quantities?: { id: string; start: number; end: number; text: string; value: WireJsonValue; unit: string; kind: string; comparator?: string; metric?: string; role?: string; year?: number }[];
}

function toDocumentSummary(row: WireDocumentSummary): DocumentSummary {
  return { id: row.id, title: row.title, fileName: row.file_name, regionCode: row.region_code, year: row.year };
}

export async function listDocuments(regionCode: string, year: number): Promise<DocumentSummary[]> {
  const page = await getJson<WirePage<WireDocumentSummary>>(`/api/documents${query({ region: regionCode, page_size: PAGE_SIZE })}`);
  return page.items.map(toDocumentSummary).sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.id - a.id);
}

export async function getDocument(id: number): Promise<DocumentDetail> {
  const row = await getJson<DocumentDetailJson>(`/api/documents/${id}`);
  const extraction = (row.extraction ?? {}) as StoredExtraction;
  const figures = (extraction.quantities ?? []).map<DocumentFigure>((quantity) => {
    const [low, high] = Array.isArray(quantity.value) ? quantity.value : [quantity.value, undefined];
    return {
      id: quantity.id,
      start: quantity.start,
      end: quantity.end,
      text: quantity.text,
      value: String(low),
      ...(high !== undefined ? { valueHigh: String(high) } : {}),
      unit: quantity.unit,
      ...(quantity.comparator ? { comparator: quantity.comparator } : {}),
      ...(quantity.metric ? { metric: quantity.metric } : {}),
      ...(quantity.role ? { role: quantity.role } : {}),
      ...(quantity.year !== undefined ? { period: String(quantity.year) } : {}),
    };
  });
  const findings = Array.isArray(row.findings) ? (row.findings as DocumentFinding[]) : [];
  return {
    ...toDocumentSummary(row),
    figureCount: figures.length,
    inconsistentCount: new Set(findings.filter((finding) => finding.verdict === 'inconsistent').map((finding) => finding.stated)).size,
    text: row.text,
    marks: extraction.marks ?? [],
    figures,
    findings,
    fileHref: `/api/documents/${id}/file`,
  };
}


export async function uploadDocument(form: FormData, onProgress: (fraction: number) => void): Promise<UploadResult> {
  const body = new FormData();
  body.set('region_code', String(form.get('region') ?? ''));
  body.set('year', String(form.get('year') ?? ''));
  const file = form.get('file');
  if (file) body.set('file', file);
  const answer = await upload<ImportResultJson>('/api/documents', body, onProgress);
  return { documentId: answer.document.id, title: answer.document.title, reviewCount: answer.review.pending, isNew: answer.is_new };
}
