/**
 * The tracker's rules for commitments: lists with their computed schedule status (filterable by it), one commitment
 * with its work items, units, milestones and progress, edits at a known version, and append-only progress reports —
 * dated within the plan year up to tomorrow in China, 0–1000% done, corrected by appending a correction — each write
 * recorded in the audit trail. Example: `list({ regionCode: '630105', year: 2024, status: 'behind' })`.
 */
import type { WarningColour, ProgressReviewStatus } from '@duixian/core';
import type {
  CommitmentChanges,
  CommitmentFilter,
  CommitmentRecord,
  DatabaseHandle,
  Evidence,
  MilestoneRow,
  Page,
  PageRequest,
  ProgressUpdateRecord,
  ProgressReviewRow,
  ProgressUpdateRow,
  ReportedStatus,
  ReviewScope,
  ScheduleFacts,
} from '@duixian/storage';
import { compareMagnitude, isNegativeDecimal, parseDecimalText } from '@duixian/core';
import { InvalidError, MAX_PAGE_SIZE, NotFoundError } from '@duixian/storage';
import type { ReadCache } from './cache.ts';
import { percentOf } from './percent.ts';
import type { ColourCounts, ScheduleIndex } from './schedule-index.ts';
import { todayInChina, type CommitmentSchedule } from './schedule.service.ts';

export type ScheduleCode = NonNullable<CommitmentSchedule['code']>;

export interface CommitmentView extends CommitmentRecord {
  schedule: CommitmentSchedule;
}

export interface CommitmentDetail extends CommitmentView {
  milestones: MilestoneRow[];
  children: CommitmentView[];
  recent_progress: ProgressUpdateRecord[];
}

export interface CommitmentListFilter extends Omit<CommitmentFilter, 'ids'> {
  status?: ScheduleCode;
  colour?: WarningColour;
}

export interface Actor {
  id: number;
  /** A report by staff (admin, supervisor) is approved as it is made: the 督查室 reviews the units' reports. */
  role?: string;
}

/** Staff reports need no review: they are the reviewers. */
function isReviewer(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor';
}

/** A progress report as a unit sends it. */
export interface ProgressReport {
  reported_on: string;
  amount?: string | null;
  percent?: string | null;
  reported_status?: ReportedStatus | null;
  note?: string | null;
  evidence?: Evidence[];
}

/** A report may be dated up to this many days after today in China: one written late for the next morning's meeting. */
export const REPORT_DAYS_AHEAD = 1;
/**
 * The most a report may say is done, in percent of the target. Over-delivery is real (完成年度目标的125%; core's
 * roll-up counts anything over 100 as 100), but ten times the target is a typo, and 10^38 an attack.
 */
export const MAX_PROGRESS_PERCENT = 1000;
/** MAX_PROGRESS_PERCENT as a power of ten, for exact comparison with decimal strings. */
const MAX_PROGRESS_PERCENT_POWER = 3;

export class CommitmentService {
  readonly #database: DatabaseHandle;
  readonly #cache: ReadCache;
  readonly #index: ScheduleIndex;

  readonly #now: () => Date;

  constructor(database: DatabaseHandle, cache: ReadCache, index: ScheduleIndex, now: () => Date) {
    this.#database = database;
    this.#cache = cache;
    this.#index = index;
    this.#now = now;
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

  /** One commitment; `scope` 'approved' (the public's) lists approved progress only. */
  async get(id: number, scope: ReviewScope = 'all'): Promise<CommitmentDetail> {
    const { commitments, plans, progressUpdates } = this.#database.repositories;
    const record = await commitments.get(id);
    const plan = await plans.get(record.plan_id);
    const { schedules } = await this.schedules({ planId: plan.id });
    const children = await commitments.list({ parentId: id, includeUnpublished: true, pageSize: MAX_PAGE_SIZE });
    const [milestones, progress] = await Promise.all([
      commitments.listMilestones([id]),
      progressUpdates.list(id, { pageSize: 20 }, scope),
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

  /**
   * Bulk assignment from the task table: every commitment of `ids` gets the lead unit, the supporting units when given
   * and the deadline when given — all or none, in one transaction, one audit event per commitment. The units must be
   * of the region of every commitment's plan: one unit that is not fails the whole batch.
   * Example: `assign({ ids: [7, 8, 9], lead_unit_id: 3, supporting_unit_ids: [5], deadline: '2024-10-31' }, supervisor)`.
   */
  async assign(
    input: { ids: readonly number[]; lead_unit_id: number; supporting_unit_ids?: readonly number[] | undefined; deadline?: string | undefined },
    actor: Actor,
  ): Promise<{ assigned: number }> {
    if (input.deadline !== undefined && !isCalendarDate(input.deadline)) throw new InvalidError(`时限 ${input.deadline} 不是有效日期 / ${input.deadline} is not a calendar date`);
    const changed = await this.#database.transaction(async (repositories) => {
      const before = await repositories.commitments.getMany(input.ids);
      const regions = new Map<number, string>();
      for (const planId of new Set(before.map((record) => record.plan_id))) regions.set(planId, (await repositories.plans.get(planId)).region_code);
      const unitIds = [...new Set([input.lead_unit_id, ...(input.supporting_unit_ids ?? [])])];
      for (const unitId of unitIds) {
        const unit = await repositories.regions.getUnit(unitId).catch((error: unknown) => {
          if (error instanceof NotFoundError) throw new InvalidError(`单位 ${unitId} 不存在 / unit ${unitId} does not exist`);
          throw error;
        });
        const foreign = before.find((record) => regions.get(record.plan_id) !== unit.region_code);
        if (foreign) throw new InvalidError(`单位“${unit.name}”不属于事项 ${foreign.id} 所在地区 / unit ${unitId} is not of commitment ${foreign.id}'s region`);
      }
      await repositories.commitments.assignUnits(input.ids, {
        leadUnitId: input.lead_unit_id,
        supportingUnitIds: input.supporting_unit_ids,
        deadline: input.deadline,
      });
      const after = new Map((await repositories.commitments.getMany(input.ids)).map((record) => [record.id, record]));
      await repositories.auditEvents.recordMany(
        before.map((record) => ({ actorId: actor.id, action: 'update', entityType: 'commitment', entityId: record.id, before: record, after: after.get(record.id) })),
      );
      return before;
    });
    const byPlan = new Map<number, number[]>();
    for (const record of changed) {
      const ids = byPlan.get(record.plan_id) ?? [];
      ids.push(record.id);
      byPlan.set(record.plan_id, ids);
    }
    for (const [planId, ids] of byPlan) await this.#index.refreshCommitments(planId, ids);
    this.#cache.clear();
    return { assigned: changed.length };
  }

  async addProgress(id: number, update: ProgressReport, actor: Actor): Promise<ProgressUpdateRow> {
    const created = await this.#database.transaction(async (repositories) => {
      const commitment = await repositories.commitments.get(id);
      const plan = await repositories.plans.get(commitment.plan_id);
      this.#checkReport(update, commitment.target_value, plan.year);
      const row = await repositories.progressUpdates.append({ ...update, commitment_id: id, author_id: actor.id, submitted_at: this.#now() });
      await repositories.auditEvents.record({ actorId: actor.id, action: 'report_progress', entityType: 'commitment', entityId: id, after: row });
      if (isReviewer(actor)) await repositories.progressUpdates.decide(row.id, { decision: 'approved', reviewerId: actor.id });
      return { row, planId: commitment.plan_id };
    });
    await this.#index.refreshCommitment(created.planId, id);
    this.#cache.clear();
    return created.row;
  }

  /**
   * Corrects a report by appending a correction that replaces it as the commitment's latest: the corrected report
   * stays as it was (reports are append-only), and the audit trail keeps both with the reason.
   */
  async correctProgress(progressId: number, update: ProgressReport & { reason: string }, actor: Actor): Promise<ProgressUpdateRow> {
    const { reason, ...report } = update;
    const created = await this.#database.transaction(async (repositories) => {
      const original = await repositories.progressUpdates.get(progressId);
      const commitment = await repositories.commitments.get(original.commitment_id);
      const plan = await repositories.plans.get(commitment.plan_id);
      this.#checkReport(report, commitment.target_value, plan.year);
      const row = await repositories.progressUpdates.append({
        ...report,
        commitment_id: commitment.id,
        author_id: actor.id,
        submitted_at: this.#now(),
        corrects_id: original.id,
        correction_reason: reason,
      });
      await repositories.auditEvents.record({
        actorId: actor.id,
        action: 'correct_progress',
        entityType: 'commitment',
        entityId: commitment.id,
        before: original,
        after: row,
      });
      if (isReviewer(actor)) await repositories.progressUpdates.decide(row.id, { decision: 'approved', reviewerId: actor.id });
      return { row, planId: commitment.plan_id, commitmentId: commitment.id };
    });
    await this.#index.refreshCommitment(created.planId, created.commitmentId);
    this.#cache.clear();
    return created.row;
  }

  /** The commitment a progress report belongs to (for the caller's access check before a correction). */
  async commitmentOfProgress(progressId: number): Promise<number> {
    return (await this.#database.repositories.progressUpdates.get(progressId)).commitment_id;
  }

  /** A report's date, percent and amount must be believable: see REPORT_DAYS_AHEAD and MAX_PROGRESS_PERCENT. */
  #checkReport(report: ProgressReport, target: string | null, planYear: number): void {
    const date = report.reported_on;
    if (!isCalendarDate(date)) throw new InvalidError(`填报日期 ${date} 不是有效日期 / ${date} is not a calendar date`);
    const earliest = `${planYear}-01-01`;
    if (date < earliest) throw new InvalidError(`填报日期 ${date} 早于计划年度开始（${earliest}）/ reported before the plan year starts (${earliest})`);
    const latest = addDays(todayInChina(this.#now()), REPORT_DAYS_AHEAD);
    if (date > latest) throw new InvalidError(`填报日期 ${date} 晚于 ${latest}（北京时间明天）/ reported after ${latest}, tomorrow in China`);
    if (report.percent != null && !isWithinPercentRange(report.percent)) {
      throw new InvalidError(`完成比例 ${report.percent}% 须在 0 至 ${MAX_PROGRESS_PERCENT}% 之间 / a percent done is 0 to ${MAX_PROGRESS_PERCENT}`);
    }
    if (report.amount != null) {
      if (target === null) throw new InvalidError('该事项没有数值目标，请按百分比填报 / the commitment has no numeric target: report progress as a percent');
      const targetValue = parseDecimalText(target);
      const amountValue = parseDecimalText(report.amount);
      if (amountValue && isNegativeDecimal(amountValue)) throw new InvalidError(`完成数量 ${report.amount} 不能为负 / an amount done cannot be negative`);
      const implied = targetValue && targetValue.mantissa > 0n ? percentOf(report.amount, target, 2) : null;
      if (implied !== null && !isWithinPercentRange(implied)) {
        throw new InvalidError(
          `完成数量 ${report.amount} 为目标 ${target} 的 ${implied}%，完成比例须在 0 至 ${MAX_PROGRESS_PERCENT}% 之间 / an amount done is at most ${MAX_PROGRESS_PERCENT / 100} times the target`,
        );
      }
    }
  }

  async listProgress(id: number, request: PageRequest, scope: ReviewScope = 'all'): Promise<Page<ProgressUpdateRecord>> {
    await this.#database.repositories.commitments.get(id);
    return this.#database.repositories.progressUpdates.list(id, request, scope);
  }

  /**
   * The 督查室's decision on a unit's report, once: approved (public from then on, and counted in the schedule
   * status) or returned with a reason (the unit reports again). Audited on the commitment; 409 when decided already.
   */
  async reviewProgress(progressId: number, decision: { decision: 'approved' } | { decision: 'returned'; reason: string }, actor: Actor): Promise<ProgressReviewRow> {
    const decided = await this.#database.transaction(async (repositories) => {
      const report = await repositories.progressUpdates.get(progressId);
      const commitment = await repositories.commitments.get(report.commitment_id);
      const review = await repositories.progressUpdates.decide(progressId, {
        decision: decision.decision,
        reason: decision.decision === 'returned' ? decision.reason : null,
        reviewerId: actor.id,
      });
      await repositories.auditEvents.record({
        actorId: actor.id,
        action: decision.decision === 'approved' ? 'approve_progress' : 'return_progress',
        entityType: 'commitment',
        entityId: commitment.id,
        before: report,
        after: review,
      });
      return { review, planId: commitment.plan_id, commitmentId: commitment.id };
    });
    await this.#index.refreshCommitment(decided.planId, decided.commitmentId);
    this.#cache.clear();
    return decided.review;
  }

  /** Reports by review status (the reviewer's queue: pending, oldest first), in a region and plan year. */
  async listByReview(filter: { status: ProgressReviewStatus; regionCode?: string; year?: number } & PageRequest) {
    return this.#database.repositories.progressUpdates.listByReview(filter);
  }

  /**
   * A commitment's history from the audit trail; scope 'approved' (the public's) leaves out the reports nobody
   * approved yet and the returns, so the history tells no more than the progress list.
   */
  async history(id: number, request: PageRequest, scope: ReviewScope = 'all') {
    const { commitments, auditEvents, users } = this.#database.repositories;
    await commitments.get(id);
    const page = await auditEvents.list({ entityType: 'commitment', entityId: id, ...request, ...(scope === 'approved' ? { approvedProgressOnly: true } : {}) });
    const actorIds = [...new Set(page.items.flatMap((event) => (event.actor_id === null ? [] : [event.actor_id])))];
    // Each event with its author's display name, never the username: the history is public and usernames are sign-in names.
    const names = new Map(await Promise.all(actorIds.map(async (actorId) => [actorId, (await users.get(actorId)).display_name] as const)));
    return { ...page, items: page.items.map((event) => ({ ...event, actor_name: event.actor_id === null ? null : (names.get(event.actor_id) ?? null) })) };
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

/** 'YYYY-MM-DD' naming a real day ('2024-02-30' does not). */
function isCalendarDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 ≤ percent ≤ MAX_PROGRESS_PERCENT, exactly (a decimal string of any size). */
function isWithinPercentRange(percent: string): boolean {
  const value = parseDecimalText(percent);
  if (!value) return false;
  if (isNegativeDecimal(value)) return false;
  return compareMagnitude(percent, MAX_PROGRESS_PERCENT_POWER) <= 0;
}
