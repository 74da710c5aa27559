import { readFile } from 'node:fs/promises';
import type { DatabaseHandle } from '@duixian/storage';
import { testEngines } from '@duixian/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support.ts';
import type { FollowUpLeagueJson } from './follow-up-league.routes.ts';
import type { FollowUpPairJson } from './follow-up.routes.ts';

// Small reports written for the league table (testdata/README.md): 甲市 and 乙市 in both years, 丙市 in 2030 only,
// 戊市 in both years but its plan without a 主要预期目标.
const LEAGUE = new URL('../../../../testdata/league/', import.meta.url);
const JIA = { code: '990101', name: '甲市' };
const YI = { code: '990102', name: '乙市' };
const BING = { code: '990103', name: '丙市' };
const WU = { code: '990105', name: '戊市' };
const NOW = new Date('2031-03-01T04:00:00Z');

for (const engine of testEngines()) {
  describe(`league table on ${engine}: 甲市 and 乙市 with both years, 丙市 with one`, () => {
    let api: TestApp;
    let database: DatabaseHandle;
    let app: FastifyInstance;

    async function importReport(region: { code: string }, file: string, year: number, acceptAll: boolean): Promise<number> {
      const bytes = new Uint8Array(await readFile(new URL(file, LEAGUE)));
      const imported = await app.duixian.services.imports.importDocument({ bytes, fileName: file.split('/')[1]!, regionCode: region.code, year, actorId: null, acceptAll });
      return imported.document.id;
    }

    async function getJson<T>(url: string): Promise<T> {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as T;
    }

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false, now: () => NOW });
      ({ database, app } = api);
      for (const region of [JIA, YI, BING, WU]) await database.repositories.regions.ensure(region);
      await importReport(JIA, '2030/甲市.txt', 2030, true);
      await importReport(YI, '2030/乙市.txt', 2030, true);
      await importReport(BING, '2030/丙市.txt', 2030, true);
      await importReport(JIA, '2031/甲市.md', 2031, false);
      await importReport(YI, '2031/乙市.txt', 2031, false);
      await importReport(WU, '2030/戊市.txt', 2030, true);
      await importReport(WU, '2031/戊市.txt', 2031, false);
    }, 240_000);

    afterAll(async () => {
      await api?.close();
    }, 60_000);

    it('ranks the regions with both years by the share met and lists the one with a single year', async () => {
      const league = await getJson<FollowUpLeagueJson>('/api/follow-up/league');
      expect(league.last_year).toBe(2030);
      expect(league.years).toEqual([2030]);
      expect(league.rows).toEqual([
        {
          rank: 1, region_code: YI.code, region_name: '乙市', last_year: 2030, this_year: 2031, targets: 2, met: 2, met_by_statement: 0, missed: 0, not_reported: 0,
          share_of_reported: { met: 2, of: 2, percent: '100.0' }, share_of_all: { met: 2, of: 2, percent: '100.0' },
        },
        {
          rank: 2, region_code: JIA.code, region_name: '甲市', last_year: 2030, this_year: 2031, targets: 7, met: 4, met_by_statement: 0, missed: 2, not_reported: 1,
          share_of_reported: { met: 4, of: 6, percent: '66.7' }, share_of_all: { met: 4, of: 7, percent: '57.1' },
        },
      ]);
      expect(league.unpaired).toEqual([{ region_code: BING.code, region_name: '丙市', missing: 'this' }]);
      expect(league.unmatched).toEqual([{ region_code: WU.code, region_name: '戊市', reason: '2030年报告中没有找到可以对照的目标' }]);
      expect(await getJson<FollowUpLeagueJson>('/api/follow-up/league?year=2030')).toEqual(league);
    });

    it('answers a year without follow-up with no rows, and a bad year with 400; the route is public and in the OpenAPI document', async () => {
      const earlier = await getJson<FollowUpLeagueJson>('/api/follow-up/league?year=2029');
      expect(earlier).toMatchObject({ last_year: 2029, rows: [] });
      expect(earlier.unpaired.map((region) => [region.region_name, region.missing])).toEqual([['丙市', 'last'], ['乙市', 'last'], ['戊市', 'last'], ['甲市', 'last']]); // by name, code point
      expect(earlier.unmatched).toEqual([]);
      const bad = await app.inject({ method: 'GET', url: '/api/follow-up/league?year=twenty' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: unknown }> };
      expect(openapi.paths['/api/follow-up/league']?.get).toBeDefined();
    });

    it('draws the league infographic as SVG, in Chinese and English, and answers 404 for a year without a table', async () => {
      const svg = await app.inject({ method: 'GET', url: '/api/infographic/league/2030/league.svg' });
      expect(svg.statusCode).toBe(200);
      expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(svg.body).toContain('2030年各地目标兑现排行');
      expect(svg.body).toContain('100.0%（2/2）');
      expect(svg.body).toContain('66.7%（4/6）');
      const english = await app.inject({ method: 'GET', url: '/api/infographic/league/2030/league.svg?lang=en' });
      expect(english.body).toContain('Targets of 2030: kept, by region');
      const none = await app.inject({ method: 'GET', url: '/api/infographic/league/2029/league.svg' });
      expect(none.statusCode).toBe(404);
    });

    it('feeds every matched commitment of the 2030 plan, body targets too, with the result sentence as evidence', async () => {
      const page = await getJson<{ items: FollowUpPairJson[] }>(`/api/follow-up?region=${JIA.code}&year=2030&page_size=500`);
      const road = page.items.find((pair) => pair.target.metric === '新建改建农村公路')!;
      const places = page.items.find((pair) => pair.target.metric === '新增公办幼儿园学位')!;
      expect(road).toMatchObject({ source: 'commitment', verdict: 'met', target: { text: '500公里' }, result: { text: '520公里' } });
      expect(places).toMatchObject({ source: 'commitment', verdict: 'missed', result: { text: '2400个' } });
      for (const pair of [road, places]) {
        expect(pair.commitment_id).not.toBeNull();
        const update = await database.db.selectFrom('progress_updates').selectAll().where('id', '=', pair.progress_update_id!).executeTakeFirstOrThrow();
        expect(update).toMatchObject({ commitment_id: pair.commitment_id, author_id: null, note: pair.explanation });
        expect(update.evidence).toEqual([
          {
            kind: 'link',
            ref: `#/documents/${pair.this_document.id}?at=${pair.result!.start}-${pair.result!.end}`,
            label: `2031年《${pair.this_document.title}》：新建改建农村公路520公里，改造城镇老旧小区126个，新增公办幼儿园学位2400个`,
          },
        ]);
      }
      expect(await database.db.selectFrom('progress_updates').select('reported_status').where('id', '=', road.progress_update_id!).executeTakeFirstOrThrow()).toEqual({ reported_status: 'done' });
    });

    it('gives each pair the two sentences, with the figures inside at their offsets', async () => {
      const page = await getJson<{ items: FollowUpPairJson[] }>(`/api/follow-up?region=${JIA.code}&year=2030&page_size=500`);
      const gdp = page.items.find((pair) => pair.target.metric === '地区生产总值增长')!;
      expect(gdp.target.sentence.text).toBe('今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业6万人以上，城镇调查失业率5.5%以内，一般公共预算收入增长3%');
      expect(gdp.result?.sentence.text).toBe('过去一年，全市地区生产总值增长5.3%，新增城镇就业6.2万人，城镇调查失业率平均为5.6%');
      for (const pair of page.items) {
        const { sentence } = pair.target;
        expect(sentence.text.slice(pair.target.start - sentence.start, pair.target.end - sentence.start)).toBe(pair.target.text);
        if (pair.result) expect(pair.result.sentence.text.slice(pair.result.start - pair.result.sentence.start, pair.result.end - pair.result.sentence.start)).toBe(pair.result.text);
      }
    });
  });
}
