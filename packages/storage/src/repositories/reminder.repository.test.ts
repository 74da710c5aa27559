import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

for (const engine of testEngines()) {
  describe(`reminders, notifications, deliveries and closing requests on ${engine}`, () => {
    let handle: DatabaseHandle;
    let unitId: number;
    let otherUnitId: number;
    let commitmentId: number;
    let editorId: number;
    let planId: number;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      const r = handle.repositories;
      await r.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      unitId = (await r.regions.ensureUnit('630105', '城北区教育局')).id;
      otherUnitId = (await r.regions.ensureUnit('630105', '城北区住建局')).id;
      planId = (await r.plans.ensure({ regionCode: '630105', year: 2025, title: '2025年' })).id;
      commitmentId = (await r.commitments.create({ plan_id: planId, original_text: '新建幼儿园3所', title: '新建幼儿园3所', leadUnitId: unitId, supportingUnitIds: [otherUnitId] })).id;
      editorId = (await r.users.create({ username: 'jyj', role: 'unit_editor', passwordHash: 'scrypt$x', unitId })).id;
      await r.users.create({ username: 'zjj', role: 'unit_editor', passwordHash: 'scrypt$x', unitId: otherUnitId });
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('records an automatic reminder once per slot and kind, and a 催办 as often as sent', async () => {
      const r = handle.repositories.reminders;
      const slot = { unit_id: unitId, commitment_id: commitmentId, period_key: '2025-06', due_on: '2025-06-25' };
      const first = await r.createOnce({ kind: 'overdue', ...slot });
      expect(first?.id).toBeGreaterThan(0);
      expect(await r.createOnce({ kind: 'overdue', ...slot })).toBeUndefined();
      expect(await r.createOnce({ kind: 'due_soon', ...slot })).toBeDefined();
      expect(await r.createOnce({ kind: 'overdue', ...slot, period_key: '2025-07' })).toBeDefined();
      await r.create({ kind: 'urge', unit_id: unitId, commitment_id: commitmentId, note: '请尽快报送' });
      await r.create({ kind: 'urge', unit_id: unitId, commitment_id: commitmentId, note: '再次催办' });
      expect((await r.listForUnit(unitId)).total).toBe(5);
    });

    it('sends no reminder to a disabled account', async () => {
      const r = handle.repositories;
      const gone = await r.users.create({ username: 'left', role: 'unit_editor', passwordHash: 'scrypt$x', unitId: otherUnitId });
      await r.reminders.setEmailOf(gone.id, 'left@cb.gov.cn');
      expect((await r.reminders.recipientsOf(otherUnitId)).map((u) => u.id)).toContain(gone.id);
      await r.users.setDisabled(gone.id, new Date('2025-06-01T00:00:00Z'));
      expect((await r.reminders.recipientsOf(otherUnitId)).map((u) => u.id)).not.toContain(gone.id);
    });

    it("reaches a unit's editors only, and counts, lists and marks their notifications read", async () => {
      const r = handle.repositories.reminders;
      await r.setEmailOf(editorId, 'jyj@cb.gov.cn');
      expect(await r.recipientsOf(unitId)).toEqual([{ id: editorId, email: 'jyj@cb.gov.cn' }]);
      const reminder = await r.create({ kind: 'urge', unit_id: unitId, commitment_id: commitmentId, note: '请报送' });
      await r.notify(reminder.id, [{ userId: editorId, title: '催办', body: '请报送' }]);
      await r.notify(reminder.id, [{ userId: editorId, title: '催办', body: '请报送' }]);
      expect(await r.unreadCount(editorId)).toBe(1);
      const listed = await r.listNotifications(editorId);
      expect(listed.items[0]).toMatchObject({ kind: 'urge', commitment_id: commitmentId, title: '催办', read_at: null });
      await r.markRead(editorId, listed.items[0]!.id, new Date('2025-06-26T02:00:00Z'));
      expect(await r.unreadCount(editorId)).toBe(0);
      await expect(r.markRead(editorId + 1, listed.items[0]!.id, new Date())).rejects.toMatchObject({ code: 'not_found' });
    });

    it('retries a failed delivery at the time given, gives it up with none, and never queues one twice', async () => {
      const reminder = await handle.repositories.reminders.create({ kind: 'urge', unit_id: unitId, note: 'x' });
      const d = handle.repositories.deliveries;
      const delivery = { reminder_id: reminder.id, channel: 'webhook' as const, target: 'http://127.0.0.1:1/hook', subject: 's', body: 'b' };
      await d.queue([delivery]);
      await d.queue([delivery]);
      const [queued] = await d.listForReminder(reminder.id);
      expect(await d.listForReminder(reminder.id)).toHaveLength(1);
      const now = new Date();
      expect((await d.listDue(now, 100)).map((row) => row.id)).toContain(queued!.id);
      await d.markFailed(queued!.id, 'ECONNREFUSED', new Date(now.getTime() + 60_000));
      expect((await d.listDue(now, 100)).map((row) => row.id)).not.toContain(queued!.id);
      expect((await d.listDue(new Date(now.getTime() + 61_000), 100)).map((row) => row.id)).toContain(queued!.id);
      await d.markFailed(queued!.id, 'ECONNREFUSED', null);
      expect(await d.listForReminder(reminder.id)).toMatchObject([{ status: 'failed', attempts: 2, last_error: 'ECONNREFUSED' }]);
    });

    it('keeps one waiting closing request per item, decides it once, and refuses a refusal without a reason', async () => {
      const c = handle.repositories.closureRequests;
      const request = await c.create({ commitment_id: commitmentId, unit_id: unitId, requested_by: editorId, note: '三所幼儿园已竣工', evidence: [{ kind: 'link', ref: 'https://example.org/ys' }] });
      await expect(c.create({ commitment_id: commitmentId, unit_id: unitId, requested_by: editorId, note: '再申请', evidence: [] })).rejects.toMatchObject({ code: 'conflict' });
      await expect(c.decide(request.id, { status: 'refused', reason: ' ' }, editorId, new Date())).rejects.toMatchObject({ code: 'invalid' });
      const refused = await c.decide(request.id, { status: 'refused', reason: '缺少验收报告' }, editorId, new Date());
      expect(refused).toMatchObject({ status: 'refused', reason: '缺少验收报告' });
      await expect(c.decide(request.id, { status: 'approved' }, editorId, new Date())).rejects.toMatchObject({ code: 'conflict' });
      const again = await c.create({ commitment_id: commitmentId, unit_id: unitId, requested_by: editorId, note: '补充验收报告', evidence: [] });
      await c.decide(again.id, { status: 'approved' }, editorId, new Date('2025-07-02T01:00:00Z'));
      expect((await handle.repositories.reportingCycles.slotFacts(planId)).closures).toEqual([{ commitment_id: commitmentId, decided_at: new Date('2025-07-02T01:00:00Z') }]);
      await expect(c.create({ commitment_id: commitmentId, unit_id: unitId, requested_by: editorId, note: '又一次', evidence: [] })).rejects.toMatchObject({ code: 'conflict' });
    });

    it("reads each unit's reports from its own editors, with the server's submission time", async () => {
      const r = handle.repositories;
      await r.reportingCycles.setForPlan(planId, { frequency: 'monthly', dueDay: 25, remindDaysBefore: 3, startsOn: '2025-01-01' });
      await r.reportingCycles.setForPlan(planId, { frequency: 'monthly', dueDay: 20, remindDaysBefore: 2, startsOn: '2025-01-01' });
      expect(await r.reportingCycles.listForPlan(planId)).toMatchObject([{ due_day: 20, remind_days_before: 2, commitment_id: null }]);
      const report = await r.progressUpdates.append({ commitment_id: commitmentId, reported_on: '2025-06-20', percent: '40', author_id: editorId, submitted_at: new Date('2025-06-20T03:00:00Z') });
      const facts = await r.reportingCycles.slotFacts(planId);
      expect(facts.assignments.map((a) => a.unit_id).sort()).toEqual([unitId, otherUnitId].sort());
      expect(facts.reports).toEqual([{ id: report.id, commitment_id: commitmentId, unit_id: unitId, submitted_at: new Date('2025-06-20T03:00:00Z'), review_status: 'pending' }]);
      expect((await r.reportingCycles.slotFacts(planId, otherUnitId)).reports).toEqual([]);
    });
  });
}
