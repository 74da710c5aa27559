/**
 * Schedule status for a set of commitments, computed by core from each one's window, target and latest progress —
 * never stored. A commitment with work items takes its progress from them, rolled up by weight.
 * Example: 实施退化林分改造2万亩, 2024-01-01…2024-12-31, 12000 亩 reported on 2024-06-30 → 超序时, green.
 */
import {
  computeScheduleStatus,
  formatDecimal,
  rollUpProgress,
  type Decimal,
  type ScheduleStatus,
  type ScheduleStatusInput,
} from '@duixian/core';
import type { MilestoneRow, ScheduleFacts } from '@duixian/storage';

/** The status the API shows beside a commitment; `code` is null when it cannot be computed (the reason says why). */
export interface CommitmentSchedule {
  code: ScheduleStatus['code'] | null;
  status: ScheduleStatus['status'] | null;
  colour: ScheduleStatus['colour'] | null;
  expected_percent: string | null;
  actual_percent: string | null;
  gap_points: string | null;
  explanation: string;
  basis: ScheduleStatus['basis'] | null;
  days_to_deadline: number | null;
  has_progress: boolean;
  /** Progress read from the work items by weight rather than from the commitment's own updates. */
  is_rolled_up: boolean;
  start: string;
  deadline: string;
  reported_status: ScheduleFacts['latest_status'];
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the reports are written (China Standard Time): '2024-06-30'. */
export function todayInChina(now: Date): string {
  return CHINA_DATE.format(now);
}

function show(value: Decimal): string {
  return formatDecimal(value);
}

type MilestoneInput = { due: string; expectedPercent: string };

/**
 * One commitment's status from its facts and, when it has work items, their weights and statuses (roll-up).
 * Without its own dates a commitment runs over its plan's year (1 January to 31 December), the span a year's work
 * report commits to.
 */
export function computeSchedule(
  fact: ScheduleFacts,
  children: readonly { weight: string; schedule: CommitmentSchedule }[],
  milestones: readonly MilestoneInput[] | undefined,
  today: string,
): CommitmentSchedule {
  const start = fact.start_date ?? `${fact.plan_year}-01-01`;
  const deadline = fact.deadline ?? `${fact.plan_year}-12-31`;
  try {
    // Built field by field rather than by spreads: this runs for every commitment of a plan.
    const input: Mutable<ScheduleStatusInput> = { start, deadline, today };
    let isRolledUp = false;
    if (children.length > 0) {
      isRolledUp = children.some((child) => child.schedule.has_progress);
      const rolled = rollUpProgress(children.map((child) => ({ weight: child.weight, percent: child.schedule.actual_percent ?? '0' }))).percent;
      if (isRolledUp && rolled !== undefined) input.progress = { percent: show(rolled) };
    } else if (fact.latest_percent !== null) {
      input.progress = { percent: fact.latest_percent };
    } else if (fact.latest_amount !== null) {
      input.progress = { amount: fact.latest_amount };
    }
    if (fact.target_value !== null) input.target = fact.target_value;
    if (fact.target_comparator !== null) input.comparator = fact.target_comparator;
    if (fact.latest_status === 'done' && !isRolledUp) {
      input.done = true;
      if (fact.latest_reported_on) input.doneOn = fact.latest_reported_on;
    }
    if (milestones && milestones.length > 0) input.milestones = milestones;
    const status = computeScheduleStatus(input);
    return {
      start,
      deadline,
      reported_status: fact.latest_status,
      code: status.code,
      status: status.status,
      colour: status.colour,
      expected_percent: show(status.expectedPercent),
      actual_percent: show(status.actualPercent),
      gap_points: show(status.gapPoints),
      explanation: status.explanation,
      basis: status.basis,
      days_to_deadline: status.daysToDeadline,
      has_progress: status.hasProgress,
      is_rolled_up: isRolledUp,
    };
  } catch (error) {
    return {
      start,
      deadline,
      reported_status: fact.latest_status,
      code: null,
      status: null,
      colour: null,
      expected_percent: null,
      actual_percent: null,
      gap_points: null,
      explanation: `无法计算进度状态：${error instanceof Error ? error.message : String(error)}`,
      basis: null,
      days_to_deadline: null,
      has_progress: fact.latest_reported_on !== null,
      is_rolled_up: false,
    };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Groups milestones by commitment, in the shape core reads. */
export function groupMilestones(milestones: readonly MilestoneRow[]): Map<number, MilestoneInput[]> {
  const grouped = new Map<number, MilestoneInput[]>();
  for (const milestone of milestones) {
    const list = grouped.get(milestone.commitment_id) ?? [];
    list.push({ due: milestone.due_date, expectedPercent: milestone.expected_percent });
    grouped.set(milestone.commitment_id, list);
  }
  return grouped;
}

/**
 * Every commitment's status; work items first, so each parent rolls up its children's progress. Every
 * `pauseEvery` commitments it lets other work run (100,000 statuses take seconds: requests are not held that long).
 */
export async function computeSchedules(
  facts: readonly ScheduleFacts[],
  milestones: readonly MilestoneRow[],
  today: string,
  pauseEvery = 2000,
): Promise<Map<number, CommitmentSchedule>> {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const children = new Map<number, ScheduleFacts[]>();
  for (const fact of facts) {
    if (fact.parent_id !== null && byId.has(fact.parent_id)) {
      const list = children.get(fact.parent_id) ?? [];
      list.push(fact);
      children.set(fact.parent_id, list);
    }
  }
  const milestonesOf = groupMilestones(milestones);
  const result = new Map<number, CommitmentSchedule>();
  const visiting = new Set<number>();
  const compute = (fact: ScheduleFacts): CommitmentSchedule => {
    const done = result.get(fact.id);
    if (done) return done;
    const own = children.get(fact.id);
    let kids: { weight: string; schedule: CommitmentSchedule }[] = [];
    // Only a commitment with work items is visited while others are computed: it alone need be marked.
    if (own) {
      visiting.add(fact.id);
      kids = own.filter((child) => !visiting.has(child.id)).map((child) => ({ weight: child.weight, schedule: compute(child) }));
      visiting.delete(fact.id);
    }
    const schedule = computeSchedule(fact, kids, milestonesOf.get(fact.id), today);
    result.set(fact.id, schedule);
    return schedule;
  };
  for (let index = 0; index < facts.length; index += 1) {
    if (index > 0 && index % pauseEvery === 0) await new Promise((resume) => setImmediate(resume));
    compute(facts[index]!);
  }
  return result;
}
