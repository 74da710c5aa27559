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

/**
 * Computes every commitment's status. Without its own dates a commitment runs over its plan's year
 * (1 January to 31 December), the span a year's work report commits to.
 */
export function computeSchedules(
  facts: readonly ScheduleFacts[],
  milestones: readonly MilestoneRow[],
  today: string,
): Map<number, CommitmentSchedule> {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const children = new Map<number, ScheduleFacts[]>();
  for (const fact of facts) {
    if (fact.parent_id !== null && byId.has(fact.parent_id)) {
      const list = children.get(fact.parent_id) ?? [];
      list.push(fact);
      children.set(fact.parent_id, list);
    }
  }
  const milestonesOf = new Map<number, { due: string; expectedPercent: string }[]>();
  for (const milestone of milestones) {
    const list = milestonesOf.get(milestone.commitment_id) ?? [];
    list.push({ due: milestone.due_date, expectedPercent: milestone.expected_percent });
    milestonesOf.set(milestone.commitment_id, list);
  }

  const result = new Map<number, CommitmentSchedule>();
  const visiting = new Set<number>();

  const compute = (fact: ScheduleFacts): CommitmentSchedule => {
    const done = result.get(fact.id);
    if (done) return done;
    visiting.add(fact.id);
    const start = fact.start_date ?? `${fact.plan_year}-01-01`;
    const deadline = fact.deadline ?? `${fact.plan_year}-12-31`;
    const base = {
      start,
      deadline,
      reported_status: fact.latest_status,
    };
    const kids = (children.get(fact.id) ?? []).filter((child) => !visiting.has(child.id));
    let schedule: CommitmentSchedule;
    try {
      let progress: { amount: string } | { percent: string } | undefined;
      let isRolledUp = false;
      if (kids.length > 0) {
        const childSchedules = kids.map((child) => ({ weight: child.weight, percent: compute(child).actual_percent ?? '0' }));
        const rolled = rollUpProgress(childSchedules).percent;
        if (rolled !== undefined) progress = { percent: show(rolled) };
        isRolledUp = kids.some((child) => result.get(child.id)?.has_progress);
        if (!isRolledUp) progress = undefined;
      } else if (fact.latest_percent !== null) {
        progress = { percent: fact.latest_percent };
      } else if (fact.latest_amount !== null) {
        progress = { amount: fact.latest_amount };
      }
      const status = computeScheduleStatus({
        start,
        deadline,
        today,
        ...(fact.target_value !== null ? { target: fact.target_value } : {}),
        ...(progress ? { progress } : {}),
        ...(fact.latest_status === 'done' && !isRolledUp ? { done: true, ...(fact.latest_reported_on ? { doneOn: fact.latest_reported_on } : {}) } : {}),
        ...(milestonesOf.has(fact.id) ? { milestones: milestonesOf.get(fact.id) } : {}),
      });
      schedule = {
        ...base,
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
      schedule = {
        ...base,
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
    visiting.delete(fact.id);
    result.set(fact.id, schedule);
    return schedule;
  };

  for (const fact of facts) compute(fact);
  return result;
}
