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

/** One sum of budget lines, exact (NUMERIC as a decimal string), with how many lines it adds. */
interface BudgetSum {
  readonly year: number;
  readonly amount_yuan: string;
  readonly lines: number;
}

/** A region's budget summed by the database over every line: what a budget page draws. */
export interface BudgetTotals {
  /** By year, scope and the report's label: the year-over-year bars. */
  readonly byLabel: (BudgetSum & { readonly scope: BudgetScope; readonly label: string })[];
  /** The categories by year and functional class (支出功能分类), with the class's name: the treemap's boxes. */
  readonly byClass: (BudgetSum & { readonly functional_code: string; readonly functional_name: string | null })[];
  /** The categories by year, functional class and label: the treemap's leaves. */
  readonly byClassAndLabel: (BudgetSum & { readonly functional_code: string; readonly label: string })[];
  /** How many budget lines the region has. */
  readonly lines: number;
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
   * Sums every line of a region, all years and phases, three ways (see BudgetTotals); the database adds, so the sums are
   * exact however many lines there are. Example: byLabel [{ year: 2023, scope: 'total', label: '一般公共预算支出',
   * amount_yuan: '2198000000', lines: 1 }, …].
   */
  async totals(regionCode: string): Promise<BudgetTotals> {
    const lines = this.#db.selectFrom('budget_lines').where('region_code', '=', regionCode);
    const categories = lines.where('scope', '=', 'category').where('functional_code', 'is not', null);
    const byLabel = await lines
      .select((eb) => ['year', 'scope', 'label', eb.fn.sum<string>('amount_yuan').as('amount_yuan'), eb.fn.countAll<number>().as('lines')])
      .groupBy(['year', 'scope', 'label'])
      // total, livelihood, category (the reverse of the alphabet), then in the report's order.
      .orderBy('year')
      .orderBy('scope', 'desc')
      .orderBy((eb) => eb.fn.min('span_start'))
      .orderBy('label')
      .execute();
    const byClass = await categories
      .leftJoin('functional_classes', 'functional_classes.code', 'budget_lines.functional_code')
      .select((eb) => [
        'budget_lines.year',
        'budget_lines.functional_code',
        eb.fn.max('functional_classes.name').as('functional_name'),
        eb.fn.sum<string>('budget_lines.amount_yuan').as('amount_yuan'),
        eb.fn.countAll<number>().as('lines'),
      ])
      .groupBy(['budget_lines.year', 'budget_lines.functional_code'])
      .orderBy('budget_lines.year')
      .orderBy('budget_lines.functional_code')
      .execute();
    const byClassAndLabel = await categories
      .select((eb) => ['year', 'functional_code', 'label', eb.fn.sum<string>('amount_yuan').as('amount_yuan'), eb.fn.countAll<number>().as('lines')])
      .groupBy(['year', 'functional_code', 'label'])
      .orderBy('year')
      .orderBy('functional_code')
      .orderBy((eb) => eb.fn.min('span_start'))
      .orderBy('label')
      .execute();
    const count = await lines.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const exact = <T extends { amount_yuan: string | null; lines: number | string; year: number }>(row: T) => ({
      ...row,
      year: Number(row.year),
      amount_yuan: String(row.amount_yuan),
      lines: Number(row.lines),
    });
    return {
      byLabel: byLabel.map(exact),
      byClass: byClass.map((row) => ({ ...exact(row), functional_code: row.functional_code!, functional_name: row.functional_name ?? null })),
      byClassAndLabel: byClassAndLabel.map((row) => ({ ...exact(row), functional_code: row.functional_code! })),
      lines: Number(count.n),
    };
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
