/**
 * The tracker's rules for commitments: lists with their computed schedule status (filterable by it), one commitment
 * with its work items, units, milestones and progress, edits at a known version, and append-only progress reports —
 * each write recorded in the audit trail. Example: `list({ regionCode: '630105', year: 2024, status: 'behind' })`.
 */
import type {
  CommitmentChanges,
  CommitmentFilter,
  CommitmentRecord,
  DatabaseHandle,
  Evidence,
  MilestoneRow,
  Page,
  PageRequest,
  ProgressUpdateRow,
  ReportedStatus,
  ScheduleFacts,
} from '@duixian/storage';
import { InvalidError, MAX_PAGE_SIZE } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import type { ColourCounts, ScheduleIndex } from './schedule-index.ts';
import type { CommitmentSchedule } from './schedule.service.ts';

export type ScheduleCode = NonNullable<CommitmentSchedule['code']>;

export interface CommitmentView extends CommitmentRecord {
  schedule: CommitmentSchedule;
}

export interface CommitmentDetail extends CommitmentView {
  milestones: MilestoneRow[];
  children: CommitmentView[];
  recent_progress: ProgressUpdateRow[];
}

export interface CommitmentListFilter extends Omit<CommitmentFilter, 'ids'> {
  status?: ScheduleCode;
  colour?: 'red' | 'yellow' | 'green';
}

export interface Actor {
  id: number;
}

export class CommitmentService {
  readonly #database: DatabaseHandle;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;

  constructor(database: DatabaseHandle, cache: ReadCache, index: ScheduleIndex) {
    this.#database = database;
    this.#cache = cache;
    this.#index = index;
  }

  /** Schedules of every commitment in scope (whole plans, so work items roll up into their parents). */
  async schedules(filter: Pick<CommitmentFilter, 'planId' | 'regionCode' | 'year'>): Promise<{
    facts: ScheduleFacts[];
    schedules: Map<number, CommitmentSchedule>;
  }> {
    const planIds =
      filter.planId !== undefined
        ? [filter.planId]
        : (await this.#database.repositories.plans.list({ regionCode: filter.regionCode, year: filter.year })).map((plan) => plan.id);
    const built = await Promise.all(planIds.map((planId) => this.#index.forPlan(planId)));
    if (built.length === 1 && built[0]) return { facts: [...built[0].facts.values()], schedules: built[0].schedules };
    const facts: ScheduleFacts[] = [];
    const schedules = new Map<number, CommitmentSchedule>();
    for (const plan of built) {
      facts.push(...plan.facts.values());
      for (const [id, schedule] of plan.schedules) schedules.set(id, schedule);
    }
    return { facts, schedules };
  }

  /** A plan's commitments by theme and warning colour, kept up to date by the schedule index. */
  async tally(planId: number): Promise<Map<string | null, ColourCounts>> {
    return this.#index.tally(planId);
  }

  /** Builds every plan's schedule statuses ahead of the first read (large plans take seconds). */
  async warmUp(): Promise<void> {
    for (const plan of await this.#database.repositories.plans.list()) await this.#index.forPlan(plan.id);
  }

  async list(filter: CommitmentListFilter = {}): Promise<Page<CommitmentView>> {
    const { commitments } = this.#database.repositories;
    const { status, colour, ...rest } = filter;
    if (status === undefined && colour === undefined) {
      const page = await commitments.list(rest);
      return { ...page, items: await this.#withSchedules(page.items) };
    }
    // A status is computed, not stored: compute it for everything in scope, then page through the matches.
    const { schedules } = await this.schedules({ planId: rest.planId, regionCode: rest.regionCode, year: rest.year });
    const matching = [...schedules.entries()]
      .filter(([, schedule]) => (status === undefined || schedule.code === status) && (colour === undefined || schedule.colour === colour))
      .map(([id]) => id);
    const page = await commitments.list({ ...rest, ids: matching });
    return { ...page, items: page.items.map((item) => ({ ...item, schedule: schedules.get(item.id) as CommitmentSchedule })) };
  }

  async get(id: number): Promise<CommitmentDetail> {
    const { commitments, plans, progressUpdates } = this.#database.repositories;
    const record = await commitments.get(id);
    const plan = await plans.get(record.plan_id);
    const { schedules } = await this.schedules({ planId: plan.id });
    const children = await commitments.list({ parentId: id, includeUnpublished: true, pageSize: MAX_PAGE_SIZE });
    const [milestones, progress] = await Promise.all([
      commitments.listMilestones([id]),
      progressUpdates.list(id, { pageSize: 20 }),
    ]);
    return {
      ...record,
      schedule: schedules.get(id) as CommitmentSchedule,
      milestones,
      children: children.items.map((child) => ({ ...child, schedule: schedules.get(child.id) as CommitmentSchedule })),
      recent_progress: progress.items,
    };
  }

  /** Adds a commitment to a plan, or a work item under a commitment (then plan and theme follow the parent). */
  async create(
    input: {
      plan_id?: number;
      parent_id?: number | null;
      theme_id?: number | null;
      title: string;
      target_value?: string | null;
      target_unit?: string | null;
      target_comparator?: CommitmentChanges['target_comparator'];
      start_date?: string | null;
      deadline?: string | null;
      weight?: string;
      lead_unit_id?: number | null;
      supporting_unit_ids?: number[];
    },
    actor: Actor,
  ): Promise<CommitmentDetail> {
    const created = await this.#database.transaction(async (repositories) => {
      const parent = input.parent_id != null ? await repositories.commitments.get(input.parent_id) : undefined;
      const planId = parent?.plan_id ?? input.plan_id;
      if (planId === undefined) throw new InvalidError('a commitment needs a plan_id or a parent_id');
      if (input.plan_id !== undefined && parent && parent.plan_id !== input.plan_id) {
        throw new InvalidError(`parent commitment ${parent.id} belongs to plan ${parent.plan_id}, not ${input.plan_id}`);
      }
      await repositories.plans.get(planId);
      const record = await repositories.commitments.create({
        plan_id: planId,
        parent_id: parent?.id ?? null,
        theme_id: input.theme_id ?? parent?.theme_id ?? null,
        original_text: input.title,
        title: input.title,
        target_value: input.target_value ?? null,
        target_unit: input.target_unit ?? null,
        target_comparator: input.target_comparator ?? (input.target_value != null ? '=' : null),
        start_date: input.start_date ?? null,
        deadline: input.deadline ?? null,
        ...(input.weight !== undefined ? { weight: input.weight } : {}),
        leadUnitId: input.lead_unit_id ?? null,
        supportingUnitIds: input.supporting_unit_ids ?? [],
      });
      await repositories.auditEvents.record({ actorId: actor.id, action: 'create', entityType: 'commitment', entityId: record.id, after: record });
      return record;
    });
    await this.#index.refreshCommitment(created.plan_id, created.id);
    this.#cache.clear();
    return this.get(created.id);
  }

  async update(
    id: number,
    expectedVersion: number,
    changes: CommitmentChanges & { lead_unit_id?: number | null; supporting_unit_ids?: number[]; milestones?: { due_date: string; expected_percent: string }[] },
    actor: Actor,
  ): Promise<CommitmentDetail> {
    const { lead_unit_id, supporting_unit_ids, milestones, ...fields } = changes;
    const planId = await this.#database.transaction(async (repositories) => {
      const { before, after } = await repositories.commitments.update(id, expectedVersion, fields);
      if (lead_unit_id !== undefined || supporting_unit_ids !== undefined) {
        const currentLead = before.units.find((unit) => unit.role === 'lead')?.unit_id ?? null;
        const currentSupporting = before.units.filter((unit) => unit.role === 'supporting').map((unit) => unit.unit_id);
        await repositories.commitments.setUnits(id, lead_unit_id === undefined ? currentLead : lead_unit_id, supporting_unit_ids ?? currentSupporting);
      }
      if (milestones !== undefined) await repositories.commitments.setMilestones(id, milestones);
      const final = await repositories.commitments.get(id);
      await repositories.auditEvents.record({
        actorId: actor.id,
        action: 'update',
        entityType: 'commitment',
        entityId: id,
        before,
        after: { ...final, ...(milestones !== undefined ? { milestones } : {}), version: after.version },
      });
      return final.plan_id;
    });
    await this.#index.refreshCommitment(planId, id);
    this.#cache.clear();
    return this.get(id);
  }

  async addProgress(
    id: number,
    update: {
      reported_on: string;
      amount?: string | null;
      percent?: string | null;
      reported_status?: ReportedStatus | null;
      note?: string | null;
      evidence?: Evidence[];
    },
    actor: Actor,
  ): Promise<ProgressUpdateRow> {
    const created = await this.#database.transaction(async (repositories) => {
      const commitment = await repositories.commitments.get(id);
      if (update.amount != null && commitment.target_value === null) {
        throw new InvalidError(`commitment ${id} has no numeric target: report progress as a percent`);
      }
      const row = await repositories.progressUpdates.append({ ...update, commitment_id: id, author_id: actor.id });
      await repositories.auditEvents.record({ actorId: actor.id, action: 'report_progress', entityType: 'commitment', entityId: id, after: row });
      return { row, planId: commitment.plan_id };
    });
    await this.#index.refreshCommitment(created.planId, id);
    this.#cache.clear();
    return created.row;
  }

  async listProgress(id: number, request: PageRequest): Promise<Page<ProgressUpdateRow>> {
    await this.#database.repositories.commitments.get(id);
    return this.#database.repositories.progressUpdates.list(id, request);
  }

  async history(id: number, request: PageRequest) {
    await this.#database.repositories.commitments.get(id);
    return this.#database.repositories.auditEvents.list({ entityType: 'commitment', entityId: id, ...request });
  }

  async #withSchedules(items: CommitmentRecord[]): Promise<CommitmentView[]> {
    if (items.length === 0) return [];
    const planIds = [...new Set(items.map((item) => item.plan_id))];
    const all = new Map<number, CommitmentSchedule>();
    for (const planId of planIds) {
      const { schedules } = await this.#index.forPlan(planId);
      for (const id of items.map((item) => item.id)) {
        const schedule = schedules.get(id);
        if (schedule) all.set(id, schedule);
      }
    }
    return items.map((item) => ({ ...item, schedule: all.get(item.id) as CommitmentSchedule }));
  }

}
