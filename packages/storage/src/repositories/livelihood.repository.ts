/**
 * 民生实事: a year's programme ("9个方面31项，投资6.1亿元，全部兑现") and its single projects.
 * Example: `createProgramme({ region_code: '630105', year: 2023, project_count: 31, delivered_count: 31, … })`.
 */
import type { Insertable, Kysely } from 'kysely';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type {
  LivelihoodProgrammeRow,
  LivelihoodProgrammeTable,
  LivelihoodProjectRow,
  LivelihoodProjectTable,
  Schema,
} from '../schema.ts';

export class LivelihoodRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async createProgramme(programme: Insertable<LivelihoodProgrammeTable>): Promise<LivelihoodProgrammeRow> {
    return this.#db.insertInto('livelihood_programmes').values(programme).returningAll().executeTakeFirstOrThrow();
  }

  async findProgrammeByExternalId(externalId: string): Promise<LivelihoodProgrammeRow | undefined> {
    return this.#db
      .selectFrom('livelihood_programmes')
      .selectAll()
      .where('external_id', '=', externalId)
      .executeTakeFirst();
  }

  async listProgrammes(filter: { regionCode?: string; year?: number } = {}): Promise<LivelihoodProgrammeRow[]> {
    let query = this.#db.selectFrom('livelihood_programmes').selectAll();
    if (filter.regionCode !== undefined) query = query.where('region_code', '=', filter.regionCode);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    return query.orderBy('year', 'desc').orderBy('id').execute();
  }

  async createProject(project: Insertable<LivelihoodProjectTable>): Promise<LivelihoodProjectRow> {
    return this.#db.insertInto('livelihood_projects').values(project).returningAll().executeTakeFirstOrThrow();
  }

  async listProjects(
    filter: { regionCode?: string; year?: number; area?: string; isDelivered?: boolean } & PageRequest = {},
  ): Promise<Page<LivelihoodProjectRow>> {
    const { page, pageSize, offset } = resolvePage(filter);
    let base = this.#db.selectFrom('livelihood_projects');
    if (filter.regionCode !== undefined) base = base.where('region_code', '=', filter.regionCode);
    if (filter.year !== undefined) base = base.where('year', '=', filter.year);
    if (filter.area !== undefined) base = base.where('area', '=', filter.area);
    if (filter.isDelivered !== undefined) base = base.where('is_delivered', '=', filter.isDelivered);
    const [items, count] = await Promise.all([
      base.selectAll().orderBy('id').limit(pageSize).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n), page, pageSize };
  }
}
