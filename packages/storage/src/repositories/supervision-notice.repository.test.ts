import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

for (const engine of testEngines()) {
  describe(`督办单 numbers on ${engine}`, () => {
    let handle: DatabaseHandle;
    let unitId: number;
    const issue = (regionCode: string, year: number) =>
      handle.transaction((repositories) =>
        repositories.supervisionNotices.issue({ regionCode, year, prefix: '城北督', issuer: '城北区人民政府督查室', planYear: 2024, unitId, items: [], issuedBy: null }),
      );

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      await handle.repositories.regions.ensure({ code: '630105', name: '城北区' });
      await handle.repositories.regions.ensure({ code: '630104', name: '城西区' });
      unitId = (await handle.repositories.regions.ensureUnit('630105', '区住建局')).id;
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('numbers two notices 12 and 13 after the office set 12 as the next number, per region and per year', async () => {
      await handle.repositories.supervisionNotices.setNextNumber('630105', 2024, 12);
      expect((await issue('630105', 2024)).number).toBe(12);
      expect((await issue('630105', 2024)).number).toBe(13);
      // Another region and another year count on their own, from 1.
      expect((await issue('630104', 2024)).number).toBe(1);
      expect((await issue('630105', 2025)).number).toBe(1);
      expect(await handle.repositories.supervisionNotices.lastNumber('630105', 2024)).toBe(13);
    });

    it('never hands out a used number again: the counter refuses to move back and notices cannot be deleted', async () => {
      await expect(handle.repositories.supervisionNotices.setNextNumber('630105', 2024, 13)).rejects.toThrow(/never reused/);
      const [latest] = await handle.repositories.supervisionNotices.list({ regionCode: '630105' });
      await expect(handle.db.deleteFrom('supervision_notices').where('id', '=', latest!.id).execute()).rejects.toThrow(/append-only/);
      await expect(handle.db.updateTable('notice_counters').set({ last_number: 1 }).where('region_code', '=', '630105').execute()).rejects.toThrow(/never reused/);
      expect((await issue('630105', 2024)).number).toBe(14);
    });

    it('keeps the number unused when the notice cannot be stored (the transaction rolls back)', async () => {
      const before = await handle.repositories.supervisionNotices.lastNumber('630105', 2024);
      await expect(
        handle.transaction((repositories) =>
          repositories.supervisionNotices.issue({ regionCode: '630105', year: 2024, prefix: '城北督', issuer: '督查室', planYear: 2024, unitId: 999_999, items: [], issuedBy: null }),
        ),
      ).rejects.toThrow();
      expect(await handle.repositories.supervisionNotices.lastNumber('630105', 2024)).toBe(before);
    });
  });
}
