/**
 * The typed client of GET /api/follow-up: a region's targets for one year with the results its next report states,
 * as the web's view types. Example: getFollowUp('110000', 2024) → { lastYear: 2024, thisYear: 2025, counts: { met: 3,
 * missed: 1, not_reported: 0 }, metByStatement: 0, pairs: [{ metric: '地区生产总值增长', target: { text: '5%' }, result: { text: '5.2%' },
 * verdict: 'met', basis: 'figure' }, …] }.
 */
import type { FollowUpPairJson, Region } from '@duixian/server';
import type { z } from 'zod';
import { getJson, query } from './http.client.ts';
import type { SourceLink } from './view-types.ts';

export type FollowUpVerdict = FollowUpPairJson['verdict'];
/** 'statement': met because the later report says the target's group was completed, without a figure for it. */
export type FollowUpBasis = FollowUpPairJson['basis'];

export const FOLLOW_UP_VERDICTS: readonly FollowUpVerdict[] = ['met', 'missed', 'not_reported'];

/** A figure of one report with the sentence it stands in. */
export interface FollowUpFigureView {
  readonly text: string;
  readonly metric: string;
  /** The exact value as a decimal string, when the figure is one number (a range gives its low end). */
  readonly value?: string;
  readonly valueHigh?: string;
  readonly unit: string;
  readonly comparator?: string;
  readonly source: SourceLink;
  /** The sentence the figure stands in, with its offsets into the document's text. */
  readonly sentence: { readonly text: string; readonly start: number; readonly end: number };
}

export interface FollowUpPairView {
  readonly id: number;
  readonly metric: string;
  readonly target: FollowUpFigureView;
  readonly result?: FollowUpFigureView;
  readonly verdict: FollowUpVerdict;
  /** For 'statement', `result` is the completion statement ("民生实事全部完成"), without a value. */
  readonly basis: FollowUpBasis;
  readonly confidence: number;
  readonly explanation: string;
  readonly commitmentId?: number;
}

export interface FollowUpDocumentView {
  readonly id: number;
  readonly title: string;
  readonly year: number;
}

/** Last year's targets judged by this year's report, with counts per verdict. */
export interface FollowUpView {
  /** The region's name: 北京市. */
  readonly regionName: string;
  /** The year of the targets. */
  readonly lastYear: number;
  /** The year of the report stating the results (absent when there are no pairs). */
  readonly thisYear?: number;
  readonly lastDocuments: readonly FollowUpDocumentView[];
  readonly thisDocuments: readonly FollowUpDocumentView[];
  readonly counts: Readonly<Record<FollowUpVerdict, number>>;
  /** Of `counts.met`, those met by a completion statement. */
  readonly metByStatement: number;
  readonly pairs: readonly FollowUpPairView[];
}

interface WirePage<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

const PAGE_SIZE = 500;

function toFigure(figure: NonNullable<FollowUpPairJson['result']> & { comparator?: string | null }, documentId: number): FollowUpFigureView {
  return {
    text: figure.text,
    metric: figure.metric,
    ...(figure.value !== null ? { value: figure.value } : {}),
    ...(figure.value_high !== null ? { valueHigh: figure.value_high } : {}),
    unit: figure.unit,
    ...(figure.comparator ? { comparator: figure.comparator } : {}),
    source: { documentId, start: figure.start, end: figure.end },
    sentence: figure.sentence,
  };
}

function toPair(row: FollowUpPairJson): FollowUpPairView {
  return {
    id: row.id,
    metric: row.target.metric,
    target: toFigure(row.target, row.last_document.id),
    ...(row.result ? { result: toFigure(row.result, row.this_document.id) } : {}),
    verdict: row.verdict,
    basis: row.basis,
    confidence: row.confidence,
    explanation: row.explanation,
    ...(row.commitment_id !== null ? { commitmentId: row.commitment_id } : {}),
  };
}

function uniqueDocuments(documents: readonly FollowUpDocumentView[]): FollowUpDocumentView[] {
  const byId = new Map<number, FollowUpDocumentView>();
  for (const document of documents) byId.set(document.id, { id: document.id, title: document.title, year: document.year });
  return [...byId.values()];
}

async function listPairs(regionCode: string, lastYear: number): Promise<FollowUpPairJson[]> {
  const rows: FollowUpPairJson[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await getJson<WirePage<FollowUpPairJson>>(`/api/follow-up${query({ region: regionCode, year: lastYear, page, page_size: PAGE_SIZE })}`);
    rows.push(...answer.items);
    if (answer.items.length === 0 || rows.length >= answer.total) return rows;
  }
}

/** Every pair of a region's targets for `lastYear` (all pages), in the order of the earlier report. */
export async function getFollowUp(regionCode: string, lastYear: number): Promise<FollowUpView> {
  const [region, rows] = await Promise.all([
    getJson<z.infer<typeof Region>>(`/api/regions/${encodeURIComponent(regionCode)}`),
    listPairs(regionCode, lastYear),
  ]);
  const counts: Record<FollowUpVerdict, number> = { met: 0, missed: 0, not_reported: 0 };
  for (const row of rows) counts[row.verdict] += 1;
  const first = rows[0];
  return {
    regionName: region.name,
    lastYear,
    ...(first ? { thisYear: first.this_year } : {}),
    lastDocuments: uniqueDocuments(rows.map((row) => row.last_document)),
    thisDocuments: uniqueDocuments(rows.map((row) => row.this_document)),
    counts,
    metByStatement: rows.filter((row) => row.verdict === 'met' && row.basis === 'statement').length,
    pairs: rows.map(toPair),
  };
}

/**
 * The follow-up a page for `year` shows: the targets of the year before, judged by this year's report; when that
 * year has none yet, the targets of `year` itself, judged by the next report.
 */
export async function getLatestFollowUp(regionCode: string, year: number): Promise<FollowUpView> {
  const previous = await getFollowUp(regionCode, year - 1);
  if (previous.pairs.length > 0) return previous;
  const current = await getFollowUp(regionCode, year);
  return current.pairs.length > 0 ? current : previous;
}
