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

  // Reads: what routes list and show, so that no route reaches into storage itself.

  async regions() {
    return this.#database.repositories.regions.list();
  }

  async region(code: string) {
    return this.#database.repositories.regions.get(code);
  }

  async units(regionCode?: string) {
    return this.#database.repositories.regions.listUnits(regionCode);
  }

  async plans(filter: Parameters<Repositories['plans']['list']>[0]) {
    return this.#database.repositories.plans.list(filter);
  }

  async document(id: number) {
    return this.#database.repositories.documents.get(id);
  }

  async documentContent(id: number) {
    return this.#database.repositories.documents.getContent(id);
  }

  async budgetLines(filter: Parameters<Repositories['budgetLines']['list']>[0]) {
    return this.#database.repositories.budgetLines.list(filter);
  }

  /** A region's budget summed exactly by the database over every line (NotFound for an unknown region). */
  async budgetTotals(regionCode: string) {
    await this.#database.repositories.regions.get(regionCode);
    return this.#database.repositories.budgetLines.totals(regionCode);
  }

  async indicators(filter: Parameters<Repositories['indicators']['list']>[0]) {
    return this.#database.repositories.indicators.list(filter);
  }

  /** An indicator's measurements; NotFound for an unknown indicator. */
  async measurements(indicatorId: number) {
    await this.#database.repositories.indicators.get(indicatorId);
    return this.#database.repositories.indicators.listMeasurements(indicatorId);
  }

  async livelihoodProgrammes(filter: Parameters<Repositories['livelihood']['listProgrammes']>[0]) {
    return this.#database.repositories.livelihood.listProgrammes(filter);
  }

  async livelihoodProjects(filter: Parameters<Repositories['livelihood']['listProjects']>[0]) {
    return this.#database.repositories.livelihood.listProjects(filter);
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

  /**
   * Renames a unit and sets its contact person, audited; an empty contact field is stored as unknown (null).
   * Example: updateUnit(3, { name: '城北区教育局', contact_name: '王芳', contact_phone: '0971-1234567', contact_email: null }, 1).
   */
  async updateUnit(id: number, change: { name: string; contact_name: string | null; contact_phone: string | null; contact_email: string | null }, actorId: number) {
    const blankToNull = (value: string | null) => value?.trim() || null;
    return this.#write(async (repositories) => {
      const before = await repositories.regions.getUnit(id);
      const after = await repositories.regions.updateUnit(id, {
        name: change.name,
        contactName: blankToNull(change.contact_name),
        contactPhone: blankToNull(change.contact_phone),
        contactEmail: blankToNull(change.contact_email),
      });
      await repositories.auditEvents.record({ actorId, action: 'update', entityType: 'unit', entityId: id, before, after });
      return after;
    });
  }

  /** Records an indicator's measured value: 空气质量优良率 93.2 on 2024-06-30. */
  async addMeasurement(indicatorId: number, measurement: { measured_on: string; value: string; note?: string | null }, actorId: number) {
    return this.#write(async (repositories) => {
      const created = await repositories.indicators.addMeasurement({
        indicator_id: indicatorId,
        measured_on: measurement.measured_on,
        value: measurement.value,
        note: measurement.note ?? null,
        author_id: actorId,
        document_id: null,
        span_start: null,
        span_end: null,
      });
      await repositories.auditEvents.record({ actorId, action: 'create', entityType: 'measurement', entityId: created.id, after: created });
      return created;
    });
  }

  /** Adds one 民生实事 project (the voted list is entered item by item). */
  async addLivelihoodProject(
    project: {
      region_code: string;
      year: number;
      programme_id?: number | null;
      area?: string | null;
      title: string;
      budget_yuan?: string | null;
      lead_unit_id?: number | null;
      target_value?: string | null;
      target_unit?: string | null;
      is_delivered?: boolean;
      delivered_on?: string | null;
    },
    actorId: number,
  ) {
    return this.#write(async (repositories) => {
      await repositories.regions.get(project.region_code);
      const created = await repositories.livelihood.createProject({
        region_code: project.region_code,
        year: project.year,
        programme_id: project.programme_id ?? null,
        area: project.area ?? null,
        title: project.title,
        budget_yuan: project.budget_yuan ?? null,
        lead_unit_id: project.lead_unit_id ?? null,
        target_value: project.target_value ?? null,
        target_unit: project.target_unit ?? null,
        target_comparator: null,
        is_delivered: project.is_delivered ?? false,
        delivered_on: project.delivered_on ?? null,
        document_id: null,
        span_start: null,
        span_end: null,
      });
      await repositories.auditEvents.record({ actorId, action: 'create', entityType: 'livelihood_project', entityId: created.id, after: created });
      return created;
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
