import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

for (const engine of testEngines()) {
  describe(`review items on ${engine}`, () => {
    let handle: DatabaseHandle;
    let documentId: number;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
      await handle.repositories.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      const document = await handle.repositories.documents.create({
        regionCode: '630105',
        year: 2024,
        title: '2024年政府工作报告',
        fileName: 'report.txt',
        format: 'text',
        sha256: 'a'.repeat(64),
        content: new TextEncoder().encode('报告'),
        text: '报告',
        extraction: {},
        findings: [],
        problems: [],
      });
      documentId = document.id;
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('adds 20,000 candidates of one document (100,000 values, beyond the 65,535 bind parameters of one statement)', async () => {
      const items = Array.from({ length: 20_000 }, (_, index) => ({
        kind: 'commitment' as const,
        candidate_key: `c${index}`,
        payload: { title: `任务${index}` },
      }));
      expect(await handle.repositories.reviewItems.addMany(documentId, items)).toBe(20_000);
      const counts = await handle.repositories.reviewItems.countByStatus(documentId);
      expect(counts.pending).toBe(20_000);
      const last = await handle.repositories.reviewItems.findByKey(documentId, 'commitment', 'c19999');
      expect(last?.position).toBe(19_999);
      // Adding the same candidates again adds none (a re-import), across every batch.
      expect(await handle.repositories.reviewItems.addMany(documentId, items)).toBe(0);
    }, 120_000);
  });
}
