/**
 * Regions, units, plans and documents: the places and papers everything else hangs on, with audited writes.
 * Example: `addUnit('630105', '区教育局', actor)` → { id: 3, region_code: '630105', name: '区教育局' }.
 */
import type { DatabaseHandle, PageRequest, Repositories } from '@duixian/storage';
import type { ReadCache } from './cache.ts';

export class CatalogueService {
  readonly #database: DatabaseHandle;
  readonly #cache: ReadCache;

  constructor(database: DatabaseHandle, cache: ReadCache) {
    this.#database = database;
    this.#cache = cache;
  }

  get repositories() {
    return this.#database.repositories;
  }

  async addRegion(region: { code: string; name: string; parent_code?: string | null }, actorId: number) {
    return this.#write(async (repositories) => {
      const created = await repositories.regions.ensure({ code: region.code, name: region.name, parentCode: region.parent_code ?? null });
      await repositories.auditEvents.record({ actorId, action: 'create', entityType: 'region', entityId: created.code, after: created });
      return created;
    });
  }

  async addUnit(regionCode: string, name: string, actorId: number) {
    return this.#write(async (repositories) => {
      await repositories.regions.get(regionCode);
      const unit = await repositories.regions.ensureUnit(regionCode, name);
      await repositories.auditEvents.record({ actorId, action: 'create', entityType: 'unit', entityId: unit.id, after: unit });
      return unit;
    });
  }

  async plan(id: number) {
    const { plans } = this.#database.repositories;
    const plan = await plans.get(id);
    return { ...plan, themes: await plans.listThemes(id) };
  }

  async documents(filter: { regionCode?: string; year?: number } & PageRequest) {
    return this.#database.repositories.documents.list(filter);
  }

  async #write<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    const result = await this.#database.transaction(work);
    this.#cache.clear();
    return result;
  }
}
