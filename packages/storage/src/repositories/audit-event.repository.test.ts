import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

for (const engine of testEngines()) {
  describe(`audit events on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('records 12,000 events at once (72,000 values, beyond the 65,535 bind parameters of one statement)', async () => {
      const events = Array.from({ length: 12_000 }, (_, index) => ({
        actorId: null,
        action: 'accept',
        entityType: 'review_item',
        entityId: index + 1,
        after: { status: 'accepted' },
      }));
      await handle.repositories.auditEvents.recordMany(events);
      const page = await handle.repositories.auditEvents.list({ entityType: 'review_item', pageSize: 1 });
      expect(page.total).toBe(12_000);
    }, 120_000);
  });
}
