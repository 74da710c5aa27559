/**
 * Budget lines: a region's spending for a year and phase, under the report's own label, with a functional code and
 * how sure that mapping is. Example: { year 2023, phase 'executed', scope 'total', label '一般公共预算支出',
 * amount_yuan '2198000000' }.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { BudgetLineRow, BudgetLineTable, BudgetPhase, BudgetScope, Schema } from '../schema.ts';

export interface BudgetLineFilter extends PageRequest {
  regionCode?: string;
  year?: number;
  phase?: BudgetPhase;
  scope?: BudgetScope;
  functionalCode?: string;
  documentId?: number;
}

export class BudgetLineRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(line: Insertable<BudgetLineTable>): Promise<BudgetLineRow> {
    return this.#db.insertInto('budget_lines').values(line).returningAll().executeTakeFirstOrThrow();
  }

  async findByExternalId(externalId: string): Promise<BudgetLineRow | undefined> {
    return this.#db.selectFrom('budget_lines').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  }

  async get(id: number): Promise<BudgetLineRow> {
    const row = await this.#db.selectFrom('budget_lines').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('budget line', id);
    return row;
  }

  async list(filter: BudgetLineFilter = {}): Promise<Page<BudgetLineRow>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db.selectFrom('budget_lines');
    if (filter.regionCode !== undefined) base = base.where('region_code', '=', filter.regionCode);
    if (filter.year !== undefined) base = base.where('year', '=', filter.year);
    if (filter.phase !== undefined) base = base.where('phase', '=', filter.phase);
    if (filter.scope !== undefined) base = base.where('scope', '=', filter.scope);
    if (filter.functionalCode !== undefined) base = base.where('functional_code', '=', filter.functionalCode);
    if (filter.documentId !== undefined) base = base.where('document_id', '=', filter.documentId);
    const [items, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('year', 'desc')
        .orderBy('scope', 'desc')
        .orderBy('span_start')
        .orderBy('id')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  /** The functional classification (支出功能分类) the migrations seed: [{ code: '205', name: '教育支出' }, …]. */
  async listFunctionalClasses(): Promise<{ code: string; name: string }[]> {
    return this.#db.selectFrom('functional_classes').select(['code', 'name']).orderBy('code').execute();
  }

  /** The years a region has budget lines for, newest first (a skip scan over the index: one probe per year). */
  async listYears(regionCode: string): Promise<number[]> {
    const { rows } = await sql<{ year: number }>`
      with recursive years(year) as (
        select max(year) from budget_lines where region_code = ${regionCode}
        union all
        select (select max(b.year) from budget_lines b where b.region_code = ${regionCode} and b.year < years.year)
        from years where years.year is not null
      )
      select year from years where year is not null`.execute(this.#db);
    return rows.map((row) => Number(row.year));
  }

  /** The phases a region's year has lines in: ['executed'] (one index probe per phase). */
  async listPhases(regionCode: string, year: number): Promise<BudgetPhase[]> {
    const phases: BudgetPhase[] = ['proposed', 'approved', 'adjusted', 'executed'];
    const found: BudgetPhase[] = [];
    for (const phase of phases) {
      const row = await this.#db
        .selectFrom('budget_lines')
        .select('id')
        .where('region_code', '=', regionCode)
        .where('year', '=', year)
        .where('phase', '=', phase)
        .limit(1)
        .executeTakeFirst();
      if (row) found.push(phase);
    }
    return found;
  }

  /**
   * Sums per year, scope and label — exact NUMERIC sums computed by the database.
   * Example: [{ year: 2023, scope: 'total', label: '一般公共预算支出', functional_code: null, amount_yuan: '2198000000', lines: 1 }].
   */
  async sumByLabel(filter: { regionCode: string; years: readonly number[]; phase?: BudgetPhase }): Promise<
    { year: number; scope: BudgetScope; label: string; functional_code: string | null; amount_yuan: string; lines: number }[]
  > {
    if (filter.years.length === 0) return [];
    let query = this.#db
      .selectFrom('budget_lines')
      .select((eb) => [
        'year',
        'scope',
        'label',
        'functional_code',
        eb.fn.sum<string>('amount_yuan').as('amount_yuan'),
        eb.fn.countAll<number>().as('lines'),
      ])
      .where('region_code', '=', filter.regionCode)
      .where('year', 'in', filter.years);
    if (filter.phase !== undefined) query = query.where('phase', '=', filter.phase);
    const rows = await query
      .groupBy(['year', 'scope', 'label', 'functional_code'])
      .orderBy('year')
      .orderBy('scope')
      .orderBy((eb) => eb.fn.min('span_start'))
      .orderBy('label')
      .execute();
    return rows.map((row) => ({ ...row, amount_yuan: String(row.amount_yuan), lines: Number(row.lines) }));
  }
}
