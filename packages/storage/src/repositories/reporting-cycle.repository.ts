/**
 * Reporting cycles (a plan's, and an item's own when it reports weekly or quarterly) and the facts its report slots
 * are computed from: who is assigned to what, which reports each unit's editors submitted when, and which items closed.
 * Example: `setForPlan(1, { frequency: 'monthly', dueDay: 25, remindDaysBefore: 3, startsOn: '2025-01-01' })`.
 */
import { sql, type Kysely } from 'kysely';
import { NotFoundError } from '../domain-error.ts';
import type { ProgressReviewStatus, ReportingCycleRow, ReportingFrequency, Schema } from '../schema.ts';

export interface CycleSettings {
  frequency: ReportingFrequency;
  dueDay: number;
  remindDaysBefore: number;
  startsOn: string;
}

/** What the slots of one plan are computed from. */
export interface SlotFacts {
  readonly assignments: readonly { commitment_id: number; commitment_title: string; unit_id: number; unit_name: string }[];
  /** Reports by a unit editor (the unit is the author's), with when they were submitted and their review. */
  readonly reports: readonly { id: number; commitment_id: number; unit_id: number; submitted_at: Date; review_status: ProgressReviewStatus }[];
  /** Items closed by an approved 销号, with when. */
  readonly closures: readonly { commitment_id: number; decided_at: Date }[];
}

export class ReportingCycleRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Sets (or replaces) a plan's cycle. */
  async setForPlan(planId: number, settings: CycleSettings): Promise<ReportingCycleRow> {
    const existing = await this.#db.selectFrom('reporting_cycles').select('id').where('plan_id', '=', planId).where('commitment_id', 'is', null).executeTakeFirst();
    return this.#write(existing?.id, planId, null, settings);
  }

  /** Sets (or replaces) one item's own cycle. */
  async setForCommitment(planId: number, commitmentId: number, settings: CycleSettings): Promise<ReportingCycleRow> {
    const existing = await this.#db.selectFrom('reporting_cycles').select('id').where('commitment_id', '=', commitmentId).executeTakeFirst();
    return this.#write(existing?.id, planId, commitmentId, settings);
  }

  /** The item follows its plan's cycle again. */
  async clearForCommitment(commitmentId: number): Promise<void> {
    const result = await this.#db.deleteFrom('reporting_cycles').where('commitment_id', '=', commitmentId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new NotFoundError('reporting cycle of commitment', commitmentId);
  }

  /** A plan's cycle and its items' own cycles (the plan's first). */
  async listForPlan(planId: number): Promise<ReportingCycleRow[]> {
    return this.#db.selectFrom('reporting_cycles').selectAll().where('plan_id', '=', planId).orderBy(sql`commitment_id nulls first`).execute();
  }

  /** Plans that have a cycle: the ones reminders run over. */
  async listPlanIds(): Promise<number[]> {
    const rows = await this.#db.selectFrom('reporting_cycles').select('plan_id').where('commitment_id', 'is', null).orderBy('plan_id').execute();
    return rows.map((row) => row.plan_id);
  }

  /** The facts a plan's slots are computed from; narrowed to one unit when `unitId` is given. */
  async slotFacts(planId: number, unitId?: number): Promise<SlotFacts> {
    let assignments = this.#db
      .selectFrom('commitment_units')
      .innerJoin('commitments', 'commitments.id', 'commitment_units.commitment_id')
      .innerJoin('units', 'units.id', 'commitment_units.unit_id')
      .select(['commitments.id as commitment_id', 'commitments.title as commitment_title', 'units.id as unit_id', 'units.name as unit_name'])
      .where('commitments.plan_id', '=', planId);
    if (unitId !== undefined) assignments = assignments.where('units.id', '=', unitId);
    let reports = this.#db
      .selectFrom('progress_updates')
      .innerJoin('commitments', 'commitments.id', 'progress_updates.commitment_id')
      .innerJoin('users', 'users.id', 'progress_updates.author_id')
      .innerJoin('commitment_units', (join) =>
        join.onRef('commitment_units.commitment_id', '=', 'commitments.id').onRef('commitment_units.unit_id', '=', 'users.unit_id'),
      )
      .leftJoin('progress_reviews', 'progress_reviews.update_id', 'progress_updates.id')
      .select((eb) => [
        'progress_updates.id',
        'progress_updates.commitment_id',
        'commitment_units.unit_id',
        sql<Date>`coalesce(${eb.ref('progress_updates.submitted_at')}, ${eb.ref('progress_updates.created_at')})`.as('submitted_at'),
        sql<ProgressReviewStatus>`coalesce(${eb.ref('progress_reviews.decision')}, 'pending')`.as('review_status'),
      ])
      .where('commitments.plan_id', '=', planId);
    if (unitId !== undefined) reports = reports.where('commitment_units.unit_id', '=', unitId);
    const closures = this.#db
      .selectFrom('closure_requests')
      .innerJoin('commitments', 'commitments.id', 'closure_requests.commitment_id')
      .select(['closure_requests.commitment_id', 'closure_requests.decided_at'])
      .where('commitments.plan_id', '=', planId)
      .where('closure_requests.status', '=', 'approved');
    const [assignmentRows, reportRows, closureRows] = await Promise.all([
      assignments.orderBy('commitments.id').orderBy('units.id').execute(),
      reports.orderBy('progress_updates.id').execute(),
      closures.execute(),
    ]);
    return {
      assignments: assignmentRows,
      reports: reportRows.map((row) => ({ ...row, submitted_at: new Date(row.submitted_at) })),
      closures: closureRows.map((row) => ({ commitment_id: row.commitment_id, decided_at: new Date(row.decided_at ?? 0) })),
    };
  }

  async #write(id: number | undefined, planId: number, commitmentId: number | null, settings: CycleSettings): Promise<ReportingCycleRow> {
    const values = {
      frequency: settings.frequency,
      due_day: settings.dueDay,
      remind_days_before: settings.remindDaysBefore,
      starts_on: settings.startsOn,
    };
    if (id !== undefined) {
      return this.#db.updateTable('reporting_cycles').set({ ...values, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    }
    return this.#db.insertInto('reporting_cycles').values({ ...values, plan_id: planId, commitment_id: commitmentId }).returningAll().executeTakeFirstOrThrow();
  }
}
