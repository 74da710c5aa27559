/**
 * Indicators a plan watches (空气质量优良率 ≥ 92%) and their measurements over time.
 * Example: `create({ plan_id: 1, name: '空气质量优良率', unit: '%', target_value: '92', target_comparator: '>=' })`.
 */
import type { Insertable, Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type { IndicatorRow, IndicatorTable, MeasurementRow, MeasurementTable, Schema } from '../schema.ts';

export interface IndicatorRecord extends IndicatorRow {
  theme: string | null;
  latest_value: string | null;
  latest_measured_on: string | null;
}

export class IndicatorRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(indicator: Insertable<IndicatorTable>): Promise<IndicatorRow> {
    return this.#db.insertInto('indicators').values(indicator).returningAll().executeTakeFirstOrThrow();
  }

  async findByExternalId(externalId: string): Promise<IndicatorRow | undefined> {
    return this.#db.selectFrom('indicators').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  }

  async get(id: number): Promise<IndicatorRecord> {
    const page = await this.list({ id });
    const row = page.items[0];
    if (!row) throw new NotFoundError('indicator', id);
    return row;
  }

  async list(
    filter: { id?: number; planId?: number; regionCode?: string; year?: number; theme?: string } & PageRequest = {},
  ): Promise<Page<IndicatorRecord>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db
      .selectFrom('indicators')
      .innerJoin('plans', 'plans.id', 'indicators.plan_id')
      .leftJoin('themes', 'themes.id', 'indicators.theme_id');
    if (filter.id !== undefined) base = base.where('indicators.id', '=', filter.id);
    if (filter.planId !== undefined) base = base.where('indicators.plan_id', '=', filter.planId);
    if (filter.regionCode !== undefined) base = base.where('plans.region_code', '=', filter.regionCode);
    if (filter.year !== undefined) base = base.where('plans.year', '=', filter.year);
    if (filter.theme !== undefined) base = base.where('themes.name', '=', filter.theme);
    const [items, count] = await Promise.all([
      base
        .selectAll('indicators')
        .select('themes.name as theme')
        .select((eb) => [
          eb
            .selectFrom('measurements')
            .select('value')
            .whereRef('measurements.indicator_id', '=', 'indicators.id')
            .orderBy('measured_on', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .as('latest_value'),
          eb
            .selectFrom('measurements')
            .select('measured_on')
            .whereRef('measurements.indicator_id', '=', 'indicators.id')
            .orderBy('measured_on', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .as('latest_measured_on'),
        ])
        .orderBy('indicators.id')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }

  async addMeasurement(measurement: Insertable<MeasurementTable>): Promise<MeasurementRow> {
    await this.get(measurement.indicator_id);
    return this.#db.insertInto('measurements').values(measurement).returningAll().executeTakeFirstOrThrow();
  }

  async listMeasurements(indicatorId: number): Promise<MeasurementRow[]> {
    return this.#db
      .selectFrom('measurements')
      .selectAll()
      .where('indicator_id', '=', indicatorId)
      .orderBy('measured_on')
      .orderBy('id')
      .execute();
  }
}
