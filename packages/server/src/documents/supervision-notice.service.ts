/**
 * 督办单 (supervision notices): the 督查室 issues one to a 责任单位 listing the unit's assigned tasks of a plan year —
 * task, target in words, deadline, 牵头 or 配合 — under the next number of the region's year (城北督〔2024〕12号).
 * The items are kept as they stood when it was issued; staff read every notice, a unit editor only its own unit's.
 * Example: `await notices.issue({ regionCode: '630105', planYear: 2024, unitId: 3 }, supervisor)` → { number: 12, … }.
 */
import { formatChineseAmount, parseDecimalText, phraseWithComparator } from '@duixian/core';
import {
  InvalidError,
  MAX_PAGE_SIZE,
  NotFoundError,
  type CommitmentRecord,
  type DatabaseHandle,
  type SupervisionNoticeItem,
  type SupervisionNoticeRow,
  type UnitRow,
} from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import { isStaff } from '../auth/commitment-access.ts';
import { readAllPages } from '../services/read-all-pages.ts';
import { todayInChina } from '../services/schedule.service.ts';
import { shortRegionName } from './region-short-name.ts';

/** A unit's contact person, when the unit has one on record. */
export interface UnitContact {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

/** Everything a 督办单 document shows. */
export interface SupervisionNoticeDocument {
  readonly id: number;
  /** '城北督〔2024〕12号'. */
  readonly numberText: string;
  readonly issuer: string;
  /** China date of issue: '2024-06-30'. */
  readonly issuedOn: string;
  readonly regionName: string;
  readonly planYear: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly contact: UnitContact | undefined;
  readonly items: readonly SupervisionNoticeItem[];
}

export interface RegionNumbering {
  readonly regionCode: string;
  readonly prefix: string;
  readonly issuer: string;
  /** Whether the prefix and issuer are the region's own or the defaults. */
  readonly isDefault: boolean;
  readonly year: number;
  readonly nextNumber: number;
}

/** 城北督〔2024〕12号: prefix, the year in 六角括号 〔〕, the number with 号 (GB/T 9704 7.2.4). */
export function formatNoticeNumber(notice: Pick<SupervisionNoticeRow, 'prefix' | 'year' | 'number'>): string {
  return `${notice.prefix}〔${notice.year}〕${notice.number}号`;
}

/** The target in words: '不少于2万亩', '10万元—15万元', 'Ⅲ类及以上'; null when the task states none. */
export function describeTarget(commitment: Pick<CommitmentRecord, 'target_value' | 'target_value_high' | 'target_unit' | 'target_comparator' | 'target_grade'>): string | null {
  if (commitment.target_grade) return phraseWithComparator(commitment.target_comparator, commitment.target_grade, 'zh');
  const low = commitment.target_value === null ? undefined : parseDecimalText(commitment.target_value);
  if (!low) return null;
  const unit = commitment.target_unit ?? '';
  const high = commitment.target_value_high === null ? undefined : parseDecimalText(commitment.target_value_high);
  const value = high ? `${formatChineseAmount(low, unit)}—${formatChineseAmount(high, unit)}` : formatChineseAmount(low, unit);
  return phraseWithComparator(commitment.target_comparator, value, 'zh');
}

/**
 * The unit's contact person. Seam: unit contacts (contact_name / contact_phone / contact_email, migration 0010) come
 * with another branch; until it is merged the unit row has none and the notice says 未登记. Read defensively so the
 * notice shows them as soon as the columns exist.
 */
export function readUnitContact(unit: UnitRow): UnitContact | undefined {
  const row = unit as UnitRow & Partial<Record<'contact_name' | 'contact_phone' | 'contact_email', string | null>>;
  const contact = { name: row.contact_name ?? null, phone: row.contact_phone ?? null, email: row.contact_email ?? null };
  return contact.name || contact.phone || contact.email ? contact : undefined;
}

export class SupervisionNoticeService {
  readonly #database: DatabaseHandle;
  readonly #now: () => Date;

  constructor(database: DatabaseHandle, now: () => Date) {
    this.#database = database;
    this.#now = now;
  }

  /** The year a number is counted in: the year of issue in China. */
  #issueYear(): number {
    return Number(todayInChina(this.#now()).slice(0, 4));
  }

  async numbering(regionCode: string, year = this.#issueYear()): Promise<RegionNumbering> {
    const { regions, supervisionNotices } = this.#database.repositories;
    const region = await regions.get(regionCode);
    const own = await supervisionNotices.numbering(regionCode);
    const last = await supervisionNotices.lastNumber(regionCode, year);
    return {
      regionCode,
      prefix: own?.prefix ?? `${shortRegionName(region.name)}督`,
      issuer: own?.issuer ?? `${region.name}人民政府督查室`,
      isDefault: !own?.prefix && !own?.issuer,
      year,
      nextNumber: last + 1,
    };
  }

  /** Sets the prefix and issuing office (null: the default) and, optionally, the next number of a year; audited. */
  async setNumbering(
    regionCode: string,
    change: { prefix: string | null; issuer: string | null; year?: number | undefined; nextNumber?: number | undefined },
    actor: SessionUser,
  ): Promise<RegionNumbering> {
    const before = await this.numbering(regionCode, change.year);
    await this.#database.transaction(async (repositories) => {
      await repositories.supervisionNotices.setNumbering(regionCode, { prefix: change.prefix, issuer: change.issuer });
      if (change.nextNumber !== undefined) await repositories.supervisionNotices.setNextNumber(regionCode, change.year ?? this.#issueYear(), change.nextNumber);
      await repositories.auditEvents.record({ actorId: actor.id, action: 'update', entityType: 'notice_numbering', entityId: regionCode, before, after: change });
    });
    return this.numbering(regionCode, change.year);
  }

  /** Issues the next-numbered 督办单 to a unit for its tasks of `planYear` in the unit's region; audited. */
  async issue(request: { unitId: number; planYear: number }, actor: SessionUser): Promise<SupervisionNoticeDocument> {
    const { regions, commitments } = this.#database.repositories;
    const unit = await regions.getUnit(request.unitId);
    const assigned = await readAllPages((page) =>
      commitments.list({ regionCode: unit.region_code, year: request.planYear, unitId: unit.id, includeUnpublished: true, page, pageSize: MAX_PAGE_SIZE }),
    );
    if (assigned.length === 0) throw new InvalidError(`${unit.name}在${request.planYear}年没有分派的任务，无需督办单 / ${unit.name} has no assigned tasks in ${request.planYear}`);
    const items = assigned.map((commitment) => toItem(commitment, unit.id));
    const numbering = await this.numbering(unit.region_code);
    const row = await this.#database.transaction(async (repositories) => {
      const issued = await repositories.supervisionNotices.issue({
        regionCode: unit.region_code,
        year: numbering.year,
        prefix: numbering.prefix,
        issuer: numbering.issuer,
        planYear: request.planYear,
        unitId: unit.id,
        items,
        issuedBy: actor.id,
        issuedAt: this.#now(),
      });
      await repositories.auditEvents.record({
        actorId: actor.id,
        action: 'issue',
        entityType: 'supervision_notice',
        entityId: issued.id,
        after: { number: formatNoticeNumber(issued), unit_id: unit.id, plan_year: request.planYear, items: items.length },
      });
      return issued;
    });
    return this.#present(row, unit);
  }

  /** Notices a caller may read, newest first: staff every notice (of a unit, when given), a unit editor its unit's. */
  async list(filter: { regionCode?: string | undefined; unitId?: number | undefined; planYear?: number | undefined }, viewer: SessionUser): Promise<SupervisionNoticeDocument[]> {
    if (!isStaff(viewer) && (viewer.unit_id === null || (filter.unitId !== undefined && filter.unitId !== viewer.unit_id))) return [];
    const unitId = isStaff(viewer) ? filter.unitId : (viewer.unit_id as number);
    const rows = await this.#database.repositories.supervisionNotices.list({ regionCode: filter.regionCode, unitId, planYear: filter.planYear });
    const units = new Map<number, UnitRow>();
    const documents: SupervisionNoticeDocument[] = [];
    for (const row of rows) {
      const unit = units.get(row.unit_id) ?? (await this.#database.repositories.regions.getUnit(row.unit_id));
      units.set(unit.id, unit);
      documents.push(await this.#present(row, unit));
    }
    return documents;
  }

  /** One notice; another unit's is not found for a unit editor (its existence is not told). */
  async read(id: number, viewer: SessionUser): Promise<SupervisionNoticeDocument> {
    const row = await this.#database.repositories.supervisionNotices.get(id);
    if (!isStaff(viewer) && viewer.unit_id !== row.unit_id) throw new NotFoundError('supervision notice', id);
    return this.#present(row, await this.#database.repositories.regions.getUnit(row.unit_id));
  }

  async #present(row: SupervisionNoticeRow, unit: UnitRow): Promise<SupervisionNoticeDocument> {
    const region = await this.#database.repositories.regions.get(row.region_code);
    return {
      id: row.id,
      numberText: formatNoticeNumber(row),
      issuer: row.issuer,
      issuedOn: todayInChina(row.issued_at),
      regionName: region.name,
      planYear: row.plan_year,
      unitId: unit.id,
      unitName: unit.name,
      contact: readUnitContact(unit),
      items: row.items,
    };
  }
}

function toItem(commitment: CommitmentRecord, unitId: number): SupervisionNoticeItem {
  const own = commitment.units.find((unit) => unit.unit_id === unitId);
  const role = own?.role ?? 'supporting';
  const partners = commitment.units
    .filter((unit) => unit.unit_id !== unitId && (role === 'lead' ? unit.role === 'supporting' : unit.role === 'lead'))
    .map((unit) => unit.name);
  return { commitment_id: commitment.id, title: commitment.title, role, target: describeTarget(commitment), deadline: commitment.deadline, partners };
}
