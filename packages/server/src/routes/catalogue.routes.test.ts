import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, signIn, type TestApp } from '../test-support.ts';

interface UnitJson {
  id: number;
  name: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

for (const engine of testEngines()) {
  describe(`units' contact persons on ${engine}`, () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await openTestApp(engine, { seedDemo: false });
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    it("sets a unit's contact person, shows it to staff and hides it from the public and unit editors, audited", async () => {
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区' });
      const unit = await api.database.repositories.regions.ensureUnit('630105', '城北区教育局');
      const changed = await api.admin.patch(`/api/units/${unit.id}`, { name: '城北区教育局', contact_name: '王芳', contact_phone: '0971-1234567 转 802', contact_email: 'wangfang@cb.gov.cn' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ contact_name: '王芳', contact_phone: '0971-1234567 转 802', contact_email: 'wangfang@cb.gov.cn' });

      const asStaff = (await api.admin.request({ method: 'GET', url: '/api/units?region=630105' })).json() as { items: UnitJson[] };
      expect(asStaff.items.find((item) => item.id === unit.id)).toMatchObject({ contact_name: '王芳', contact_phone: '0971-1234567 转 802' });
      const region = (await api.admin.request({ method: 'GET', url: '/api/regions/630105' })).json() as { units: UnitJson[] };
      expect(region.units.find((item) => item.id === unit.id)?.contact_email).toBe('wangfang@cb.gov.cn');

      const publicUnits = (await api.app.inject({ method: 'GET', url: '/api/units?region=630105' })).json() as { items: UnitJson[] };
      expect(publicUnits.items.find((item) => item.id === unit.id)).toMatchObject({ name: '城北区教育局', contact_name: null, contact_phone: null, contact_email: null });
      const publicRegion = (await api.app.inject({ method: 'GET', url: '/api/regions/630105' })).json() as { units: UnitJson[] };
      expect(publicRegion.units.find((item) => item.id === unit.id)?.contact_phone).toBeNull();
      const created = (await api.admin.post('/api/users', { username: 'cb_edu', role: 'unit_editor', unit_id: unit.id })).json() as { one_time_password: string };
      const editor = await signIn(api.app, 'cb_edu', created.one_time_password);
      const asEditor = (await editor.request({ method: 'GET', url: '/api/units?region=630105' })).json() as { items: UnitJson[] };
      expect(asEditor.items.find((item) => item.id === unit.id)?.contact_name).toBeNull();

      const audit = await api.database.repositories.auditEvents.list({ entityType: 'unit', entityId: unit.id });
      expect(audit.items.find((event) => event.action === 'update')).toMatchObject({ after: { contact_name: '王芳' } });
    });

    it('stores blank contact fields as unknown and refuses a malformed phone or email, a clashing name, and non-admins', async () => {
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区' });
      const unit = await api.database.repositories.regions.ensureUnit('630105', '城北区民政局');
      await api.database.repositories.regions.ensureUnit('630105', '城北区卫健委');
      const blank = await api.admin.patch(`/api/units/${unit.id}`, { name: '城北区民政局', contact_name: ' ', contact_phone: '', contact_email: '' });
      expect(blank.json()).toMatchObject({ contact_name: null, contact_phone: null, contact_email: null });
      expect((await api.admin.patch(`/api/units/${unit.id}`, { name: '城北区民政局', contact_phone: 'call me' })).statusCode).toBe(400);
      expect((await api.admin.patch(`/api/units/${unit.id}`, { name: '城北区民政局', contact_email: 'wangfang@' })).statusCode).toBe(400);
      expect((await api.admin.patch(`/api/units/${unit.id}`, { name: '' })).statusCode).toBe(400);
      expect((await api.admin.patch(`/api/units/${unit.id}`, { name: '城北区卫健委' })).statusCode).toBe(409);
      expect((await api.admin.patch('/api/units/999999', { name: '无此单位' })).statusCode).toBe(404);
      const created = (await api.admin.post('/api/users', { username: 'cb_sup', role: 'supervisor' })).json() as { one_time_password: string };
      const supervisor = await signIn(api.app, 'cb_sup', created.one_time_password);
      expect((await supervisor.patch(`/api/units/${unit.id}`, { name: '改名' })).statusCode).toBe(403);
    });
  
    it("keeps a Markdown upload's headings, list items and emphasis as marks over the stored text, figure spans intact", async () => {
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区' });
      const source = '# 城北区2024年政府工作报告\n\n## 一、**2023年工作回顾**\n全区地区生产总值增长**6.5%**，一般公共预算收入*12.3亿元*。\n- 新建幼儿园3所\n';
      const upload = await api.admin.request({ method: 'POST', url: '/api/documents', ...multipart({ name: 'chengbei-2024.md', content: source }, { region_code: '630105', year: '2024' }) });
      expect(upload.statusCode, upload.body).toBe(201);
      const id = (upload.json() as { document: { id: number } }).document.id;
      const detail = (await api.app.inject({ method: 'GET', url: `/api/documents/${id}` })).json() as {
        text: string;
        extraction: { marks: { kind: string; start: number; end: number }[]; quantities: { start: number; end: number; text: string }[] };
      };
      expect(detail.text).not.toContain('#');
      expect(detail.text).not.toContain('*');
      const marked = detail.extraction.marks.map((mark) => [mark.kind, detail.text.slice(mark.start, mark.end)]);
      expect(marked).toEqual([
        ['heading', '城北区2024年政府工作报告'],
        ['heading', '一、2023年工作回顾'],
        ['strong', '2023年工作回顾'],
        ['strong', '6.5%'],
        ['emphasis', '12.3亿元'],
        ['item', '- 新建幼儿园3所'],
      ]);
      for (const quantity of detail.extraction.quantities) expect(detail.text.slice(quantity.start, quantity.end)).toBe(quantity.text);
      expect(detail.extraction.quantities.map((quantity) => quantity.text)).toEqual(expect.arrayContaining(['6.5%', '12.3亿元']));
    });
  });
}
