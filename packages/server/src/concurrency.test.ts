import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

interface Detail {
  id: number;
  version: number;
  title: string;
  original_text: string;
  deadline: string | null;
}

for (const engine of testEngines()) {
  describe(`concurrent writes on ${engine}`, () => {
    let api: TestApp;
    let planId: number;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
      planId = api.demoPlanId as number;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    const create = async (title: string): Promise<Detail> => {
      const response = await api.admin.post('/api/commitments', { plan_id: planId, title, target_value: '100', target_unit: '个' });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Detail;
    };

    it('lets one of two concurrent edits at the same version win and answers the other 409 with the winner', async () => {
      for (let round = 0; round < 5; round += 1) {
        const commitment = await create(`并发事项${round}`);
        const [a, b] = await Promise.all([
          api.admin.patch(`/api/commitments/${commitment.id}`, { version: commitment.version, title: `甲的修改${round}`, deadline: '2024-09-30' }),
          api.admin.patch(`/api/commitments/${commitment.id}`, { version: commitment.version, title: `乙的修改${round}`, deadline: '2024-10-31' }),
        ]);
        expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
        const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
        const won = winner.json() as Detail;
        expect(won.version).toBe(commitment.version + 1);
        const conflict = loser.json() as { error: { code: string; current: Detail } };
        expect(conflict.error.code).toBe('conflict');
        expect(conflict.error.current).toMatchObject({ id: commitment.id, version: won.version, title: won.title, deadline: won.deadline });

        // The stored record is the winner's, whole (no mix of the two), and the original text is untouched.
        const stored = (await api.app.inject(`/api/commitments/${commitment.id}`)).json() as Detail;
        expect(stored).toMatchObject({ title: won.title, deadline: won.deadline, version: won.version, original_text: `并发事项${round}` });
        const history = (await api.app.inject(`/api/commitments/${commitment.id}/history`)).json() as { items: { action: string; after: Detail; before: Detail }[] };
        const updates = history.items.filter((event) => event.action === 'update');
        expect(updates).toHaveLength(1);
        expect(updates[0]?.before.title).toBe(`并发事项${round}`);
        expect(updates[0]?.after.title).toBe(won.title);

        // The loser retries at the current version and nothing is lost: both edits are in the history.
        const retry = await api.admin.patch(`/api/commitments/${commitment.id}`, { version: conflict.error.current.version, title: `${won.title}（复核）` });
        expect(retry.statusCode).toBe(200);
        const after = (await api.app.inject(`/api/commitments/${commitment.id}/history`)).json() as { items: { action: string }[] };
        expect(after.items.filter((event) => event.action === 'update')).toHaveLength(2);
      }
    });

    it('takes the version from If-Match, the ETag of the read, as well as from the body', async () => {
      const commitment = await create('条件请求事项');
      const read = await api.app.inject(`/api/commitments/${commitment.id}`);
      expect(read.headers['etag']).toBe(`"${commitment.version}"`);
      const patch = (ifMatch: string, payload: object) =>
        api.admin.request({ method: 'PATCH', url: `/api/commitments/${commitment.id}`, payload, headers: { 'if-match': ifMatch } });
      const first = await patch(read.headers['etag'] as string, { title: '按条件修改' });
      expect(first.statusCode, first.body).toBe(200);
      expect((first.json() as Detail).version).toBe(commitment.version + 1);
      const stale = await patch(read.headers['etag'] as string, { title: '过期的修改' });
      expect(stale.statusCode).toBe(409);
      expect((stale.json() as { error: { current: Detail } }).error.current.title).toBe('按条件修改');
      expect((await patch('W/"2"', { title: '弱标签' })).statusCode).toBe(200);
      expect((await patch('"3"', { version: 2, title: '不一致' })).statusCode).toBe(400);
      expect((await patch('*', { title: '任意' })).statusCode).toBe(400);
      expect((await api.app.inject(`/api/commitments/${commitment.id}`)).headers['etag']).toBe('"3"');
    });

    it('keeps every one of many concurrent progress reports, each with its audit event', async () => {
      const commitment = await create('并发填报事项');
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          api.admin.post(`/api/commitments/${commitment.id}/progress`, { reported_on: '2024-06-30', amount: String(index + 1), note: `第${index + 1}次` }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(30).fill(201));
      const ids = responses.map((response) => (response.json() as { id: number }).id);
      expect(new Set(ids).size).toBe(30);
      const progress = (await api.app.inject(`/api/commitments/${commitment.id}/progress?page_size=100`)).json() as { total: number; items: { id: number }[] };
      expect(progress.total).toBe(30);
      expect(progress.items.map((item) => item.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      const history = (await api.app.inject(`/api/commitments/${commitment.id}/history?page_size=100`)).json() as { items: { action: string; actor_id: number; after: { id: number } }[] };
      const reported = history.items.filter((event) => event.action === 'report_progress');
      expect(reported.map((event) => event.after.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      expect(reported.every((event) => event.actor_id === 1)).toBe(true);
    });

    it('never lets an audit event or a progress update be changed or removed', async () => {
      const { db } = api.database;
      await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
      await expect(db.updateTable('progress_updates').set({ note: '改写' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.updateTable('commitments').set({ original_text: '改写原文' }).execute()).rejects.toThrow(/never overwritten/);
    });
  });
}
