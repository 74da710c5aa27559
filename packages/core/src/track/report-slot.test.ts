import { describe, expect, it } from 'vitest';
import { buildReportSlots, isMissedSlot, type SlotAssignment, type SlotReport } from './report-slot.ts';

const assignment: SlotAssignment = { commitmentId: 7, unitId: 3, cycle: { frequency: 'monthly', dueDay: 25 }, startsOn: '2024-05-10' };
const report = (id: number, submittedOn: string, reviewStatus: SlotReport['reviewStatus'], unitId = 3): SlotReport => ({ id, commitmentId: 7, unitId, submittedOn, reviewStatus });

describe('buildReportSlots', () => {
  it('owes a slot for each month from the start to today: past ones empty are overdue, the current one open', () => {
    const slots = buildReportSlots([assignment], [], '2024-06-10');
    expect(slots.map((slot) => [slot.key, slot.status])).toEqual([['2024-05', 'overdue'], ['2024-06', 'open']]);
    expect(slots.filter(isMissedSlot)).toHaveLength(1);
  });

  it('is open on the due day itself and overdue the day after', () => {
    expect(buildReportSlots([assignment], [], '2024-06-25').at(-1)?.status).toBe('open');
    expect(buildReportSlots([assignment], [], '2024-06-26').at(-1)?.status).toBe('overdue');
  });

  it('counts an approved report submitted by the due day as on time, and one after it as late', () => {
    const onTime = buildReportSlots([assignment], [report(1, '2024-06-25', 'approved')], '2024-06-30').at(-1);
    expect(onTime).toMatchObject({ status: 'approved', reportId: 1, isLate: false });
    const late = buildReportSlots([assignment], [report(2, '2024-06-26', 'approved')], '2024-06-30').at(-1);
    expect(late).toMatchObject({ status: 'approved', reportId: 2, isLate: true });
    expect(isMissedSlot(late!)).toBe(true);
  });

  it('leaves a slot unfilled by a returned report until a resubmission, which counts from its own date', () => {
    const returned = buildReportSlots([assignment], [report(1, '2024-06-20', 'returned')], '2024-06-22').at(-1);
    expect(returned).toMatchObject({ status: 'returned', reportId: 1 });
    expect(buildReportSlots([assignment], [report(1, '2024-06-20', 'returned')], '2024-06-27').at(-1)?.status).toBe('overdue');
    const resubmitted = buildReportSlots([assignment], [report(1, '2024-06-20', 'returned'), report(2, '2024-06-27', 'pending')], '2024-06-27').at(-1);
    expect(resubmitted).toMatchObject({ status: 'submitted', reportId: 2, isLate: true });
  });

  it('takes no report of another unit or of another month', () => {
    const slots = buildReportSlots([assignment], [report(1, '2024-06-20', 'approved', 4), report(2, '2024-07-01', 'approved')], '2024-06-30');
    expect(slots.at(-1)?.status).toBe('overdue');
  });

  it('owes nothing after the period in which the item was closed', () => {
    const slots = buildReportSlots([{ ...assignment, closedOn: '2024-06-03' }], [], '2024-09-01');
    expect(slots.map((slot) => slot.key)).toEqual(['2024-05', '2024-06']);
  });
});
