import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from '../extract/pipeline.ts';
import { formatDecimal } from '../numbers/decimal.ts';
import { computeScheduleStatus, type ScheduleStatusInput } from './schedule-status.ts';

const year2024 = { start: '2024-01-01', deadline: '2024-12-31' } as const;
const show = (input: ScheduleStatusInput) => {
  const result = computeScheduleStatus(input);
  return {
    expected: formatDecimal(result.expectedPercent),
    actual: formatDecimal(result.actualPercent),
    status: result.status,
    code: result.code,
    colour: result.colour,
  };
};

describe('computeScheduleStatus', () => {
  it('calls an amount of 1.2万 of 2万亩 by 30 June ahead of a schedule of 49.73%', () => {
    const result = computeScheduleStatus({ ...year2024, today: '2024-06-30', target: 20000, progress: { amount: 12000 } });
    expect(formatDecimal(result.expectedPercent)).toBe('49.73');
    expect(formatDecimal(result.actualPercent)).toBe('60.00');
    expect(formatDecimal(result.gapPoints)).toBe('10.27');
    expect(result.status).toBe('超序时');
    expect(result.code).toBe('ahead');
    expect(result.colour).toBe('green');
    expect(result.explanation).toBe('序时进度49.73%，实际进度60%，超出序时10.27个百分点');
  });

  it('counts no progress yet as 0% and says so: on track on the first day, behind a month later', () => {
    const first = computeScheduleStatus({ ...year2024, today: '2024-01-01' });
    expect(first.hasProgress).toBe(false);
    expect(first.code).toBe('on_track');
    expect(first.explanation).toContain('尚未填报进展');
    const later = show({ ...year2024, today: '2024-03-01' });
    expect(later).toMatchObject({ actual: '0.00', status: '慢序时', code: 'behind', colour: 'yellow' });
  });

  it('expects nothing before the start', () => {
    expect(show({ ...year2024, today: '2023-12-01' })).toMatchObject({ expected: '0.00', code: 'on_track', colour: 'green' });
  });

  it('keeps a gap of exactly the tolerance on track and one hundredth more ahead', () => {
    // 2024-01-01 to 2024-04-09 is 100 days: on 2024-01-20 the schedule is exactly 20%.
    const window = { start: '2024-01-01', deadline: '2024-04-09' };
    expect(show({ ...window, today: '2024-01-20', progress: { percent: 25 } }).code).toBe('on_track');
    expect(show({ ...window, today: '2024-01-20', progress: { percent: '25.01' } }).code).toBe('ahead');
    expect(show({ ...window, today: '2024-01-20', progress: { percent: 15 } }).code).toBe('on_track');
    expect(show({ ...window, today: '2024-01-20', progress: { percent: '14.99' } }).code).toBe('behind');
  });

  it('takes the tolerance as a parameter', () => {
    const input = { ...year2024, today: '2024-06-30', progress: { percent: 57 } } as const;
    expect(show(input).code).toBe('ahead');
    expect(show({ ...input, tolerancePoints: 10 }).code).toBe('on_track');
    expect(computeScheduleStatus({ ...input, tolerancePoints: 10 }).explanation).toContain('相差在10个百分点以内');
  });

  it('calls work finished before the deadline 提前完成 and on the deadline day 已完成', () => {
    expect(show({ ...year2024, today: '2024-09-01', target: 20000, progress: { amount: 20000 } })).toMatchObject({
      status: '提前完成',
      code: 'done_early',
      colour: 'green',
    });
    expect(show({ ...year2024, today: '2024-12-31', progress: { percent: 100 } }).code).toBe('done');
  });

  it('uses the finishing date when given, not the day of the assessment', () => {
    const early = computeScheduleStatus({ ...year2024, today: '2025-02-01', done: true, doneOn: '2024-11-15' });
    expect(early.code).toBe('done_early');
    expect(early.explanation).toContain('2024-11-15完成');
    expect(show({ ...year2024, today: '2025-02-01', done: true, doneOn: '2025-01-10' }).code).toBe('done');
  });

  it('trusts a reported 办结 even when the figure is short of 100%', () => {
    expect(show({ ...year2024, today: '2024-10-01', progress: { percent: 90 }, done: true }).code).toBe('done_early');
  });

  it('reports progress over 100% as stated and as finished', () => {
    expect(show({ ...year2024, today: '2024-08-01', target: 20000, progress: { amount: 26000 } })).toMatchObject({
      actual: '130.00',
      code: 'done_early',
    });
  });

  it('turns an unfinished item red and 逾期 the day after its deadline', () => {
    const onDeadline = show({ ...year2024, today: '2024-12-31', progress: { percent: 97 } });
    expect(onDeadline).toMatchObject({ expected: '100.00', code: 'on_track', colour: 'yellow' });
    const after = computeScheduleStatus({ ...year2024, today: '2025-01-01', progress: { percent: 97 } });
    expect(after.code).toBe('overdue');
    expect(after.status).toBe('逾期');
    expect(after.colour).toBe('red');
    expect(after.daysToDeadline).toBe(-1);
    expect(after.explanation).toContain('已超过时限2024-12-31 1天');
  });

  it('calls an unfinished item that was closed 未完成', () => {
    expect(show({ ...year2024, today: '2025-01-15', progress: { percent: 80 }, closed: true })).toMatchObject({
      status: '未完成',
      code: 'missed',
      colour: 'red',
    });
  });

  it('turns an on-track item yellow within the warning window before its deadline', () => {
    expect(show({ ...year2024, today: '2024-12-01', progress: { percent: 92 } })).toMatchObject({ code: 'on_track', colour: 'yellow' });
    expect(show({ ...year2024, today: '2024-12-01', progress: { percent: 92 }, warnDays: 7 }).colour).toBe('green');
    expect(show({ ...year2024, today: '2024-11-30', progress: { percent: 92 } }).colour).toBe('green');
  });

  it('follows quarterly milestones as steps: the last milestone passed sets the expectation', () => {
    const milestones = [
      { due: '2024-03-31', expectedPercent: 20 },
      { due: '2024-06-30', expectedPercent: 50 },
      { due: '2024-09-30', expectedPercent: 80 },
      { due: '2024-12-31', expectedPercent: 100 },
    ];
    const beforeFirst = computeScheduleStatus({ ...year2024, today: '2024-03-30', milestones });
    expect(formatDecimal(beforeFirst.expectedPercent)).toBe('0.00');
    expect(beforeFirst.basis).toBe('milestone');
    expect(show({ ...year2024, today: '2024-03-31', milestones, progress: { percent: 20 } })).toMatchObject({ expected: '20.00', code: 'on_track' });
    expect(show({ ...year2024, today: '2024-08-15', milestones, progress: { percent: 40 } })).toMatchObject({ expected: '50.00', code: 'behind' });
    const q3 = computeScheduleStatus({ ...year2024, today: '2024-10-01', milestones, progress: { percent: 90 } });
    expect(q3.code).toBe('ahead');
    expect(q3.explanation).toContain('（2024-09-30节点）');
  });

  it('rejects bad input with the field named', () => {
    expect(() => computeScheduleStatus({ ...year2024, today: '2024-02-30' })).toThrow(/today: '2024-02-30'/);
    expect(() => computeScheduleStatus({ start: '2024-05-01', deadline: '2024-04-01', today: '2024-04-01' })).toThrow(/deadline/);
    expect(() => computeScheduleStatus({ ...year2024, today: '2024-04-01', progress: { amount: 5 } })).toThrow(/target: needed/);
    expect(() => computeScheduleStatus({ ...year2024, today: '2024-04-01', target: 0, progress: { amount: 5 } })).toThrow(/target/);
    expect(() => computeScheduleStatus({ ...year2024, today: '2024-04-01', progress: { percent: -1 } })).toThrow(/progress.percent/);
    expect(() =>
      computeScheduleStatus({
        ...year2024,
        today: '2024-04-01',
        milestones: [
          { due: '2024-06-30', expectedPercent: 50 },
          { due: '2024-03-31', expectedPercent: 25 },
        ],
      }),
    ).toThrow(/milestones\[1\]\.due/);
    expect(() =>
      computeScheduleStatus({ ...year2024, today: '2024-04-01', milestones: [{ due: '2024-03-31', expectedPercent: 120 }] }),
    ).toThrow(/milestones\[0\]\.expectedPercent/);
  });

  it('keeps a ceiling rather than reaching it: under 不超过30亿元 on track, at it done when due, over it missed', () => {
    const ceiling = { ...year2024, target: '3000000000', comparator: '<=' } as const;
    expect(show({ ...ceiling, today: '2024-06-30', progress: { amount: '2000000000' } })).toMatchObject({ actual: '66.67', code: 'on_track', colour: 'green' });
    expect(show({ ...ceiling, today: '2024-06-30', progress: { amount: '3000000000' } })).toMatchObject({ code: 'on_track', colour: 'green' });
    expect(show({ ...ceiling, today: '2025-01-05', progress: { amount: '3000000000' } })).toMatchObject({ code: 'done', colour: 'green' });
    expect(show({ ...ceiling, today: '2024-06-30', progress: { amount: '3500000000' } })).toMatchObject({ code: 'missed', status: '未完成', colour: 'red' });
    expect(show({ ...ceiling, comparator: '<', today: '2024-06-30', progress: { amount: '3000000000' } })).toMatchObject({ code: 'missed' });
    expect(computeScheduleStatus({ ...ceiling, today: '2024-06-30', progress: { amount: '3500000000' } }).explanation).toBe('已超出上限：实际116.67%（上限为100%）');
  });

  it('schedules the commitments extraction reads with their bound: 不少于100家 reached by 120家, 不超过30亿元 passed by 35亿元', () => {
    const [floor, ceiling] = extract('二、2024年重点工作\n净增规模工业企业不少于100家，新增政府债务不超过30亿元。', { reportYear: 2024 }).commitments;
    const schedule = (target: NonNullable<typeof floor>['target'], amount: string) =>
      show({ ...year2024, today: '2024-06-30', target: target!.value as ScheduleStatusInput['target'], comparator: target!.comparator, progress: { amount } });
    expect(schedule(floor!.target, '120')).toMatchObject({ code: 'done_early', colour: 'green' });
    expect(schedule(ceiling!.target, '3500000000')).toMatchObject({ code: 'missed', colour: 'red' });
  });

  it('reads a range target from its lower end', () => {
    const target = { type: 'range', low: { mantissa: 10n, exponent: 4 }, high: { mantissa: 15n, exponent: 4 } } as const;
    expect(show({ ...year2024, today: '2024-06-30', target, progress: { amount: 50000 } }).actual).toBe('50.00');
  });

  it('always gives a status, an expectation within 0–100 and red only past the deadline or when closed', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2023, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, fc.integer({ min: 0, max: 15000 }), fc.boolean(), (a, b, today, hundredths, closed) => {
        const [start, deadline] = a <= b ? [a, b] : [b, a];
        const result = computeScheduleStatus({ start, deadline, today, progress: { percent: String(hundredths / 100) }, closed });
        const expected = Number(formatDecimal(result.expectedPercent));
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(100);
        if (result.colour === 'red') expect(closed || today > deadline).toBe(true);
        if (hundredths >= 10000) expect(['done', 'done_early']).toContain(result.code);
      }),
    );
  });
});
