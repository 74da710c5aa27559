/**
 * Import with review: a file is read (ingest), analysed (core), stored with its sha256 and turned into review
 * candidates — all in one transaction, so an import leaves all of it or none of it. The same file again changes
 * nothing. Example: `importDocument({ bytes, fileName: 'chengbei.txt', regionCode: '630105', year: 2024 })` →
 * { document, isNew: true, review: { pending: 42, accepted: 0, rejected: 0 } }.
 */
import { createHash } from 'node:crypto';
import type { DatabaseHandle, DocumentSummary, Repositories, ReviewStatus } from '@duixian/storage';
import { InvalidError } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import type { ScheduleIndex } from './schedule-index.ts';
import { toReviewItems } from './review-items.ts';
import type { FollowUpService } from './follow-up.service.ts';
import type { ImportWorkerPool } from './import-worker.pool.ts';
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

export { MAX_IMPORT_BYTES } from './import-work.ts';

export class ImportService {
  readonly #database: DatabaseHandle;
  readonly #review: ReviewService;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;
  readonly #probe: ImportProbe | undefined;
  readonly #followUp: FollowUpService | undefined;
  readonly #pool: ImportWorkerPool;

  constructor(
    database: DatabaseHandle,
    review: ReviewService,
    cache: ReadCache,
    index: ScheduleIndex,
    pool: ImportWorkerPool,
    probe?: ImportProbe,
    followUp?: FollowUpService,
  ) {
    this.#database = database;
    this.#pool = pool;
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
    // Reading, analysis and matching run on the import worker, within its time and memory budget: a huge paragraph
    // or a deeply nested file is refused there and never blocks the requests this process answers.
    const counterparts = (await this.#followUp?.counterparts(region.code, request.year)) ?? [];
    const prepared = await this.#pool.run({
      bytes: request.bytes,
      fileName: request.fileName,
      year: request.year,
      regionName: region.name,
      ...(request.title !== undefined ? { title: request.title } : {}),
      counterparts,
    });
    const { title, candidates, followUps } = prepared;

    const result = await this.#database.transaction(async (repositories) => {
      const document = await repositories.documents.create({
        regionCode: region.code,
        year: request.year,
        title,
        fileName: request.fileName,
        format: prepared.format,
        sha256,
        content: request.bytes,
        text: prepared.text,
        extraction: prepared.extraction,
        findings: prepared.findings,
        problems: prepared.problems,
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
