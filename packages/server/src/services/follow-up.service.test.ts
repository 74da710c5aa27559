import type { DatabaseHandle } from '@duixian/storage';
import { testEngines } from '@duixian/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpLeagueJson } from '../routes/follow-up-league.routes.ts';
import type { FollowUpPairJson } from '../routes/follow-up.routes.ts';
import { openTestApp, type TestApp } from '../test-support.ts';

// A short plan and the review a year later, written for this test: the review reports the two main targets with
// figures and the three 民生实事 only as "10件民生实事全部完成".
const PLAN = [
  '一、2031年工作回顾',
  '过去一年，全区经济平稳运行。',
  '二、2032年重点工作',
  '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业1.5万人以上。',
  '（八）办好十件民生实事。新建社区食堂15个，改造农村户厕800户，新增养老床位300张。',
].join('\n');
const REVIEW = [
  '一、2032年工作回顾',
  '过去一年，地区生产总值增长6.2%，城镇新增就业1.3万人，10件民生实事全部完成。',
  '二、2033年重点工作',
  '今年继续办好民生实事。',
].join('\n');
const REGION = { code: '630105', name: '城北区' };
const NOW = new Date('2033-03-01T04:00:00Z');

for (const engine of testEngines()) {
  describe(`follow-up on ${engine}: targets met by "10件民生实事全部完成" keep the basis statement`, () => {
    let api: TestApp;
    let database: DatabaseHandle;
    let app: FastifyInstance;

    async function getJson<T>(url: string): Promise<T> {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as T;
    }

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false, now: () => NOW });
      ({ database, app } = api);
      await database.repositories.regions.ensure(REGION);
      const { imports } = app.duixian.services;
      const encode = (text: string) => new TextEncoder().encode(text);
      await imports.importDocument({ bytes: encode(PLAN), fileName: '2032.txt', regionCode: REGION.code, year: 2032, actorId: null, acceptAll: true });
      await imports.importDocument({ bytes: encode(REVIEW), fileName: '2033.txt', regionCode: REGION.code, year: 2033, actorId: null });
    }, 240_000);
    afterAll(async () => {
      await api?.close();
    }, 60_000);

    it('stores the basis of each pair: figure for the two main targets, statement for the three 民生实事', async () => {
      const rows = await database.db.selectFrom('follow_up_pairs').select(['metric', 'target_text', 'verdict', 'basis', 'result_text']).orderBy('position').execute();
      expect(rows).toEqual([
        { metric: '地区生产总值增长', target_text: '6%', verdict: 'met', basis: 'figure', result_text: '6.2%' },
        { metric: '城镇新增就业', target_text: '1.5万人', verdict: 'missed', basis: 'figure', result_text: '1.3万人' },
        { metric: '新建社区食堂', target_text: '15个', verdict: 'met', basis: 'statement', result_text: '10件民生实事全部完成' },
        { metric: '改造农村户厕', target_text: '800户', verdict: 'met', basis: 'statement', result_text: '10件民生实事全部完成' },
        { metric: '新增养老床位', target_text: '300张', verdict: 'met', basis: 'statement', result_text: '10件民生实事全部完成' },
      ]);
      const page = await getJson<{ items: FollowUpPairJson[] }>(`/api/follow-up?region=${REGION.code}&year=2032`);
      expect(page.items.map((pair) => [pair.target.text, pair.basis])).toEqual([['6%', 'figure'], ['1.5万人', 'figure'], ['15个', 'statement'], ['800户', 'statement'], ['300张', 'statement']]);
    });

    it('counts the three met by statement apart in the league table, within the four met', async () => {
      const league = await getJson<FollowUpLeagueJson>('/api/follow-up/league?year=2032');
      expect(league.rows).toEqual([
        {
          rank: 1, region_code: REGION.code, region_name: '城北区', last_year: 2032, this_year: 2033, targets: 5, met: 4, met_by_statement: 3, missed: 1, not_reported: 0,
          share_of_reported: { met: 4, of: 5, percent: '80.0' }, share_of_all: { met: 4, of: 5, percent: '80.0' },
        },
      ]);
    });

    it('feeds each statement pair into its commitment as done, without an amount, with evidence saying 按陈述完成', async () => {
      const page = await getJson<{ items: FollowUpPairJson[] }>(`/api/follow-up?region=${REGION.code}&year=2032`);
      const canteens = page.items.find((pair) => pair.target.metric === '新建社区食堂')!;
      expect(canteens.commitment_id).not.toBeNull();
      const update = await database.db.selectFrom('progress_updates').selectAll().where('id', '=', canteens.progress_update_id!).executeTakeFirstOrThrow();
      expect(update).toMatchObject({ commitment_id: canteens.commitment_id, reported_status: 'done', amount: null, author_id: null, note: canteens.explanation });
      expect(update.note).toContain('按陈述');
      expect(update.evidence).toEqual([
        {
          kind: 'link',
          ref: `#/documents/${canteens.this_document.id}?at=${canteens.result!.start}-${canteens.result!.end}`,
          label: `2033年《${canteens.this_document.title}》（按陈述完成）：过去一年，地区生产总值增长6.2%，城镇新增就业1.3万人，10件民生实事全部完成`,
        },
      ]);
      // A pair judged on a figure says nothing of a statement.
      const gdp = page.items.find((pair) => pair.target.metric === '地区生产总值增长')!;
      const fed = await database.db.selectFrom('progress_updates').select('evidence').where('id', '=', gdp.progress_update_id!).executeTakeFirstOrThrow();
      expect(fed.evidence[0]?.label).not.toContain('按陈述');
    });
  });
}
