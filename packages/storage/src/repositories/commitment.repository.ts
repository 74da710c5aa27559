/**
 * Commitments: a plan's tasks and their work items (a tree by parent_id), with lead and supporting units, deadline,
 * weight, target and the span of the document they came from. Writes check the version (optimistic concurrency) and
 * never touch the original text. Example: `get(7)` → { title: '实施退化林分改造2万亩', target_value: '20000', … }.
 */
import type { UnitRole } from '@duixian/core';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { ConflictError, InvalidError, NotFoundError } from '../domain-error.ts';
import { insertInBatches, splitIntoInsertBatches } from '../insert-batches.ts';
import { resolvePage, type Page, type PageRequest } from '../page.ts';
import type {
  CommitmentRow,
  MilestoneRow,
  NewCommitment,
  ReportedStatus,
  Schema,
  TargetComparator,
} from '../schema.ts';

export interface CommitmentUnitRef {
  unit_id: number;
  name: string;
  role: UnitRole;
}

/** A commitment with its theme name and units. */
export interface CommitmentRecord extends CommitmentRow {
  theme: string | null;
  units: CommitmentUnitRef[];
}

export interface CommitmentFilter extends PageRequest {
  planId?: number;
  regionCode?: string;
  year?: number;
  themeId?: number;
  /** Theme by name: '生态环境保护'. */
  theme?: string;
  /** Commitments this unit leads or supports. */
  unitId?: number;
  /** Children of this commitment; `null` for top-level ones only. */
  parentId?: number | null;
  /** Words in the title or original text. */
  search?: string;
  /** Include unpublished items (staff views). */
  includeUnpublished?: boolean;
  /** `false`: only items without a lead unit (未分派); `true`: only items with one. */
  assigned?: boolean;
  /** Restrict to these ids (after a status filter). */
  ids?: readonly number[];
}

/** What schedule status needs for one commitment: its window, target, weight and latest reported progress. */
export interface ScheduleFacts {
  id: number;
  parent_id: number | null;
  theme_id: number | null;
  theme: string | null;
  start_date: string | null;
  deadline: string | null;
  target_value: string | null;
  target_value_high: string | null;
  /** The target's bound: a ceiling (<=, <) is kept, not reached, and its schedule reads so. */
  target_comparator: TargetComparator | null;
  weight: string;
  plan_year: number;
  latest_reported_on: string | null;
  latest_amount: string | null;
  latest_percent: string | null;
  latest_status: ReportedStatus | null;
}

export interface NewCommitmentInput extends Omit<NewCommitment, 'version' | 'created_at' | 'updated_at'> {
  leadUnitId?: number | null;
  supportingUnitIds?: readonly number[];
}

/** Fields an editor may change; the original text is not among them. */
export interface CommitmentChanges {
  title?: string;
  theme_id?: number | null;
  parent_id?: number | null;
  action?: string | null;
  indicator?: string | null;
  target_value?: string | null;
  target_value_high?: string | null;
  target_unit?: string | null;
  target_comparator?: TargetComparator | null;
  target_grade?: string | null;
  start_date?: string | null;
  deadline?: string | null;
  weight?: string;
  published?: boolean;
}

/** Bind parameters one commitment row can take in an INSERT (its columns, with room to spare). */
const COMMITMENT_INSERT_COLUMNS = 24;

export class CommitmentRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async create(input: NewCommitmentInput): Promise<CommitmentRecord> {
    const { leadUnitId, supportingUnitIds, ...values } = input;
    if (values.parent_id != null) await this.#checkParent(values.parent_id, values.plan_id);
    const row = await this.#db.insertInto('commitments').values(values).returning('id').executeTakeFirstOrThrow();
    await this.setUnits(row.id, leadUnitId ?? null, supportingUnitIds ?? []);
    return this.get(row.id);
  }

  async findByExternalId(externalId: string): Promise<CommitmentRow | undefined> {
    return this.#db.selectFrom('commitments').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  }

  /**
   * Adds many top-level commitments with their units in a few statements (a 任务分解表 of hundreds of rows): run it in
   * a transaction. Returns the records in the order of `inputs`.
   */
  async createMany(inputs: readonly NewCommitmentInput[]): Promise<CommitmentRecord[]> {
    if (inputs.some((input) => input.parent_id != null)) throw new InvalidError('createMany adds top-level commitments only');
    const values = inputs.map(({ leadUnitId: _lead, supportingUnitIds: _supporting, ...row }) => row);
    const created = (
      await insertInBatches(this.#db, values, COMMITMENT_INSERT_COLUMNS, (db, batch) =>
        db.insertInto('commitments').values(batch).returning(['id', 'title', 'external_id']).execute(),
      )
    ).flat();
    // A multi-row INSERT returns its rows in the order of its VALUES; checked, as every id below depends on it.
    created.forEach((row, index) => {
      const input = values[index];
      if (!input || row.title !== input.title || row.external_id !== (input.external_id ?? null)) throw new Error('insert returned its rows out of order');
    });
    const units = inputs.flatMap((input, index) => {
      const id = created[index]!.id;
      const lead = input.leadUnitId ?? null;
      return [
        ...(lead !== null ? [{ commitment_id: id, unit_id: lead, role: 'lead' as const }] : []),
        ...[...new Set(input.supportingUnitIds ?? [])].filter((unitId) => unitId !== lead).map((unitId) => ({ commitment_id: id, unit_id: unitId, role: 'supporting' as const })),
      ];
    });
    await insertInBatches(this.#db, units, 3, (db, batch) => db.insertInto('commitment_units').values(batch).execute());
    const records = new Map((await this.getMany(created.map((row) => row.id))).map((record) => [record.id, record]));
    return created.map((row) => records.get(row.id)!);
  }

  /** The commitments holding any of these external ids (a re-imported 任务分解表's rows), with their units. */
  async listByExternalIds(externalIds: readonly string[]): Promise<CommitmentRecord[]> {
    const records: CommitmentRecord[] = [];
    for (const batch of splitIntoInsertBatches([...new Set(externalIds)], 1)) {
      const rows = await this.#db
        .selectFrom('commitments')
        .leftJoin('themes', 'themes.id', 'commitments.theme_id')
        .selectAll('commitments')
        .select('themes.name as theme')
        .where('commitments.external_id', 'in', batch)
        .execute();
      records.push(...(await this.#attach(rows)));
    }
    return records;
  }

  async get(id: number): Promise<CommitmentRecord> {
    const [record] = await this.#attach(
      await this.#db
        .selectFrom('commitments')
        .leftJoin('themes', 'themes.id', 'commitments.theme_id')
        .selectAll('commitments')
        .select('themes.name as theme')
        .where('commitments.id', '=', id)
        .execute(),
    );
    if (!record) throw new NotFoundError('commitment', id);
    return record;
  }

  async list(filter: CommitmentFilter = {}): Promise<Page<CommitmentRecord>> {
    const { page, pageSize, offset } = resolvePage(filter);
    const base = this.#filtered(filter);
    const [rows, count] = await Promise.all([
      base
        .selectAll('commitments')
        .select('themes.name as theme')
        .orderBy('commitments.plan_id')
        .orderBy('themes.position')
        .orderBy('commitments.span_start')
        .orderBy('commitments.id')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await this.#attach(rows), total: Number(count.n), page, pageSize };
  }

  /**
   * Every matching commitment with the facts its schedule status is computed from (no paging: status filters need
   * all), by id; `afterId` and `limit` read a large plan in slices, so that on PGlite's one connection other queries
   * are answered between them.
   */
  async listScheduleFacts(
    filter: Omit<CommitmentFilter, keyof PageRequest> = {},
    slice: { afterId?: number; limit?: number } = {},
  ): Promise<ScheduleFacts[]> {
    let query = this.#filtered(filter);
    if (slice.afterId !== undefined) query = query.where('commitments.id', '>', slice.afterId);
    if (slice.limit !== undefined) query = query.limit(slice.limit);
    // One index probe per commitment (progress_updates_latest) rather than sorting every update; a corrected report
    // never counts (its approved correction does), found through progress_updates_corrected_once. Only approved
    // reports count: the schedule status is an official figure, the same for the public and for staff, and moves when
    // the 督查室 approves a report (a pending one is listed to staff marked 待审核, never counted).
    return query
      .innerJoin('plans', 'plans.id', 'commitments.plan_id')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('progress_updates')
            .select(['reported_on', 'amount', 'percent', 'reported_status'])
            .whereRef('progress_updates.commitment_id', '=', 'commitments.id')
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('progress_reviews')
                  .select('progress_reviews.id')
                  .whereRef('progress_reviews.update_id', '=', 'progress_updates.id')
                  .where('progress_reviews.decision', '=', 'approved'),
              ),
            )
            .where((eb) =>
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('progress_updates as correction')
                    .innerJoin('progress_reviews as correction_review', 'correction_review.update_id', 'correction.id')
                    .select('correction.id')
                    .whereRef('correction.corrects_id', '=', 'progress_updates.id')
                    .where('correction_review.decision', '=', 'approved'),
                ),
              ),
            )
            .orderBy('reported_on', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .as('latest'),
        (join) => join.onTrue(),
      )
      .select([
        'commitments.id',
        'commitments.parent_id',
        'commitments.theme_id',
        'themes.name as theme',
        'commitments.start_date',
        'commitments.deadline',
        'commitments.target_value',
        'commitments.target_value_high',
        'commitments.target_comparator',
        'commitments.weight',
        'plans.year as plan_year',
        'latest.reported_on as latest_reported_on',
        'latest.amount as latest_amount',
        'latest.percent as latest_percent',
        'latest.reported_status as latest_status',
      ])
      .orderBy('commitments.id')
      .execute();
  }

  /** Every milestone of a plan's commitments. */
  async listPlanMilestones(planId: number): Promise<MilestoneRow[]> {
    return this.#db
      .selectFrom('milestones')
      .innerJoin('commitments', 'commitments.id', 'milestones.commitment_id')
      .selectAll('milestones')
      .where('commitments.plan_id', '=', planId)
      .orderBy('milestones.commitment_id')
      .orderBy('milestones.due_date')
      .execute();
  }

  /**
   * Changes a commitment when `expectedVersion` is still the stored one, and bumps the version.
   * A stale version throws a ConflictError carrying the current record. Returns the record before and after.
   */
  async update(
    id: number,
    expectedVersion: number,
    changes: CommitmentChanges,
  ): Promise<{ before: CommitmentRecord; after: CommitmentRecord }> {
    const before = await this.get(id);
    if (changes.parent_id != null) await this.#checkParent(changes.parent_id, before.plan_id, id);
    const updated = await this.#db
      .updateTable('commitments')
      .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const current = await this.get(id);
      throw new ConflictError(`commitment ${id} was changed by someone else (version ${current.version}, not ${expectedVersion})`, current);
    }
    return { before, after: await this.get(id) };
  }

  /** Replaces the lead and supporting units. */
  async setUnits(id: number, leadUnitId: number | null, supportingUnitIds: readonly number[]): Promise<void> {
    await this.#db.deleteFrom('commitment_units').where('commitment_id', '=', id).execute();
    const rows = [
      ...(leadUnitId != null ? [{ commitment_id: id, unit_id: leadUnitId, role: 'lead' as const }] : []),
      ...[...new Set(supportingUnitIds)]
        .filter((unitId) => unitId !== leadUnitId)
        .map((unitId) => ({ commitment_id: id, unit_id: unitId, role: 'supporting' as const })),
    ];
    if (rows.length > 0) await this.#db.insertInto('commitment_units').values(rows).execute();
  }

  /** Several commitments by id, in id order, read under the bind-parameter limit; a missing one throws NotFound. */
  async getMany(ids: readonly number[]): Promise<CommitmentRecord[]> {
    const wanted = [...new Set(ids)];
    const rows: (CommitmentRow & { theme: string | null })[] = [];
    for (const batch of splitIntoInsertBatches(wanted, 1)) {
      rows.push(
        ...(await this.#db
          .selectFrom('commitments')
          .leftJoin('themes', 'themes.id', 'commitments.theme_id')
          .selectAll('commitments')
          .select('themes.name as theme')
          .where('commitments.id', 'in', batch)
          .execute()),
      );
    }
    const found = new Set(rows.map((row) => row.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFoundError('commitment', missing);
    const records: CommitmentRecord[] = [];
    for (const batch of splitIntoInsertBatches(rows, 1)) records.push(...(await this.#attach(batch)));
    return records.sort((a, b) => a.id - b.id);
  }

  /**
   * Gives every commitment of `ids` one lead unit, and the supporting units when given (else each keeps its own, less
   * the new lead), and the deadline when given; bumps each version. Several statements, each under the bind-parameter
   * limit: run it in a transaction. Example: `assignUnits([7, 8], { leadUnitId: 3, supportingUnitIds: [5] })`.
   */
  async assignUnits(
    ids: readonly number[],
    assignment: { leadUnitId: number; supportingUnitIds?: readonly number[] | undefined; deadline?: string | undefined },
  ): Promise<void> {
    const wanted = [...new Set(ids)];
    const lead = assignment.leadUnitId;
    for (const batch of splitIntoInsertBatches(wanted, 1)) {
      let removed = this.#db.deleteFrom('commitment_units').where('commitment_id', 'in', batch);
      // Without new supporting units, each keeps its own; only the old lead goes (and the new lead as a supporter).
      if (assignment.supportingUnitIds === undefined) removed = removed.where((eb) => eb.or([eb('role', '=', 'lead'), eb('unit_id', '=', lead)]));
      await removed.execute();
      await this.#db
        .updateTable('commitments')
        .set({ ...(assignment.deadline !== undefined ? { deadline: assignment.deadline } : {}), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
        .where('id', 'in', batch)
        .execute();
    }
    const supporting = [...new Set(assignment.supportingUnitIds ?? [])].filter((unitId) => unitId !== lead);
    const rows = wanted.flatMap((id) => [
      { commitment_id: id, unit_id: lead, role: 'lead' as const },
      ...supporting.map((unitId) => ({ commitment_id: id, unit_id: unitId, role: 'supporting' as const })),
    ]);
    await insertInBatches(this.#db, rows, 3, (db, batch) => db.insertInto('commitment_units').values(batch).execute());
  }

  /** Replaces the quarterly (or other) milestones. */
  async setMilestones(id: number, milestones: readonly { due_date: string; expected_percent: string }[]): Promise<void> {
    await this.#db.deleteFrom('milestones').where('commitment_id', '=', id).execute();
    if (milestones.length > 0) {
      await this.#db
        .insertInto('milestones')
        .values(milestones.map((milestone) => ({ commitment_id: id, ...milestone })))
        .execute();
    }
  }

  async listMilestones(ids: readonly number[]): Promise<MilestoneRow[]> {
    if (ids.length === 0) return [];
    return this.#db
      .selectFrom('milestones')
      .selectAll()
      .where('commitment_id', 'in', ids)
      .orderBy('commitment_id')
      .orderBy('due_date')
      .execute();
  }

  #filtered(filter: Omit<CommitmentFilter, keyof PageRequest>) {
    let query = this.#db.selectFrom('commitments').leftJoin('themes', 'themes.id', 'commitments.theme_id');
    if (filter.planId !== undefined) query = query.where('commitments.plan_id', '=', filter.planId);
    if (filter.regionCode !== undefined || filter.year !== undefined) {
      let plans = this.#db.selectFrom('plans').select('plans.id');
      if (filter.regionCode !== undefined) plans = plans.where('plans.region_code', '=', filter.regionCode);
      if (filter.year !== undefined) plans = plans.where('plans.year', '=', filter.year);
      query = query.where('commitments.plan_id', 'in', plans);
    }
    if (filter.themeId !== undefined) query = query.where('commitments.theme_id', '=', filter.themeId);
    if (filter.theme !== undefined) query = query.where('themes.name', '=', filter.theme);
    if (filter.unitId !== undefined) {
      const unitId = filter.unitId;
      query = query.where('commitments.id', 'in', (eb) =>
        eb.selectFrom('commitment_units').select('commitment_id').where('unit_id', '=', unitId),
      );
    }
    if (filter.parentId === null) query = query.where('commitments.parent_id', 'is', null);
    else if (filter.parentId !== undefined) query = query.where('commitments.parent_id', '=', filter.parentId);
    if (filter.search !== undefined && filter.search.trim() !== '') {
      const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb('commitments.title', 'ilike', pattern), eb('commitments.original_text', 'ilike', pattern)]),
      );
    }
    if (!filter.includeUnpublished) query = query.where('commitments.published', '=', true);
    if (filter.assigned !== undefined) {
      const hasLead = (eb: ExpressionBuilder<Schema, 'commitments'>) =>
        eb.exists(eb.selectFrom('commitment_units as lead').select('lead.unit_id').whereRef('lead.commitment_id', '=', 'commitments.id').where('lead.role', '=', 'lead'));
      query = query.where((eb) => (filter.assigned ? hasLead(eb) : eb.not(hasLead(eb))));
    }
    if (filter.ids !== undefined) {
      query = filter.ids.length === 0 ? query.where(sql<boolean>`false`) : query.where('commitments.id', 'in', filter.ids);
    }
    return query;
  }

  async #attach(rows: (CommitmentRow & { theme: string | null })[]): Promise<CommitmentRecord[]> {
    if (rows.length === 0) return [];
    const units = await this.#db
      .selectFrom('commitment_units')
      .innerJoin('units', 'units.id', 'commitment_units.unit_id')
      .select(['commitment_units.commitment_id', 'commitment_units.unit_id', 'units.name', 'commitment_units.role'])
      .where(
        'commitment_units.commitment_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('commitment_units.role')
      .orderBy('units.name')
      .execute();
    const byCommitment = new Map<number, CommitmentUnitRef[]>();
    for (const unit of units) {
      const list = byCommitment.get(unit.commitment_id) ?? [];
      list.push({ unit_id: unit.unit_id, name: unit.name, role: unit.role });
      byCommitment.set(unit.commitment_id, list);
    }
    return rows.map((row) => ({ ...row, units: byCommitment.get(row.id) ?? [] }));
  }

  async #checkParent(parentId: number, planId: number, selfId?: number): Promise<void> {
    const parent = await this.#db
      .selectFrom('commitments')
      .select(['id', 'plan_id', 'parent_id'])
      .where('id', '=', parentId)
      .executeTakeFirst();
    if (!parent) throw new InvalidError(`parent commitment ${parentId} does not exist`);
    if (parent.plan_id !== planId) throw new InvalidError(`parent commitment ${parentId} belongs to another plan`);
    if (selfId === undefined) return;
    // Walk up from the new parent: meeting the commitment itself would make a cycle.
    let cursor: number | null = parentId;
    for (let depth = 0; cursor !== null && depth < 100; depth += 1) {
      if (cursor === selfId) throw new InvalidError(`commitment ${selfId} cannot sit under its own work item ${parentId}`);
      const row: { parent_id: number | null } | undefined = await this.#db
        .selectFrom('commitments')
        .select('parent_id')
        .where('id', '=', cursor)
        .executeTakeFirst();
      cursor = row?.parent_id ?? null;
    }
  }
}
