import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetTotalsJson } from '../api-schemas.ts';
import { openTestApp, type TestApp } from '../test-support.ts';

for (const engine of testEngines()) {
  describe(`GET /api/budget-lines/totals on ${engine}`, () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false });
      await api.database.repositories.regions.ensure({ code: '630199', name: '测试区' });
      // 700 lines of one label, more than the 500 one page of /api/budget-lines holds.
      const lines = Array.from({ length: 700 }, (_, index) => ({
        region_code: '630199',
        year: 2024,
        phase: 'executed' as const,
        scope: 'category' as const,
        label: '教育',
        functional_code: '205',
        amount_yuan: index === 0 ? '9007199254740993.07' : '0.10',
      }));
      for (let index = 0; index < lines.length; index += 350) await api.database.db.insertInto('budget_lines').values(lines.slice(index, index + 350)).execute();
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    }, 60_000);

    it('sums every line exactly on the server, past the first page, beyond 2^53', async () => {
      const answer = await api.app.inject({ method: 'GET', url: '/api/budget-lines/totals?region=630199' });
      expect(answer.statusCode, answer.body).toBe(200);
      const totals = answer.json() as BudgetTotalsJson;
      expect(totals.lines).toBe(700);
      expect(totals.by_label).toEqual([{ year: 2024, scope: 'category', label: '教育', amount_yuan: '9007199254741062.97', lines: 700 }]);
      expect(totals.by_class).toEqual([{ year: 2024, functional_code: '205', functional_name: '教育', amount_yuan: '9007199254741062.97', lines: 700 }]);
      const page = await api.app.inject({ method: 'GET', url: '/api/budget-lines?region=630199&page_size=500' });
      expect((page.json() as { items: unknown[]; total: number }).items).toHaveLength(500);
    });

    it('answers an unknown region with 404 and { error }, not an empty budget', async () => {
      const answer = await api.app.inject({ method: 'GET', url: '/api/budget-lines/totals?region=999999' });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'not_found' } });
    });
  });
}
