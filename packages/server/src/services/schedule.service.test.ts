import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeExpectedProgress,
  computeScheduleStatus,
  rollUpProgress,
  type Decimal,
  type DecimalInput,
  type QuantityValue,
  type ScheduleStatusInput,
} from '@duixian/core';
import type { MilestoneRow, ScheduleFacts } from '@duixian/storage';
import { computeSchedule, computeSchedules } from './schedule.service.ts';

// Outputs for thousands of generated inputs, pinned before the schedule arithmetic was made faster: the digests must
// not move when the code does. A change of behaviour on purpose recomputes them (print `digestOf(...)` and paste).

/** Deterministic pseudo-random numbers (mulberry32), so the generated inputs never change. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { int, chance, pick };
}
type Random = ReturnType<typeof randomFrom>;

const DAY_MS = 86_400_000;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

function dateNear(random: Random, year: number): string {
  if (random.chance(0.005)) return random.pick(['2024-02-30', '2024-13-01', '24-01-01', '2023-02-29', '']);
  if (random.chance(0.05)) return random.pick([`${year}-01-01`, `${year}-12-31`, '2024-02-29', `${year}-06-30`]);
  return isoOf(dayOf(`${year}-01-01`) + random.int(-30, 400));
}

function decimalText(random: Random, low: number, high: number): string {
  const whole = String(random.int(low, high));
  if (random.chance(0.7)) return whole;
  const places = random.int(1, 4);
  const fraction = String(random.int(0, 10 ** places - 1)).padStart(places, '0');
  return `${whole}.${fraction}`;
}

function oddNumber(random: Random): string {
  return random.pick(['0', '0.00', '-3', '-0.01', '1e5', 'abc', ' 12 ', '00012.50', '99.995', '100', '100.00', '150', '1000000000000000000000']);
}

function generateFacts(random: Random, count: number, firstId: number): { facts: ScheduleFacts[]; milestones: MilestoneRow[] } {
  const facts: ScheduleFacts[] = [];
  const milestones: MilestoneRow[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = firstId + index;
    const planYear = random.pick([2023, 2024, 2024, 2024, 2025]);
    const startDate = random.chance(0.45) ? null : random.chance(0.5) ? `${planYear}-01-01` : dateNear(random, planYear);
    let deadline: string | null = null;
    if (random.chance(0.75)) {
      const from = startDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate) && !Number.isNaN(dayOf(startDate)) ? dayOf(startDate) : dayOf(`${planYear}-01-01`);
      deadline = random.chance(0.05) ? (startDate ?? `${planYear}-01-01`) : random.chance(0.02) ? isoOf(from - random.int(1, 20)) : random.chance(0.01) ? dateNear(random, planYear) : isoOf(from + random.int(1, 400));
    }
    const targetValue = random.chance(0.1) ? null : random.chance(0.03) ? oddNumber(random) : random.chance(0.7) ? String(random.int(100, 999)) : decimalText(random, 0, 50_000);
    const reportedOn = random.chance(0.25) ? null : dateNear(random, planYear);
    const kind = random.int(0, 9);
    const latestPercent = kind < 3 ? (random.chance(0.08) ? oddNumber(random) : decimalText(random, 0, random.chance(0.1) ? 180 : 100)) : null;
    const latestAmount = kind >= 3 && kind < 7 ? (random.chance(0.06) ? oddNumber(random) : decimalText(random, 0, 1_200)) : null;
    const latestStatus = reportedOn === null && random.chance(0.8) ? null : random.pick(['not_started', 'in_progress', 'in_progress', 'done', 'blocked'] as const);
    const parent = index > 0 && random.chance(0.3) ? random.pick([firstId + random.int(0, index - 1), firstId + random.int(0, count - 1), 999_999_999]) : null;
    facts.push({
      id,
      parent_id: parent,
      theme_id: random.int(1, 20),
      theme: null,
      start_date: startDate,
      deadline,
      target_value: targetValue,
      target_value_high: random.chance(0.05) ? String(random.int(1_000, 2_000)) : null,
      target_comparator: null,
      weight: random.chance(0.7) ? '1' : random.pick(['0', '2', '0.3', '2.5', '10', '-1', '0.125']),
      plan_year: planYear,
      latest_reported_on: reportedOn,
      latest_amount: latestAmount,
      latest_percent: latestPercent,
      latest_status: latestStatus,
    });
    if (random.chance(0.15)) {
      let percent = 0;
      let day = dayOf(`${planYear}-01-01`);
      const ordered = random.chance(0.95);
      for (let count = random.int(1, 4); count > 0; count -= 1) {
        day += ordered ? random.int(1, 120) : -random.int(0, 30);
        percent = ordered ? Math.min(100, percent + random.int(0, 40)) : random.int(-10, 120);
        const text = random.chance(0.2) ? `${percent}.${random.int(0, 99)}` : String(percent);
        milestones.push({ commitment_id: id, due_date: isoOf(day), expected_percent: text } as MilestoneRow);
      }
    }
  }
  // A loop of parents: each computes once and skips the one it is visiting.
  if (count > 3) {
    facts[1]!.parent_id = facts[2]!.id;
    facts[2]!.parent_id = facts[1]!.id;
  }
  return { facts, milestones };
}

function anyDecimalInput(random: Random, low: number, high: number): DecimalInput {
  const text = random.chance(0.05) ? oddNumber(random) : decimalText(random, low, high);
  const form = random.int(0, 3);
  if (form === 0) return Number(text);
  if (form === 1 && /^-?\d+(\.\d+)?$/.test(text)) {
    const [whole = '', fraction = ''] = text.replace('-', '').split('.');
    const decimal: Decimal = { mantissa: BigInt(whole + fraction) * (text.startsWith('-') ? -1n : 1n), exponent: -fraction.length };
    return decimal;
  }
  return text;
}

function generateStatusInputs(random: Random, count: number): ScheduleStatusInput[] {
  const inputs: ScheduleStatusInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const year = random.pick([2023, 2024, 2025]);
    const start = random.chance(0.5) ? `${year}-01-01` : dateNear(random, year);
    const startDay = Number.isNaN(dayOf(start)) ? dayOf(`${year}-01-01`) : dayOf(start);
    const deadline = random.chance(0.05) ? start : random.chance(0.03) ? isoOf(startDay - 3) : isoOf(startDay + random.int(0, 500));
    const today = random.chance(0.1) ? deadline : random.chance(0.05) ? start : dateNear(random, year);
    const target: DecimalInput | QuantityValue | undefined = random.chance(0.1)
      ? undefined
      : random.chance(0.15)
        ? { type: 'range', low: { mantissa: BigInt(random.int(0, 150_000)), exponent: 0 }, high: { mantissa: 160_000n, exponent: 0 } }
        : random.chance(0.1)
          ? { type: 'exact', value: { mantissa: BigInt(random.int(1, 99_999)), exponent: -random.int(0, 3) } }
          : anyDecimalInput(random, 1, 30_000);
    const progressKind = random.int(0, 2);
    const input: ScheduleStatusInput = {
      start,
      deadline,
      today,
      ...(target !== undefined ? { target } : {}),
      ...(progressKind === 1 ? { progress: { percent: anyDecimalInput(random, 0, random.chance(0.1) ? 250 : 100) } } : {}),
      ...(progressKind === 2 ? { progress: { amount: anyDecimalInput(random, 0, 35_000) } } : {}),
      ...(random.chance(0.1) ? { done: random.chance(0.8) } : {}),
      ...(random.chance(0.08) ? { doneOn: dateNear(random, year) } : {}),
      ...(random.chance(0.08) ? { closed: random.chance(0.7) } : {}),
      ...(random.chance(0.1) ? { tolerancePoints: random.chance(0.1) ? -1 : anyDecimalInput(random, 0, 20) } : {}),
      ...(random.chance(0.1) ? { warnDays: random.pick([0, 7, 30, 90, 1.5, -1]) } : {}),
      ...(random.chance(0.15)
        ? { milestones: Array.from({ length: random.int(0, 3) }, (_, step) => ({ due: isoOf(startDay + 60 * (step + 1) + random.int(-10, 10)), expectedPercent: anyDecimalInput(random, step * 30, step * 30 + 35) })) }
        : {}),
    };
    inputs.push(input);
  }
  return inputs;
}

/** Runs `compute` and records its value, or the class and message of what it threw. */
function outcomeOf(compute: () => unknown): unknown {
  try {
    return { value: compute() };
  } catch (error) {
    return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** JSON with bigints as '12n' and -0 kept apart from 0, so any change of value or key order changes the text. */
function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? `${item}n` : Object.is(item, -0) ? '-0' : item === undefined ? '(undefined)' : item,
  );
}

function digestOf(value: unknown): string {
  return createHash('sha256').update(jsonOf(value)).digest('hex');
}

const TODAYS = ['2024-06-30', '2024-01-01', '2024-12-31', '2025-03-15', '2023-12-31'];

async function planOutputs(): Promise<unknown[]> {
  const random = randomFrom(20240630);
  const outputs: unknown[] = [];
  for (const [round, today] of TODAYS.entries()) {
    const { facts, milestones } = generateFacts(random, 800, 1 + round * 1000);
    const schedules = await computeSchedules(facts, milestones, today, 300);
    outputs.push([...schedules.entries()]);
  }
  return outputs;
}

function coreOutputs(): unknown[] {
  const random = randomFrom(42);
  const statusInputs = generateStatusInputs(random, 2500);
  const statuses = statusInputs.map((input) => outcomeOf(() => computeScheduleStatus(input)));
  const expected = statusInputs.map((input) => outcomeOf(() => computeExpectedProgress(input)));
  const rollUps = Array.from({ length: 500 }, () =>
    outcomeOf(() =>
      rollUpProgress(
        Array.from({ length: random.int(0, 5) }, () => ({
          weight: random.chance(0.2) ? '0' : anyDecimalInput(random, 0, 10),
          percent: anyDecimalInput(random, 0, random.chance(0.2) ? 150 : 100),
        })),
      ),
    ),
  );
  return [statuses, expected, rollUps];
}

describe('computeSchedules', () => {
  it('gives the pinned statuses for 4,000 generated commitments over five assessment days', async () => {
    const outputs = await planOutputs();
    const first = (outputs[0] as [number, unknown][]).slice(0, 3);
    expect(jsonOf(first)).toBe(
      '[[1,{"start":"2025-01-15","deadline":"2025-04-30","reported_status":"in_progress","code":"on_track","status":"按序时","colour":"green","expected_percent":"0.00","actual_percent":"0.00","gap_points":"0.00","explanation":"序时进度0%（首个节点未到），尚未填报进展，与序时相差在5个百分点以内","basis":"milestone","days_to_deadline":304,"has_progress":false,"is_rolled_up":false}],[209,{"start":"2024-01-01","deadline":"2025-01-16","reported_status":"in_progress","code":"behind","status":"慢序时","colour":"yellow","expected_percent":"47.64","actual_percent":"0.00","gap_points":"-47.64","explanation":"序时进度47.64%，尚未填报进展，落后序时47.64个百分点","basis":"elapsed_time","days_to_deadline":200,"has_progress":false,"is_rolled_up":false}],[118,{"start":"2024-01-01","deadline":"2024-12-31","reported_status":null,"code":"behind","status":"慢序时","colour":"yellow","expected_percent":"21.70","actual_percent":"0.00","gap_points":"-21.70","explanation":"序时进度21.7%（2024-06-19节点），尚未填报进展，落后序时21.7个百分点","basis":"milestone","days_to_deadline":184,"has_progress":false,"is_rolled_up":false}]]',
    );
    expect(digestOf(outputs)).toBe('05a24125d34ab0e6346af84421adb932e592c97b24b7752321782b080846a9c4');
  });

  it('gives the pinned statuses, expectations and roll-ups for 2,500 direct calls to core', () => {
    const outputs = coreOutputs();
    const [statuses] = outputs;
    expect(jsonOf((statuses as unknown[]).slice(0, 4))).toBe(
      '[{"value":{"expectedPercent":{"mantissa":"10000n","exponent":-2},"actualPercent":{"mantissa":"21000n","exponent":-2},"gapPoints":{"mantissa":"11000n","exponent":-2},"basis":"elapsed_time","daysToDeadline":-86,"hasProgress":true,"status":"已完成","code":"done","colour":"green","explanation":"2024-07-17完成，实际进度210%，时限2024-03-28"}},{"thrown":"RangeError: warnDays: must be a whole number ≥ 0"},{"thrown":"RangeError: deadline: 2024-12-29 is before start 2025-01-01"},{"value":{"expectedPercent":{"mantissa":"6947n","exponent":-2},"actualPercent":{"mantissa":"36220n","exponent":-2},"gapPoints":{"mantissa":"29273n","exponent":-2},"basis":"elapsed_time","daysToDeadline":69,"hasProgress":true,"status":"提前完成","code":"done_early","colour":"green","explanation":"已完成，实际进度362.2%，早于时限2024-08-13"}}]',
    );
    expect(digestOf(outputs)).toBe('0162670c389294bb1455188d4abb87c26d65ab93136b5f3e702e7b27a894179d');
  });
});

describe('computeSchedule', () => {
  const fact = (comparator: ScheduleFacts['target_comparator'], amount: string): ScheduleFacts => ({
    id: 1, parent_id: null, theme_id: null, theme: null, start_date: null, deadline: null,
    target_value: '3000000000', target_value_high: null, target_comparator: comparator, weight: '1', plan_year: 2024,
    latest_reported_on: '2024-06-30', latest_amount: amount, latest_percent: null, latest_status: 'in_progress',
  });

  it('reads the stored bound: 35亿元 reported against 不超过30亿元 is missed, against 不少于30亿元 done', () => {
    expect(computeSchedule(fact('<=', '3500000000'), [], undefined, '2024-07-01')).toMatchObject({ code: 'missed', colour: 'red' });
    expect(computeSchedule(fact('>=', '3500000000'), [], undefined, '2024-07-01')).toMatchObject({ code: 'done_early', colour: 'green' });
    expect(computeSchedule(fact('<=', '2000000000'), [], undefined, '2024-07-01')).toMatchObject({ code: 'on_track', colour: 'green' });
  });
});
