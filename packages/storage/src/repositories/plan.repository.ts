/**
 * Plans (one per region and year) and their themes, the campaigns a report's tasks are grouped under.
 * Example: plan 城北区 2024 with theme '生态环境保护' from heading '聚力打好生态环境保护战'.
 */
import type { Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import type { PlanRow, Schema, ThemeRow } from '../schema.ts';

export interface SourceSpan {
  documentId: number;
  start: number;
  end: number;
}

export class PlanRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** The region's plan for a year, created when missing. */
  async ensure(plan: { regionCode: string; year: number; title: string; documentId?: number | null }): Promise<PlanRow> {
    await this.#db
      .insertInto('plans')
      .values({ region_code: plan.regionCode, year: plan.year, title: plan.title, document_id: plan.documentId ?? null })
      .onConflict((conflict) => conflict.columns(['region_code', 'year']).doNothing())
      .execute();
    return this.#db
      .selectFrom('plans')
      .selectAll()
      .where('region_code', '=', plan.regionCode)
      .where('year', '=', plan.year)
      .executeTakeFirstOrThrow();
  }

  async get(id: number): Promise<PlanRow> {
    const row = await this.#db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('plan', id);
    return row;
  }

  async find(regionCode: string, year: number): Promise<PlanRow | undefined> {
    return this.#db
      .selectFrom('plans')
      .selectAll()
      .where('region_code', '=', regionCode)
      .where('year', '=', year)
      .executeTakeFirst();
  }

  async list(filter: { regionCode?: string; year?: number } = {}): Promise<PlanRow[]> {
    let query = this.#db.selectFrom('plans').selectAll();
    if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    return query.orderBy('year', 'desc').orderBy('region_code').execute();
  }

  /** The plan's theme by name, created at the end of the list when missing. */
  async ensureTheme(theme: { planId: number; name: string; heading?: string | null; span?: SourceSpan | null }): Promise<ThemeRow> {
    const existing = await this.#db
      .selectFrom('themes')
      .selectAll()
      .where('plan_id', '=', theme.planId)
      .where('name', '=', theme.name)
      .executeTakeFirst();
    if (existing) return existing;
    const last = await this.#db
      .selectFrom('themes')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('plan_id', '=', theme.planId)
      .executeTakeFirst();
    return this.#db
      .insertInto('themes')
      .values({
        plan_id: theme.planId,
        name: theme.name,
        heading: theme.heading ?? null,
        position: (last?.position ?? -1) + 1,
        document_id: theme.span?.documentId ?? null,
        span_start: theme.span?.start ?? null,
        span_end: theme.span?.end ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async listThemes(planId: number): Promise<ThemeRow[]> {
    return this.#db.selectFrom('themes').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  }

  async getTheme(id: number): Promise<ThemeRow> {
    const row = await this.#db.selectFrom('themes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('theme', id);
    return row;
  }
}
