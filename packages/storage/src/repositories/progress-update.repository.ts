/**
 * Progress updates, append-only (the database refuses updates and deletes): date, amount or percent, the status the
 * unit reports, a note, evidence. A mistaken report is corrected by appending a correction naming it (corrects_id);
 * the corrected report stays, shown with corrected_by_id, and no longer counts as the latest. A report is pending
 * until a reviewer approves or returns it (progress_reviews, one decision each); the public reads approved ones only.
 * Example: `append({ commitment_id: 7, reported_on: '2024-06-30', amount: '12000' })`, then `decide(57, { decision: 'approved', reviewerId: 2 })`.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { Evidence, ProgressReviewRow, ProgressUpdateRow, ReportedStatus, ProgressReviewStatus, ReviewDecision, Schema } from '../schema.ts';

export interface NewProgressUpdate {
  commitment_id: number;
  reported_on: string;
  amount?: string | null;
  percent?: string | null;
  reported_status?: ReportedStatus | null;
  note?: string | null;
  evidence?: readonly Evidence[];
  author_id?: number | null;
  /** Set for a correction: the report it replaces, and why. */
  corrects_id?: number | null;
  correction_reason?: string | null;
  /** When the unit submitted it, by the server's clock (the report slot's on-time test); default: the database's now. */
  submitted_at?: Date;
}

/** A report as listed: with the correction that replaced it, if any, and where its review stands. */
export interface ProgressUpdateRecord extends ProgressUpdateRow {
  corrected_by_id: number | null;
  review_status: ProgressReviewStatus;
  /** Why it was returned (退回原因), else null. */
  review_reason: string | null;
}

/** Whose reading: 'approved' reads what the public may see; 'all' adds pending and returned reports. */
export type ReviewScope = 'approved' | 'all';

/** A report waiting for (or past) review, with what a reviewer needs to judge it. */
export interface ReviewedProgressRecord extends ProgressUpdateRecord {
  commitment_title: string;
  target_value: string | null;
  target_unit: string | null;
  region_code: string;
  plan_year: number;
  /** The commitment's lead unit, if any. */
  lead_unit: string | null;
  author_name: string | null;
}

type ProgressExpressions = ExpressionBuilder<Schema & { correction: Schema['progress_updates'] }, 'progress_updates'>;

/** True when the report in progress_updates has an approval. */
function isApproved(eb: ExpressionBuilder<Schema, 'progress_updates'>): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('progress_reviews')
      .select('progress_reviews.id')
      .whereRef('progress_reviews.update_id', '=', 'progress_updates.id')
      .where('progress_reviews.decision', '=', 'approved'),
  );
}

/** The correction of the report in progress_updates, if any (approved only, for a public reading). */
function correctedBy(eb: ProgressExpressions, scope: ReviewScope) {
  let query = eb.selectFrom('progress_updates as correction').select('correction.id').whereRef('correction.corrects_id', '=', 'progress_updates.id');
  if (scope === 'approved') {
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('progress_reviews').select('progress_reviews.id').whereRef('progress_reviews.update_id', '=', 'correction.id').where('progress_reviews.decision', '=', 'approved')),
    );
  }
  return query.as('corrected_by_id');
}

/** Review status and reason of the report in progress_updates. */
function reviewColumns(eb: ExpressionBuilder<Schema, 'progress_updates'>) {
  const review = () => eb.selectFrom('progress_reviews').whereRef('progress_reviews.update_id', '=', 'progress_updates.id');
  return [
    sql<ProgressReviewStatus>`coalesce((${review().select('progress_reviews.decision')}), 'pending')`.as('review_status'),
    review().select('progress_reviews.reason').as('review_reason'),
  ] as const;
}

/** A review decision as given: approve, or return with a reason. */
export interface ReviewDecisionInput {
  decision: ReviewDecision;
  reason?: string | null;
  /** Null for an approval nobody gave by hand (a report from an imported document). */
  reviewerId: number | null;
}

export class ProgressUpdateRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async append(update: NewProgressUpdate): Promise<ProgressUpdateRow> {
    if (update.amount == null && update.percent == null && update.reported_status == null) {
      throw new InvalidError('a progress update needs an amount, a percent or a reported status');
    }
    if (update.corrects_id != null) {
      const corrected = await this.#db.selectFrom('progress_updates').select('id').where('corrects_id', '=', update.corrects_id).executeTakeFirst();
      if (corrected) throw new ConflictError(`progress update ${update.corrects_id} was corrected already by ${corrected.id}: correct that one instead`);
    }
    return this.#db
      .insertInto('progress_updates')
      .values({
        commitment_id: update.commitment_id,
        reported_on: update.reported_on,
        amount: update.amount ?? null,
        percent: update.percent ?? null,
        reported_status: update.reported_status ?? null,
        note: update.note ?? null,
        evidence: JSON.stringify(update.evidence ?? []),
        author_id: update.author_id ?? null,
        corrects_id: update.corrects_id ?? null,
        correction_reason: update.correction_reason ?? null,
        ...(update.submitted_at ? { submitted_at: update.submitted_at } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<ProgressUpdateRow> {
    const row = await this.#db.selectFrom('progress_updates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('progress update', id);
    return row;
  }

  /**
   * A commitment's updates, newest first, each with the correction that replaced it and its review; scope
   * 'approved' (the public's) leaves out pending and returned reports and corrections.
   */
  async list(commitmentId: number, request: PageRequest = {}, scope: ReviewScope = 'all'): Promise<Page<ProgressUpdateRecord>> {
    const { page, pageSize, offset } = resolvePage(request);
    let base = this.#db.selectFrom('progress_updates').where('commitment_id', '=', commitmentId);
    if (scope === 'approved') base = base.where(isApproved);
    const [items, count] = await Promise.all([
      base
        .selectAll('progress_updates')
        .select((eb) => [correctedBy(eb as ProgressExpressions, scope), ...reviewColumns(eb)])
        .orderBy('reported_on', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** The updates of many commitments at once (for exports), by commitment, oldest first, with their review. */
  async listForCommitments(commitmentIds: readonly number[], scope: ReviewScope = 'all'): Promise<(ProgressUpdateRow & Pick<ProgressUpdateRecord, 'review_status' | 'review_reason'>)[]> {
    if (commitmentIds.length === 0) return [];
    let query = this.#db.selectFrom('progress_updates').where('commitment_id', 'in', commitmentIds);
    if (scope === 'approved') query = query.where(isApproved);
    return query
      .selectAll('progress_updates')
      .select((eb) => reviewColumns(eb))
      .orderBy('commitment_id')
      .orderBy('reported_on')
      .orderBy('id')
      .execute();
  }

  /**
   * Records the one review decision of report `updateId`: approved, or returned with a reason. A report already
   * decided is a conflict (a decision is never changed: a returned report is reported again as a new one).
   */
  async decide(updateId: number, input: ReviewDecisionInput): Promise<ProgressReviewRow> {
    await this.get(updateId);
    const reason = input.decision === 'returned' ? (input.reason ?? '').trim() : null;
    if (input.decision === 'returned' && !reason) throw new InvalidError('退回须说明原因 / a returned report needs a reason');
    const existing = await this.reviewOf(updateId);
    if (existing) throw new ConflictError(`progress update ${updateId} was ${existing.decision} already`, existing);
    try {
      return await this.#db
        .insertInto('progress_reviews')
        .values({ update_id: updateId, decision: input.decision, reason, reviewer_id: input.reviewerId })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      // Two reviewers at once: the database's unique update_id lets one win.
      const raced = await this.reviewOf(updateId);
      if (raced) throw new ConflictError(`progress update ${updateId} was ${raced.decision} already`, raced);
      throw error;
    }
  }

  async reviewOf(updateId: number): Promise<ProgressReviewRow | undefined> {
    return this.#db.selectFrom('progress_reviews').selectAll().where('update_id', '=', updateId).executeTakeFirst();
  }

  /**
   * Reports by review status for a reviewer, oldest first (the queue order), with the commitment, its lead unit and
   * the author; narrowed to a region and plan year when given.
   */
  async listByReview(filter: { status: ProgressReviewStatus; regionCode?: string; year?: number } & PageRequest): Promise<Page<ReviewedProgressRecord>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db
      .selectFrom('progress_updates')
      .innerJoin('commitments', 'commitments.id', 'progress_updates.commitment_id')
      .innerJoin('plans', 'plans.id', 'commitments.plan_id')
      .leftJoin('progress_reviews', 'progress_reviews.update_id', 'progress_updates.id');
    base = filter.status === 'pending' ? base.where('progress_reviews.id', 'is', null) : base.where('progress_reviews.decision', '=', filter.status);
    if (filter.regionCode !== undefined) base = base.where('plans.region_code', '=', filter.regionCode);
    if (filter.year !== undefined) base = base.where('plans.year', '=', filter.year);
    const [items, count] = await Promise.all([
      base
        .leftJoin('users', 'users.id', 'progress_updates.author_id')
        .selectAll('progress_updates')
        .select((eb) => [
          correctedBy(eb as unknown as ProgressExpressions, 'all'),
          sql<ProgressReviewStatus>`coalesce(${eb.ref('progress_reviews.decision')}, 'pending')`.as('review_status'),
          'progress_reviews.reason as review_reason',
          'commitments.title as commitment_title',
          'commitments.target_value',
          'commitments.target_unit',
          'plans.region_code',
          'plans.year as plan_year',
          eb
            .selectFrom('commitment_units')
            .innerJoin('units', 'units.id', 'commitment_units.unit_id')
            .select('units.name')
            .whereRef('commitment_units.commitment_id', '=', 'commitments.id')
            .where('commitment_units.role', '=', 'lead')
            .limit(1)
            .as('lead_unit'),
          sql<string | null>`coalesce(${eb.ref('users.display_name')}, ${eb.ref('users.username')})`.as('author_name'),
        ])
        .orderBy('progress_updates.created_at')
        .orderBy('progress_updates.id')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** Whether an approved report cites evidence file `sha256` (then the public may download it). */
  async isFileCitedByApproved(sha256: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('progress_updates')
      .select('progress_updates.id')
      .where(sql<SqlBool>`progress_updates.evidence @> ${JSON.stringify([{ kind: 'file', ref: sha256 }])}::jsonb`)
      .where(isApproved)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Progress reported in a region and year: how many updates, for how many commitments. */
  async count(filter: { commitmentId?: number } = {}): Promise<number> {
    let query = this.#db.selectFrom('progress_updates').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.commitmentId !== undefined) query = query.where('commitment_id', '=', filter.commitmentId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
