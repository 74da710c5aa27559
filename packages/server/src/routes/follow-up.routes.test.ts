import { readFile } from 'node:fs/promises';
import type { DatabaseHandle } from '@duixian/storage';
import { testEngines } from '@duixian/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support.ts';
import type { FollowUpPairJson } from './follow-up.routes.ts';

const CORPUS = new URL('../../../../testdata/corpus/', import.meta.url);
const BEIJING = { code: '110000', name: '北京市' };
const NOW = new Date('2025-03-01T04:00:00Z');

async function report(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, CORPUS)));
}

interface PairPage {
  items: FollowUpPairJson[];
  total: number;
  page: number;
  page_size: number;
}

async function countRows(database: DatabaseHandle, table: 'follow_up_pairs' | 'progress_updates'): Promise<number> {
  return Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

for (const engine of testEngines()) {
  describe(`follow-up on ${engine}: 北京 2024 targets against the 2025 report`, () => {
    let api: TestApp;
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let lastId: number;
    let thisId: number;
    let thisText: string;
    let earlierUpdateId: number;

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false, now: () => NOW });
      ({ database, app } = api);
      const { services } = app.duixian;
      await database.repositories.regions.ensure(BEIJING);
      const last = await services.imports.importDocument({
        bytes: await report('09-province-beijing-gwr-2024.txt'),
        fileName: '北京2024.txt',
        regionCode: BEIJING.code,
        year: 2024,
        actorId: null,
        acceptAll: true,
      });
      lastId = last.document.id;
      // A unit's own report on the GDP target, before the next year's report arrives: it must stay as it was.
      const gdp = await database.db
        .selectFrom('commitments')
        .select('id')
        .where('document_id', '=', lastId)
        .where('original_text', 'like', '%地区生产总值增长5%左右%')
        .executeTakeFirstOrThrow();
      earlierUpdateId = (
        await database.repositories.progressUpdates.append({ commitment_id: gdp.id, reported_on: '2024-09-30', percent: '75', note: '三季度' })
      ).id;
      const current = await services.imports.importDocument({
        bytes: await report('10-province-beijing-gwr-2025.txt'),
        fileName: '北京2025.txt',
        regionCode: BEIJING.code,
        year: 2025,
        actorId: null,
      });
      thisId = current.document.id;
      thisText = (await database.repositories.documents.get(thisId)).text;
    }, 240_000);

    afterAll(async () => {
      await api?.close();
    }, 60_000);

    async function pairs(url: string): Promise<PairPage> {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as PairPage;
    }

    it('keeps the pairs: GDP growth 5%左右 met by 5.2%, budget revenue growth 5% missed by 3.1%', async () => {
      const page = await pairs('/api/follow-up?region=110000&year=2024');
      expect(page.total).toBeGreaterThanOrEqual(2);
      const gdp = page.items.find((pair) => pair.target.metric === '地区生产总值增长');
      const revenue = page.items.find((pair) => pair.target.metric === '一般公共预算收入增长');
      expect(gdp).toMatchObject({ verdict: 'met', target: { text: '5%', unit: '%', value: '5', comparator: '~' }, result: { text: '5.2%', value: '5.2' } });
      expect(revenue).toMatchObject({ verdict: 'missed', target: { text: '5%', value: '5' }, result: { text: '3.1%', value: '3.1' } });
      expect(gdp?.explanation).toContain('5.2%');
      expect(gdp?.confidence).toBeGreaterThan(0.9);
      for (const pair of page.items) {
        expect(pair).toMatchObject({ last_year: 2024, this_year: 2025, last_document: { id: lastId, year: 2024, url: `/api/documents/${lastId}` } });
        expect(pair.this_document).toMatchObject({ id: thisId, year: 2025, url: `/api/documents/${thisId}` });
        if (pair.result) expect(thisText.slice(pair.result.start, pair.result.end)).toBe(pair.result.text);
      }
      const lastText = (await database.repositories.documents.get(lastId)).text;
      expect(lastText.slice(gdp!.target.start, gdp!.target.end)).toBe('5%');
    });

    it('feeds each result into the 2024 commitment stating the target, as a new update by the system with the sentence as evidence', async () => {
      const page = await pairs('/api/follow-up?region=110000&year=2024');
      const gdp = page.items.find((pair) => pair.target.metric === '地区生产总值增长')!;
      const revenue = page.items.find((pair) => pair.target.metric === '一般公共预算收入增长')!;
      for (const pair of [gdp, revenue]) {
        expect(pair.commitment_id).not.toBeNull();
        const commitment = await database.repositories.commitments.get(pair.commitment_id!);
        expect(commitment.document_id).toBe(lastId);
        expect(commitment.original_text).toContain(pair.target.metric);
        expect(commitment.span_start! <= pair.target.start && pair.target.end <= commitment.span_end!).toBe(true);
      }
      const updates = await database.repositories.progressUpdates.list(gdp.commitment_id!);
      const fed = updates.items.find((update) => update.id === gdp.progress_update_id);
      expect(fed).toMatchObject({ reported_on: '2025-03-01', reported_status: 'done', author_id: null, note: gdp.explanation });
      expect(Number(fed?.amount)).toBe(5.2);
      expect(fed?.evidence).toEqual([{ kind: 'link', ref: `#/documents/${thisId}?at=${gdp.result!.start}-${gdp.result!.end}`, label: expect.stringContaining('5.2%') }]);

      const missed = (await database.repositories.progressUpdates.list(revenue.commitment_id!)).items.find((update) => update.id === revenue.progress_update_id);
      expect(missed).toMatchObject({ reported_status: null, author_id: null });
      expect(Number(missed?.amount)).toBe(3.1);

      // The schedule reads the latest update: the met target is done, the missed one (62% of 5) is past its deadline.
      const schedule = async (id: number) => {
        const detail = await app.inject({ method: 'GET', url: `/api/commitments/${id}` });
        expect(detail.statusCode).toBe(200);
        return (detail.json() as { schedule: { code: string } }).schedule.code;
      };
      expect(await schedule(gdp.commitment_id!)).toBe('done');
      expect(await schedule(revenue.commitment_id!)).toBe('overdue');
    });

    it('never overwrites: the earlier report stays, and a target under a ceiling met is done without an amount', async () => {
      const earlier = await database.db.selectFrom('progress_updates').selectAll().where('id', '=', earlierUpdateId).executeTakeFirstOrThrow();
      expect(earlier).toMatchObject({ percent: '75', note: '三季度', reported_on: '2024-09-30' });
      const page = await pairs('/api/follow-up?region=110000&year=2024&page_size=500');
      const unemployment = page.items.find((pair) => pair.target.metric === '城镇调查失业率');
      expect(unemployment).toMatchObject({ verdict: 'met', target: { comparator: '<=' }, result: { text: '4.1%' } });
      const row = await database.db.selectFrom('progress_updates').selectAll().where('id', '=', unemployment!.progress_update_id!).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ commitment_id: unemployment!.commitment_id, reported_status: 'done', amount: null });
      await expect(database.db.updateTable('follow_up_pairs').set({ verdict: 'met' }).execute()).rejects.toThrow(/append-only/);
    });

    it('adds nothing when the same report is imported again', async () => {
      const before = { pairs: await countRows(database, 'follow_up_pairs'), updates: await countRows(database, 'progress_updates') };
      const again = await app.duixian.services.imports.importDocument({
        bytes: await report('10-province-beijing-gwr-2025.txt'),
        fileName: '北京2025-again.txt',
        regionCode: BEIJING.code,
        year: 2025,
        actorId: null,
      });
      expect(again.isNew).toBe(false);
      expect({ pairs: await countRows(database, 'follow_up_pairs'), updates: await countRows(database, 'progress_updates') }).toEqual(before);
    });

    it('pages like the other lists and answers bad queries with { error: { code, message } }', async () => {
      const all = await pairs('/api/follow-up?region=110000&year=2024&page_size=500');
      const second = await pairs('/api/follow-up?region=110000&year=2024&page=2&page_size=1');
      expect(second).toMatchObject({ total: all.total, page: 2, page_size: 1 });
      expect(second.items).toEqual([all.items[1]]);
      expect((await pairs('/api/follow-up?region=110000&year=2025')).items).toEqual([]);

      const badRegion = await app.inject({ method: 'GET', url: '/api/follow-up?region=11&year=2024' });
      expect(badRegion.statusCode).toBe(400);
      expect(badRegion.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      const noYear = await app.inject({ method: 'GET', url: '/api/follow-up?region=110000' });
      expect(noYear.statusCode).toBe(400);
      const unknown = await app.inject({ method: 'GET', url: '/api/follow-up?region=999999&year=2024' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });

      const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { security?: unknown } }> };
      expect(openapi.paths['/api/follow-up']?.get).toBeDefined();
    });

    it('keeps an unpublished commitment out of the public answer', async () => {
      const before = (await pairs('/api/follow-up?region=110000&year=2024')).items.find((pair) => pair.target.metric === '地区生产总值增长')!;
      expect(before.commitment_id).not.toBeNull();
      await database.db.updateTable('commitments').set({ published: false }).where('id', '=', before.commitment_id!).execute();
      const after = (await pairs('/api/follow-up?region=110000&year=2024')).items.find((pair) => pair.id === before.id)!;
      expect(after).toMatchObject({ verdict: 'met', commitment_id: null, progress_update_id: null, result: before.result });
    });
  });

  describe(`follow-up on ${engine}: the later report imported first`, () => {
    let api: TestApp;
    let database: DatabaseHandle;
    let app: FastifyInstance;

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false, now: () => NOW });
      ({ database, app } = api);
      await database.repositories.regions.ensure(BEIJING);
    }, 60_000);
    afterAll(async () => {
      await api?.close();
    }, 60_000);

    it('matches when the earlier report arrives, and feeds its commitments once they are accepted with it', async () => {
      const { imports } = app.duixian.services;
      await imports.importDocument({ bytes: await report('10-province-beijing-gwr-2025.txt'), fileName: 'b.txt', regionCode: BEIJING.code, year: 2025, actorId: null });
      expect(await countRows(database, 'follow_up_pairs')).toBe(0);
      await imports.importDocument({ bytes: await report('09-province-beijing-gwr-2024.txt'), fileName: 'a.txt', regionCode: BEIJING.code, year: 2024, actorId: null, acceptAll: true });
      const response = await app.inject({ method: 'GET', url: '/api/follow-up?region=110000&year=2024' });
      const page = response.json() as PairPage;
      const gdp = page.items.find((pair) => pair.target.metric === '地区生产总值增长');
      expect(gdp).toMatchObject({ verdict: 'met', result: { text: '5.2%' } });
      expect(gdp?.progress_update_id).not.toBeNull();
    }, 240_000);
  });

  describe(`follow-up on ${engine}: a target met by a completion statement`, () => {
    let api: TestApp;
    let app: FastifyInstance;
    const plan = '二、2030年重点工作\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n（九）办好民生实事。新建幼儿园20所。\n';
    const review = '一、2030年工作回顾\n过去一年，地区生产总值增长5.3%，12件民生实事全部完成。\n二、2031年重点工作\n今年继续办好民生实事。\n';

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false, now: () => NOW });
      app = api.app;
      await api.database.repositories.regions.ensure(BEIJING);
    }, 60_000);
    afterAll(async () => {
      await api?.close();
    }, 60_000);

    it('keeps the statement as the result of the target it meets', async () => {
      const { imports } = app.duixian.services;
      const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
      await imports.importDocument({ bytes: encode(plan), fileName: '2030.txt', regionCode: BEIJING.code, year: 2030, actorId: null });
      await imports.importDocument({ bytes: encode(review), fileName: '2031.txt', regionCode: BEIJING.code, year: 2031, actorId: null });
      const page = (await app.inject({ method: 'GET', url: '/api/follow-up?region=110000&year=2030' })).json() as PairPage;
      expect(page.items.find((pair) => pair.target.text === '20所')).toMatchObject({ verdict: 'met', basis: 'statement', result: { text: '12件民生实事全部完成', value: null } });
      expect(page.items.find((pair) => pair.target.text === '5%')).toMatchObject({ verdict: 'met', basis: 'figure', result: { text: '5.3%' } });
    }, 240_000);
  });
}
