/**
 * Numbered 督办单: a region's numbering (prefix, issuing office), its per-year counter, and the notices it issued.
 * `issue` takes the next number from the counter and stores the notice in the caller's transaction, so a number is
 * used once or not at all. Example: `issue({ regionCode: '630105', year: 2024, … })` → { number: 12, prefix: '城北督', … }.
 */
import { sql, type Kysely } from 'kysely';
import { InvalidError, NotFoundError } from '../domain-error.ts';
import type { NoticeNumberingRow, Schema, SupervisionNoticeItem, SupervisionNoticeRow } from '../schema.ts';

export interface NewSupervisionNotice {
  regionCode: string;
  /** The year of the number (〔2024〕): the year it is issued in China. */
  year: number;
  prefix: string;
  issuer: string;
  planYear: number;
  unitId: number;
  items: readonly SupervisionNoticeItem[];
  issuedBy: number | null;
  issuedAt?: Date;
}

export interface SupervisionNoticeFilter {
  regionCode?: string;
  unitId?: number;
  planYear?: number;
}

export class SupervisionNoticeRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** The region's own numbering, when it has set one. */
  async numbering(regionCode: string): Promise<NoticeNumberingRow | undefined> {
    return this.#db.selectFrom('notice_numbering').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
  }

  /** Sets the region's prefix and issuing office (null: back to the default). */
  async setNumbering(regionCode: string, numbering: { prefix: string | null; issuer: string | null }): Promise<NoticeNumberingRow> {
    return this.#db
      .insertInto('notice_numbering')
      .values({ region_code: regionCode, prefix: numbering.prefix, issuer: numbering.issuer })
      .onConflict((conflict) => conflict.column('region_code').doUpdateSet({ prefix: numbering.prefix, issuer: numbering.issuer, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The last number the region used in `year`; 0 before the first. */
  async lastNumber(regionCode: string, year: number): Promise<number> {
    const row = await this.#db
      .selectFrom('notice_counters')
      .select('last_number')
      .where('region_code', '=', regionCode)
      .where('year', '=', year)
      .executeTakeFirst();
    return row?.last_number ?? 0;
  }

  /**
   * Makes `next` the next number of the year (an office that issued eleven on paper starts at 12). Moving backwards
   * would hand out a number twice: refused.
   */
  async setNextNumber(regionCode: string, year: number, next: number): Promise<void> {
    const last = await this.lastNumber(regionCode, year);
    if (next - 1 < last) throw new InvalidError(`下一个编号不能小于 ${last + 1}：编号不重复使用 / the next number cannot be below ${last + 1}: numbers are never reused`);
    await this.#db
      .insertInto('notice_counters')
      .values({ region_code: regionCode, year, last_number: next - 1 })
      .onConflict((conflict) => conflict.columns(['region_code', 'year']).doUpdateSet({ last_number: next - 1 }))
      .execute();
  }

  /** Takes the next number of the year and stores the notice with it; run inside a transaction. */
  async issue(notice: NewSupervisionNotice): Promise<SupervisionNoticeRow> {
    // One statement both creates the year's counter and moves it on: two issuers at once wait for each other's row.
    const counter = await this.#db
      .insertInto('notice_counters')
      .values({ region_code: notice.regionCode, year: notice.year, last_number: 1 })
      .onConflict((conflict) => conflict.columns(['region_code', 'year']).doUpdateSet({ last_number: sql<number>`notice_counters.last_number + 1` }))
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return this.#db
      .insertInto('supervision_notices')
      .values({
        region_code: notice.regionCode,
        year: notice.year,
        number: counter.last_number,
        prefix: notice.prefix,
        issuer: notice.issuer,
        plan_year: notice.planYear,
        unit_id: notice.unitId,
        items: JSON.stringify(notice.items),
        issued_by: notice.issuedBy,
        ...(notice.issuedAt ? { issued_at: notice.issuedAt } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<SupervisionNoticeRow> {
    const row = await this.#db.selectFrom('supervision_notices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('supervision notice', id);
    return row;
  }

  /** Notices, newest first. */
  async list(filter: SupervisionNoticeFilter = {}): Promise<SupervisionNoticeRow[]> {
    let query = this.#db.selectFrom('supervision_notices').selectAll();
    if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
    if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
    if (filter.planYear !== undefined) query = query.where('plan_year', '=', filter.planYear);
    return query.orderBy('id', 'desc').limit(500).execute();
  }
}
