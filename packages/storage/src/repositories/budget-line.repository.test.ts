import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

for (const engine of testEngines()) {
  describe(`budget totals on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      await handle.repositories.regions.ensure({ code: '630105', name: '城北区' });
      await handle.repositories.regions.ensure({ code: '630104', name: '城西区' });
      const line = (year: number, scope: 'total' | 'category', label: string, amount: string, code: string | null = null, region = '630105') => ({
        region_code: region,
        year,
        phase: 'executed' as const,
        scope,
        label,
        functional_code: code,
        amount_yuan: amount,
      });
      // 1,200 lines of one category: more than any page (500) holds, each 0.01 元 so that a float would drift.
      const education = Array.from({ length: 1_200 }, () => line(2023, 'category', '教育', '0.01', '205'));
      await handle.db
        .insertInto('budget_lines')
        .values([
          line(2023, 'total', '一般公共预算支出', '123456789012345678.91'),
          line(2022, 'total', '一般公共预算支出', '1522000000'),
          line(2023, 'category', '学前教育', '35220000.50', '205'),
          line(2023, 'category', '卫生健康', '0.09', '210'),
          line(2023, 'total', '一般公共预算支出', '999', null, '630104'),
        ])
        .execute();
      for (let index = 0; index < education.length; index += 400) await handle.db.insertInto('budget_lines').values(education.slice(index, index + 400)).execute();
    }, 120_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('sums all 1,200 lines of a label exactly, past the 500 a page holds, and amounts beyond 2^53', async () => {
      const { byLabel, lines } = await handle.repositories.budgetLines.totals('630105');
      expect(lines).toBe(1_204);
      expect(byLabel.map((row) => [row.year, row.scope, row.label, row.amount_yuan, row.lines])).toEqual([
        [2022, 'total', '一般公共预算支出', '1522000000', 1],
        [2023, 'total', '一般公共预算支出', '123456789012345678.91', 1],
        // Lines without a source span come in the order of their labels.
        [2023, 'category', '卫生健康', '0.09', 1],
        [2023, 'category', '学前教育', '35220000.50', 1],
        [2023, 'category', '教育', '12.00', 1_200],
      ]);
    });

    it('sums the categories by functional class, with the class name, and by class and label', async () => {
      const { byClass, byClassAndLabel } = await handle.repositories.budgetLines.totals('630105');
      expect(byClass.map((row) => [row.year, row.functional_code, row.functional_name, row.amount_yuan, row.lines])).toEqual([
        [2023, '205', '教育', '35220012.50', 1_201],
        [2023, '210', '卫生健康', '0.09', 1],
      ]);
      expect(byClassAndLabel.map((row) => [row.functional_code, row.label, row.amount_yuan])).toEqual([
        ['205', '学前教育', '35220000.50'],
        ['205', '教育', '12.00'],
        ['210', '卫生健康', '0.09'],
      ]);
    });

    it('answers a region without budget lines with no sums', async () => {
      expect(await handle.repositories.budgetLines.totals('999999')).toEqual({ byLabel: [], byClass: [], byClassAndLabel: [], lines: 0 });
    });
  });
}
