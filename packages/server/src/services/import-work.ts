/**
 * The text work of an import, with no database: read the file (ingest), analyse it (core), build the review
 * candidates and match it against the region's other reports. The import worker runs it off the event loop.
 * Example: `await prepareImport({ bytes, fileName: 'chengbei.txt', year: 2024, regionName: '城北区', counterparts: [] })`
 * → { format: 'text', title: '以实干实绩展现北区担当', candidates: [42 items], followUps: [], … }.
 */
import { analyze, buildCandidates, toCheckJson, type Candidate, type Finding, type Problem } from '@duixian/core';
import { readDocument, type DocumentFormat, type IngestedDocument } from '@duixian/ingest';
import { documentTitle } from './document-title.ts';
import { matchFollowUps, type FollowUpCounterpart, type PreparedFollowUp } from './follow-up-match.ts';

/** Largest upload read (bytes). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the text work needs: the file, the report's year and region, and the documents to match it against. */
export interface ImportWork {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly year: number;
  readonly regionName: string;
  readonly title?: string;
  readonly counterparts: readonly FollowUpCounterpart[];
}

/** Everything the import stores, computed before its transaction. */
export interface PreparedImport {
  readonly format: DocumentFormat;
  readonly text: string;
  readonly title: string;
  /** The extraction as stored: JSON-ready, with the sections, and the tables and text marks ingest read. */
  readonly extraction: Record<string, unknown>;
  readonly findings: readonly Finding[];
  readonly problems: Problem[];
  readonly candidates: Candidate[];
  readonly followUps: PreparedFollowUp[];
}

/**
 * Reads, analyses and prepares one file. Throws ingest's IngestError for a file it cannot read.
 * @example (await prepareImport({ bytes, fileName: 'a.txt', year: 2024, regionName: '城北区', counterparts: [] })).format // 'text'
 */
export async function prepareImport(work: ImportWork): Promise<PreparedImport> {
  const ingested: IngestedDocument = await readDocument({ bytes: work.bytes, fileName: work.fileName }, { maxBytes: MAX_IMPORT_BYTES });
  const extraction = analyze(ingested.text, { reportYear: work.year, region: work.regionName });
  return {
    format: ingested.format,
    text: ingested.text,
    title: work.title?.trim() || documentTitle(ingested.text, { regionName: work.regionName, year: work.year, fileName: work.fileName }),
    // marks: how a Markdown file's headings, lists and emphasis read, for the document view (offsets into text).
    extraction: { ...toCheckJson(work.fileName, extraction), sections: extraction.sections, tables: ingested.tables, marks: ingested.marks ?? [] },
    findings: extraction.findings,
    problems: [...ingested.problems, ...extraction.problems],
    candidates: buildCandidates(ingested.text, extraction, work.year),
    // Last year's targets against this year's results (issue 8).
    followUps: matchFollowUps(ingested.text, work.year, work.counterparts),
  };
}
