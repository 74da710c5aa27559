import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';
import type { NewFollowUpPair } from './follow-up.repository.ts';

const PLAN = '今年主要预期目标：地区生产总值增长5%左右。办好民生实事：新建幼儿园20所，改造老旧小区30个。';
const REVIEW = '过去一年，地区生产总值增长5.3%，12件民生实事全部完成。';

for (const engine of testEngines()) {
  describe(`follow-up pairs keep their basis on ${engine}`, () => {
    let handle: DatabaseHandle;
    let pair: (position: number, fields: Partial<NewFollowUpPair>) => NewFollowUpPair;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      const { regions, documents } = handle.repositories;
      await regions.ensure({ code: '630105', name: '城北区' });
      const document = (year: number, text: string) =>
        documents.create({
          regionCode: '630105', year, title: `${year}年政府工作报告`, fileName: `${year}.txt`, format: 'txt', sha256: String(year).repeat(16),
          content: new TextEncoder().encode(text), text, extraction: {}, findings: [], problems: [],
        });
      const last = await document(2030, PLAN);
      const current = await document(2031, REVIEW);
      const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
      pair = (position, fields) => {
        const target = at(PLAN, fields.target_text ?? '');
        return {
          region_code: '630105', last_year: 2030, this_year: 2031, last_document_id: last.id, this_document_id: current.id, position,
          source: 'commitment', metric: '', target_start: target.start, target_end: target.end, target_text: '', target_value: null,
          target_value_high: null, target_unit: '', target_comparator: null, result_start: null, result_end: null, result_text: null,
          result_metric: null, result_value: null, result_value_high: null, result_unit: null, verdict: 'not_reported', basis: 'figure',
          confidence: '0.8', polarity: 'higher_is_better', explanation: '', commitment_id: null, progress_update_id: null, ...fields,
        };
      };
      const statement = at(REVIEW, '12件民生实事全部完成');
      const gdp = at(REVIEW, '5.3%');
      await handle.transaction(async (repositories) => {
        await repositories.followUps.add(pair(0, {
          source: 'main_targets', metric: '地区生产总值增长', target_text: '5%', target_value: '5', target_unit: '%', target_comparator: '~',
          result_start: gdp.start, result_end: gdp.end, result_text: '5.3%', result_metric: '地区生产总值增长', result_value: '5.3', result_unit: '%',
          verdict: 'met', explanation: '目标5%左右，实际5.3%，完成',
        }));
        for (const [position, text, unit] of [[1, '20所', '所'], [2, '30个', '个']] as const) {
          await repositories.followUps.add(pair(position, {
            metric: text === '20所' ? '新建幼儿园' : '改造老旧小区', target_text: text, target_value: text.slice(0, 2), target_unit: unit,
            result_start: statement.start, result_end: statement.end, result_text: '12件民生实事全部完成', verdict: 'met', basis: 'statement',
            explanation: '2031年报告未报告该项数字，但称“12件民生实事全部完成”，按陈述计为完成',
          }));
        }
      });
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('lists each pair with the basis it was stored with', async () => {
      const page = await handle.repositories.followUps.listByRegionYear({ regionCode: '630105', lastYear: 2030 });
      expect(page.items.map((row) => [row.target_text, row.verdict, row.basis, row.result_text])).toEqual([
        ['5%', 'met', 'figure', '5.3%'],
        ['20所', 'met', 'statement', '12件民生实事全部完成'],
        ['30个', 'met', 'statement', '12件民生实事全部完成'],
      ]);
    });

    it('counts the targets met by statement apart, within those met', async () => {
      expect(await handle.repositories.followUps.tallyByRegion(2030)).toEqual([
        expect.objectContaining({ region_code: '630105', region_name: '城北区', met: 3, met_by_statement: 2, missed: 0, not_reported: 0 }),
      ]);
    });

    it('refuses a basis outside core\'s words', async () => {
      await expect(
        handle.db.insertInto('follow_up_pairs').values({ ...pair(3, { target_text: '5%' }), target_start: 0, target_end: 1, basis: 'guess' as 'figure' }).execute(),
      ).rejects.toThrow(/basis/);
    });
  });
}
