/**
 * Progress updates, append-only (the database refuses updates and deletes): date, amount or percent, the status the
 * unit reports, a note, evidence. A mistaken report is corrected by appending a correction naming it (corrects_id);
 * the corrected report stays, shown with corrected_by_id, and no longer counts as the latest.
 * Example: `append({ commitment_id: 7, reported_on: '2024-06-30', amount: '12000' })`.
 */
import type { Kysely } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { Evidence, ProgressUpdateRow, ReportedStatus, Schema } from '../schema.ts';

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
}

/** A report as listed: with the correction that replaced it, if any. */
export interface ProgressUpdateRecord extends ProgressUpdateRow {
  corrected_by_id: number | null;
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
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<ProgressUpdateRow> {
    const row = await this.#db.selectFrom('progress_updates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('progress update', id);
    return row;
  }

  /** A commitment's updates, newest first, each with the correction that replaced it. */
  async list(commitmentId: number, request: PageRequest = {}): Promise<Page<ProgressUpdateRecord>> {
    const { page, pageSize, offset } = resolvePage(request);
    const base = this.#db.selectFrom('progress_updates').where('commitment_id', '=', commitmentId);
    const [items, count] = await Promise.all([
      base
        .selectAll('progress_updates')
        .select((eb) =>
          eb
            .selectFrom('progress_updates as correction')
            .select('correction.id')
            .whereRef('correction.corrects_id', '=', 'progress_updates.id')
            .as('corrected_by_id'),
        )
        .orderBy('reported_on', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** The updates of many commitments at once (for exports), by commitment, oldest first. */
  async listForCommitments(commitmentIds: readonly number[]): Promise<ProgressUpdateRow[]> {
    if (commitmentIds.length === 0) return [];
    return this.#db
      .selectFrom('progress_updates')
      .selectAll()
      .where('commitment_id', 'in', commitmentIds)
      .orderBy('commitment_id')
      .orderBy('reported_on')
      .orderBy('id')
      .execute();
  }

  /** Progress reported in a region and year: how many updates, for how many commitments. */
  async count(filter: { commitmentId?: number } = {}): Promise<number> {
    let query = this.#db.selectFrom('progress_updates').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.commitmentId !== undefined) query = query.where('commitment_id', '=', filter.commitmentId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
