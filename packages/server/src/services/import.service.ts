/**
 * Import with review: a file is read (ingest), analysed (core), stored with its sha256 and turned into review
 * candidates — all in one transaction, so an import leaves all of it or none of it. The same file again changes
 * nothing. Example: `importDocument({ bytes, fileName: 'chengbei.txt', regionCode: '630105', year: 2024 })` →
 * { document, isNew: true, review: { pending: 42, accepted: 0, rejected: 0 } }.
 */
import { createHash } from 'node:crypto';
import { analyze, toCheckJson } from '@duixian/core';
import { readDocument } from '@duixian/ingest';
import type { DatabaseHandle, DocumentSummary, Repositories, ReviewStatus } from '@duixian/storage';
import { InvalidError } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import type { ScheduleIndex } from './schedule-index.ts';
import { buildCandidates, toReviewItems } from './candidates.ts';
import type { FollowUpService } from './follow-up.service.ts';
import type { ReviewService } from './review.service.ts';

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  regionCode: string;
  /** The report's year: 今年 resolves to it and its commitments go into this year's plan. */
  year: number;
  title?: string;
  actorId: number | null;
  /** Accept every candidate in the same transaction (the demo import). */
  acceptAll?: boolean;
}

export interface ImportResult {
  document: DocumentSummary;
  /** False when the same file (by sha256) was imported before: nothing was changed. */
  isNew: boolean;
  review: Record<ReviewStatus, number>;
}

/** Called at the stages of an import inside its transaction; tests use it to fail or to stop mid-way. */
export type ImportProbe = (stage: 'document-stored' | 'candidates-stored' | 'accepted', repositories: Repositories) => Promise<void> | void;

/** Largest upload read (bytes). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export class ImportService {
  readonly #database: DatabaseHandle;
  readonly #review: ReviewService;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;
  readonly #probe: ImportProbe | undefined;
  readonly #followUp: FollowUpService | undefined;

  constructor(database: DatabaseHandle, review: ReviewService, cache: ReadCache, index: ScheduleIndex, probe?: ImportProbe, followUp?: FollowUpService) {
    this.#database = database;
    this.#review = review;
    this.#cache = cache;
    this.#index = index;
    this.#probe = probe;
    this.#followUp = followUp;
  }

  async importDocument(request: ImportRequest): Promise<ImportResult> {
    const sha256 = createHash('sha256').update(request.bytes).digest('hex');
    const { documents, reviewItems, regions } = this.#database.repositories;
    const existing = await documents.findBySha256(sha256);
    if (existing) return { document: existing, isNew: false, review: await reviewItems.countByStatus(existing.id) };

    if (!Number.isInteger(request.year) || request.year < 1949 || request.year > 2200) {
      throw new InvalidError(`year ${request.year} is not a report year`);
    }
    const region = await regions.get(request.regionCode);
    const ingested = await readDocument({ bytes: request.bytes, fileName: request.fileName }, { maxBytes: MAX_IMPORT_BYTES });
    const extraction = analyze(ingested.text, { reportYear: request.year, region: region.name });
    const candidates = buildCandidates(ingested.text, extraction, request.year);
    const stored = {
      ...toCheckJson(request.fileName, extraction),
      sections: extraction.sections,
      tables: ingested.tables,
    };
    const title = request.title?.trim() || firstHeading(ingested.text) || request.fileName;
    // Last year's targets against this year's results (issue 8), matched before the transaction: extraction is slow.
    const followUps = (await this.#followUp?.prepare(region.code, request.year, ingested.text)) ?? [];

    const result = await this.#database.transaction(async (repositories) => {
      const document = await repositories.documents.create({
        regionCode: region.code,
        year: request.year,
        title,
        fileName: request.fileName,
        format: ingested.format,
        sha256,
        content: request.bytes,
        text: ingested.text,
        extraction: stored,
        findings: extraction.findings,
        problems: [...ingested.problems, ...extraction.problems],
        createdBy: request.actorId,
      });
      await this.#probe?.('document-stored', repositories);
      await repositories.reviewItems.addMany(document.id, toReviewItems(candidates));
      await repositories.auditEvents.record({
        actorId: request.actorId,
        action: 'import',
        entityType: 'document',
        entityId: document.id,
        after: { title, file_name: request.fileName, sha256, candidates: candidates.length },
      });
      await this.#probe?.('candidates-stored', repositories);
      if (request.acceptAll) {
        await this.#review.decideAll(repositories, document.id, request.actorId);
        await this.#probe?.('accepted', repositories);
      }
      // After acceptance: the earlier report's commitments must exist to receive its results as progress.
      await this.#followUp?.record(repositories, document, followUps);
      return { document, review: await repositories.reviewItems.countByStatus(document.id) };
    });
    this.#index.clear();
    this.#cache.clear();
    return { ...result, isNew: true };
  }
}

/** The first Markdown heading or non-empty short line: a title when the uploader gives none. */
function firstHeading(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/^#+\s*/, '').trim();
    if (trimmed.length > 0 && trimmed.length <= 60) return trimmed;
  }
  return undefined;
}
