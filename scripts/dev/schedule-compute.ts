/**
 * Times `computeSchedules` in memory on 100,000 generated commitments shaped like the large benchmark region (targets
 * 100–999, amounts, deadlines through the year), with some percent progress, work items under parents and milestones:
 * `npx tsx scripts/dev/schedule-compute.ts [runs=7] [count=100000]`. Prints each run and the median.
 */
import type { MilestoneRow, ScheduleFacts } from '@duixian/storage';
import { computeSchedules } from '../../packages/server/src/services/schedule.service.ts';

const runs = Number(process.argv[2] ?? 7);
const count = Number(process.argv[3] ?? 100_000);
const DAY_MS = 86_400_000;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const firstDay = Date.UTC(2024, 0, 1) / DAY_MS;
const firstDeadline = Date.UTC(2024, 2, 31) / DAY_MS;

const facts: ScheduleFacts[] = [];
const milestones: MilestoneRow[] = [];
for (let g = 1; g <= count; g += 1) {
  const target = 100 + (g % 900);
  const percent = g % 7 === 0;
  // One commitment in ten is a work item of the commitment just before its group of ten.
  const parent = g % 10 === 0 ? g - 9 : null;
  facts.push({
    id: g,
    parent_id: parent,
    theme_id: 1 + (g % 20),
    theme: `主题${1 + (g % 20)}`,
    start_date: g % 13 === 0 ? null : '2024-01-01',
    deadline: g % 17 === 0 ? null : isoOf(firstDeadline + (g % 275)),
    target_value: String(target),
    target_value_high: null,
    target_comparator: null,
    weight: parent !== null ? String(1 + (g % 3)) : '1',
    plan_year: 2024,
    latest_reported_on: g % 11 === 0 ? null : isoOf(firstDay + ((170 + g) % 170)),
    latest_amount: percent || g % 11 === 0 ? null : String((g * 10) % target),
    latest_percent: percent ? `${g % 120}.${g % 10}` : null,
    latest_status: g % 11 === 0 ? null : g % 19 === 0 ? 'done' : 'in_progress',
  });
  if (g % 9 === 0) {
    milestones.push(
      { commitment_id: g, due_date: '2024-03-31', expected_percent: '25' } as MilestoneRow,
      { commitment_id: g, due_date: '2024-06-30', expected_percent: '50' } as MilestoneRow,
      { commitment_id: g, due_date: '2024-09-30', expected_percent: '75' } as MilestoneRow,
    );
  }
}

const times: number[] = [];
let codes = '';
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  const schedules = await computeSchedules(facts, milestones, '2024-06-30');
  const elapsed = performance.now() - started;
  times.push(elapsed);
  if (run === 0) {
    const tally = new Map<string, number>();
    for (const schedule of schedules.values()) tally.set(String(schedule.code), (tally.get(String(schedule.code)) ?? 0) + 1);
    codes = JSON.stringify(Object.fromEntries(tally));
  }
  console.log(`run ${run + 1}: compute ${schedules.size} in ${elapsed.toFixed(0)} ms`);
}
times.sort((a, b) => a - b);
console.log(codes);
console.log(`median of ${runs}: ${times[Math.floor(runs / 2)]!.toFixed(0)} ms`);
