/**
 * The monthly 通报 of a region: its assigned tasks counted by 三色预警 colour (the schedule status's own colour), the
 * 责任单位 ranked — most red first, then most yellow, then fewest 未按时报送, then most tasks — and every overdue task
 * named with its lead unit. Figures are as of the day it is drawn up (China time), which the document states.
 * Example: `await bulletins.build({ regionCode: '630105', month: '2024-06' }, supervisor)` →
 * { colours: { red: 1, yellow: 2, green: 2 }, units: [{ unitName: '区林业和草原局', red: 1, … }, …], overdue: [...] }.
 *
 * On-time reporting comes from the reporting cycles of the 督办 loop: a unit's 应报 are its report slots due within the
 * month (by the day the figures stand at), and its 未按时报送 those of them missed or filled after the due day. A plan
 * without a cycle owes no reports, and the bulletin says so instead of showing the columns.
 */
import { isMissedSlot } from '@duixian/core';
import { InvalidError } from '@duixian/storage';
import type { DatabaseHandle } from '@duixian/storage';
import type { SessionUser } from '../auth/auth.service.ts';
import type { CommitmentService } from '../services/commitment.service.ts';
import { todayInChina } from '../services/schedule.service.ts';
import { readVisibleCommitments } from '../services/visible-commitments.ts';
import type { ReportingCycleService } from '../reporting/reporting-cycle.service.ts';
import type { RegionNumbering, SupervisionNoticeService } from './supervision-notice.service.ts';

export interface ColourCounts {
  red: number;
  yellow: number;
  green: number;
}

export interface UnitStanding extends ColourCounts {
  readonly unitId: number;
  readonly unitName: string;
  /** Tasks it leads, whatever their colour (a task not yet started has none and is counted here only). */
  total: number;
  /** Report slots due this month (0 when the plan has no reporting cycle). */
  due: number;
  /** Of those, 未按时报送: still empty past the due day, or filled after it. */
  late: number;
}

export interface OverdueTask {
  readonly commitmentId: number;
  readonly title: string;
  readonly unitName: string;
  readonly deadline: string;
  readonly daysLate: number;
}

export interface MonthlyBulletin {
  readonly regionCode: string;
  readonly regionName: string;
  readonly issuer: string;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** The China date the figures stand at: '2024-06-30'. */
  readonly asOf: string;
  readonly colours: ColourCounts;
  /** Tasks with a lead unit: the ones coloured. */
  readonly assigned: number;
  /** Tasks nobody leads yet (未分派): counted apart, as on the warnings page. */
  readonly unassigned: number;
  readonly units: readonly UnitStanding[];
  readonly overdue: readonly OverdueTask[];
  /** Whether the plan has a reporting cycle; without one, `due` and `late` are 0 and the bulletin leaves them out. */
  readonly hasReportingCycle: boolean;
}

/** '2024-06' → { year: 2024, month: 6 }. */
export function parseMonth(text: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!match) throw new InvalidError(`月份应写作 YYYY-MM：${text} / a month is written YYYY-MM`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Most red first, then most yellow, then fewest 未按时报送, then most tasks, then by name as Chinese sorts it. */
export function rankUnits(units: Iterable<UnitStanding>): UnitStanding[] {
  return [...units].sort(
    (a, b) => b.red - a.red || b.yellow - a.yellow || a.late - b.late || b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
}

export class MonthlyBulletinService {
  readonly #database: DatabaseHandle;
  readonly #commitments: CommitmentService;
  readonly #notices: Pick<SupervisionNoticeService, 'numbering'>;
  readonly #reportingCycles: Pick<ReportingCycleService, 'slotsOfPlan'>;
  readonly #now: () => Date;

  constructor(
    database: DatabaseHandle,
    commitments: CommitmentService,
    notices: Pick<SupervisionNoticeService, 'numbering'>,
    reportingCycles: Pick<ReportingCycleService, 'slotsOfPlan'>,
    now: () => Date,
  ) {
    this.#database = database;
    this.#commitments = commitments;
    this.#notices = notices;
    this.#reportingCycles = reportingCycles;
    this.#now = now;
  }

  async build(request: { regionCode: string; month: string }, viewer: SessionUser): Promise<MonthlyBulletin> {
    const { year, month } = parseMonth(request.month);
    const asOf = todayInChina(this.#now());
    if (request.month > asOf.slice(0, 7)) throw new InvalidError(`${year}年${month}月尚未到来，不能通报 / ${request.month} has not begun`);
    const region = await this.#database.repositories.regions.get(request.regionCode);
    const numbering: RegionNumbering = await this.#notices.numbering(request.regionCode);
    const views = await readVisibleCommitments(this.#commitments, { regionCode: request.regionCode, year }, viewer);

    const colours: ColourCounts = { red: 0, yellow: 0, green: 0 };
    const units = new Map<number, UnitStanding>();
    const overdue: OverdueTask[] = [];
    let assigned = 0;
    let unassigned = 0;
    for (const view of views) {
      const lead = view.units.find((unit) => unit.role === 'lead');
      if (!lead) {
        // As on the warnings page: a finished task nobody was assigned is nobody's work left.
        if (view.schedule.code !== 'done' && view.schedule.code !== 'done_early') unassigned += 1;
        continue;
      }
      assigned += 1;
      const standing = units.get(lead.unit_id) ?? { unitId: lead.unit_id, unitName: lead.name, red: 0, yellow: 0, green: 0, total: 0, due: 0, late: 0 };
      standing.total += 1;
      const colour = view.schedule.colour;
      if (colour) {
        colours[colour] += 1;
        standing[colour] += 1;
      }
      units.set(lead.unit_id, standing);
      if (view.schedule.code === 'overdue') {
        overdue.push({
          commitmentId: view.id,
          title: view.title,
          unitName: lead.name,
          deadline: view.schedule.deadline,
          daysLate: -(view.schedule.days_to_deadline ?? 0),
        });
      }
    }
    overdue.sort((a, b) => b.daysLate - a.daysLate || a.commitmentId - b.commitmentId);
    const hasReportingCycle = await this.#countReporting(request.regionCode, year, request.month, asOf, units);
    return {
      regionCode: region.code,
      regionName: region.name,
      issuer: numbering.issuer,
      year,
      month,
      asOf,
      colours,
      assigned,
      unassigned,
      units: rankUnits(units.values()),
      overdue,
      hasReportingCycle,
    };
  }

  /**
   * Adds each ranked unit's 应报 and 未按时报送 of the month; false when the plan has no reporting cycle. A slot
   * belongs to the month its due day falls in (a 季报 due in early July is July's), and only once that day has come:
   * a slot not yet due is neither owed nor late. Slots of units that lead no task stay out, as they are not ranked.
   */
  async #countReporting(regionCode: string, year: number, month: string, asOf: string, units: Map<number, UnitStanding>): Promise<boolean> {
    const plan = await this.#database.repositories.plans.find(regionCode, year);
    if (!plan) return false;
    const cycles = await this.#database.repositories.reportingCycles.listForPlan(plan.id);
    if (!cycles.some((cycle) => cycle.commitment_id === null)) return false;
    for (const slot of await this.#reportingCycles.slotsOfPlan(plan.id)) {
      if (slot.dueOn.slice(0, 7) !== month || slot.dueOn > asOf) continue;
      const standing = units.get(slot.unitId);
      if (!standing) continue;
      standing.due += 1;
      if (isMissedSlot(slot)) standing.late += 1;
    }
    return true;
  }
}
