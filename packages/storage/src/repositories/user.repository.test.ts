import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.ts';
import { openTestDatabase, testEngines } from '../test-database.ts';

const NOW = new Date('2024-07-01T01:00:00Z');
const LATER = new Date('2024-07-02T01:00:00Z');

for (const engine of testEngines()) {
  describe(`users' role, unit and disabling on ${engine}`, () => {
    let handle: DatabaseHandle;

    beforeAll(async () => {
      handle = await openTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
    }, 60_000);

    it('refuses the session and the API token of a disabled user, and ends the sessions; enabled again, a new session works', async () => {
      const { users, apiTokens } = handle.repositories;
      const user = await users.create({ username: 'leaver', role: 'supervisor', passwordHash: 'scrypt$x' });
      await users.createSession('session-hash-1', user.id, LATER);
      await apiTokens.create({ userId: user.id, name: 'script', tokenHash: 'token-hash-1', expiresAt: LATER });
      expect((await users.findBySession('session-hash-1', NOW))?.id).toBe(user.id);
      expect((await apiTokens.findUser('token-hash-1', NOW))?.id).toBe(user.id);

      const disabled = await users.setDisabled(user.id, NOW);
      expect(disabled.disabled_at?.toISOString()).toBe(NOW.toISOString());
      expect(disabled.version).toBe(user.version + 1);
      expect(await users.findBySession('session-hash-1', NOW)).toBeUndefined();
      expect(await apiTokens.findUser('token-hash-1', NOW)).toBeUndefined();

      await users.setDisabled(user.id, null);
      // The old session was ended for good; a new one (a new sign-in) works.
      expect(await users.findBySession('session-hash-1', NOW)).toBeUndefined();
      await users.createSession('session-hash-2', user.id, LATER);
      expect((await users.findBySession('session-hash-2', NOW))?.disabled_at).toBeNull();
    });

    it("changes a user's role, unit and display name and bumps the version", async () => {
      const { users, regions } = handle.repositories;
      await regions.ensure({ code: '630105', name: '城北区' });
      const unit = await regions.ensureUnit('630105', '城北区教育局');
      const user = await users.create({ username: 'mover', role: 'supervisor', passwordHash: 'scrypt$x' });
      const changed = await users.update(user.id, { role: 'unit_editor', unitId: unit.id, displayName: '李明' });
      expect(changed).toMatchObject({ role: 'unit_editor', unit_id: unit.id, display_name: '李明', version: user.version + 1 });
      await expect(users.update(999_999, { role: 'admin', unitId: null, displayName: null })).rejects.toThrow(/user/);
    });

    it("keeps a unit's contact person and refuses a name another unit of the region has", async () => {
      const { regions } = handle.repositories;
      await regions.ensure({ code: '630105', name: '城北区' });
      const unit = await regions.ensureUnit('630105', '城北区住建局');
      await regions.ensureUnit('630105', '城北区民政局');
      const updated = await regions.updateUnit(unit.id, { name: ' 城北区住房和城乡建设局 ', contactName: '王芳', contactPhone: '0971-1234567', contactEmail: 'wangfang@cb.gov.cn' });
      expect(updated).toMatchObject({ name: '城北区住房和城乡建设局', contact_name: '王芳', contact_phone: '0971-1234567', contact_email: 'wangfang@cb.gov.cn' });
      expect((await regions.listUnits('630105')).find((row) => row.id === unit.id)?.contact_phone).toBe('0971-1234567');
      await expect(regions.updateUnit(unit.id, { name: '城北区民政局', contactName: null, contactPhone: null, contactEmail: null })).rejects.toThrow(/exists already/);
    });
  });
}
