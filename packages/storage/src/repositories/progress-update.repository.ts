/**
 * Progress updates, append-only (the database refuses updates and deletes): date, amount or percent, the status the
 * unit reports, a note, evidence. Example: `append({ commitment_id: 7, reported_on: '2024-06-30', amount: '12000' })`.
 */
import type { Kysely } from 'kysely';
import { InvalidError } from '../domain-error.ts';
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
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A commitment's updates, newest first. */
  async list(commitmentId: number, request: PageRequest = {}): Promise<Page<ProgressUpdateRow>> {
    const { page, pageSize, offset } = resolvePage(request);
    const base = this.#db.selectFrom('progress_updates').where('commitment_id', '=', commitmentId);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('reported_on', 'desc').orderBy('id', 'desc').limit(pageSize).offset(offset).execute(),
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
