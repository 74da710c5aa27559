/**
 * Regions by their six-digit code (GB/T 2260) and their units (departments).
 * Example: `ensure({ code: '630105', name: '城北区', parentCode: '630100' })`.
 */
import type { Kysely } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain-error.ts';
import type { RegionRow, Schema, UnitRow } from '../schema.ts';

export class RegionRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Creates the region, or returns it as stored when its code exists already. */
  async ensure(region: { code: string; name: string; parentCode?: string | null }): Promise<RegionRow> {
    if (!/^[0-9]{6}$/.test(region.code)) throw new InvalidError(`region code "${region.code}" must be six digits`);
    await this.#db
      .insertInto('regions')
      .values({ code: region.code, name: region.name, parent_code: region.parentCode ?? null })
      .onConflict((conflict) => conflict.column('code').doNothing())
      .execute();
    return this.get(region.code);
  }

  async get(code: string): Promise<RegionRow> {
    const row = await this.#db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new NotFoundError('region', code);
    return row;
  }

  async list(): Promise<RegionRow[]> {
    return this.#db.selectFrom('regions').selectAll().orderBy('code').execute();
  }

  /** The unit of a region by name, created when missing: '城北区教育局'. */
  async ensureUnit(regionCode: string, name: string): Promise<UnitRow> {
    const trimmed = name.trim();
    if (trimmed === '') throw new InvalidError('unit name is empty');
    await this.#db
      .insertInto('units')
      .values({ region_code: regionCode, name: trimmed })
      .onConflict((conflict) => conflict.columns(['region_code', 'name']).doNothing())
      .execute();
    return this.#db
      .selectFrom('units')
      .selectAll()
      .where('region_code', '=', regionCode)
      .where('name', '=', trimmed)
      .executeTakeFirstOrThrow();
  }

  /** Renames a unit and sets its contact person (each null when unknown): '城北区教育局', 王芳, 0971-1234567. */
  async updateUnit(id: number, change: { name: string; contactName: string | null; contactPhone: string | null; contactEmail: string | null }): Promise<UnitRow> {
    const name = change.name.trim();
    if (name === '') throw new InvalidError('unit name is empty');
    const clash = await this.#db.selectFrom('units as other').innerJoin('units as self', 'self.region_code', 'other.region_code').select('other.id').where('self.id', '=', id).where('other.id', '!=', id).where('other.name', '=', name).executeTakeFirst();
    if (clash) throw new ConflictError(`unit "${name}" exists already in this region`);
    const row = await this.#db
      .updateTable('units')
      .set({ name, contact_name: change.contactName, contact_phone: change.contactPhone, contact_email: change.contactEmail })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('unit', id);
    return row;
  }

  async getUnit(id: number): Promise<UnitRow> {
    const row = await this.#db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('unit', id);
    return row;
  }

  async listUnits(regionCode?: string): Promise<UnitRow[]> {
    let query = this.#db.selectFrom('units').selectAll();
    if (regionCode !== undefined) query = query.where('region_code', '=', regionCode);
    return query.orderBy('id').execute();
  }
}
