import { createHash } from 'node:crypto';
import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, signIn, TEST_ADMIN_PASSWORD, type TestApp } from './test-support.ts';

const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

/** Strings that break naive SQL or HTML: each must come back exactly as sent, as JSON text. */
const HOSTILE = [
  "'; DROP TABLE commitments; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM audit_events WHERE ('1'='1",
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '$1 $$ \\x00 %s %n',
  '修建\u202e道路 🚧',
];

for (const engine of testEngines()) {
  describe(`security on ${engine}`, () => {
    let api: TestApp;
    let planId: number;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
      planId = api.demoPlanId as number;
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    const json = async (url: string) => {
      const response = await api.app.inject(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      return response.json() as any;
    };

    it.each(HOSTILE.map((text, index) => [index, text] as const))('stores and returns hostile text #%i as text in every text field', async (index, text) => {
      // Region and unit names.
      const region = await api.admin.post('/api/regions', { code: String(650100 + index), name: text });
      expect(region.statusCode, region.body).toBe(201);
      expect((await json(`/api/regions/${650100 + index}`)).name).toBe(text);
      const unit = await api.admin.post('/api/units', { region_code: '630105', name: `${text}${index}` });
      expect(unit.statusCode, unit.body).toBe(201);
      expect((await json('/api/units?region=630105')).items.map((item: { name: string }) => item.name)).toContain(`${text}${index}`);

      // A commitment's title (also its original text), then every editable text field.
      const created = await api.admin.post('/api/commitments', { plan_id: planId, title: text, target_value: '5', target_unit: text.slice(0, 20) });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json() as { id: number; version: number };
      const patched = await api.admin.patch(`/api/commitments/${id}`, { version, action: text, indicator: text.slice(0, 200), title: `${text}!` });
      expect(patched.statusCode, patched.body).toBe(200);
      const detail = await json(`/api/commitments/${id}`);
      expect(detail).toMatchObject({ original_text: text, title: `${text}!`, action: text, indicator: text.slice(0, 200), target_unit: text.slice(0, 20) });
      const found = await json(`/api/commitments?q=${encodeURIComponent(text.slice(0, 12))}&page_size=500`);
      expect(found.items.some((item: { id: number }) => item.id === id)).toBe(true);

      // A progress note and a link's label.
      const progress = await api.admin.post(`/api/commitments/${id}/progress`, {
        reported_on: '2024-06-30',
        amount: '1',
        note: text,
        evidence: [{ kind: 'link', ref: 'https://example.org/report', label: text }],
      });
      expect(progress.statusCode, progress.body).toBe(201);
      const updates = await json(`/api/commitments/${id}/progress`);
      expect(updates.items[0]).toMatchObject({ note: text, evidence: [{ label: text }] });

      // The history shows the values as they were sent.
      const history = await json(`/api/commitments/${id}/history?page_size=50`);
      expect(JSON.stringify(history.items)).toContain(JSON.stringify(text).slice(1, -1));

      // A livelihood project, a measurement note, a user's display name and an API token's name.
      const project = await api.admin.post('/api/livelihood/projects', { region_code: '630105', year: 2024, title: text, area: text.slice(0, 100) });
      expect(project.statusCode, project.body).toBe(201);
      expect((await json('/api/livelihood/projects?page_size=500')).items.find((item: { id: number }) => item.id === project.json().id)).toMatchObject({ title: text, area: text.slice(0, 100) });
      const indicator = (await json('/api/indicators?page_size=1')).items[0];
      const measurement = await api.admin.post(`/api/indicators/${indicator.id}/measurements`, { measured_on: '2024-06-30', value: '1', note: text });
      expect(measurement.statusCode, measurement.body).toBe(201);
      expect((await json(`/api/indicators/${indicator.id}/measurements`)).items.map((item: { note: string }) => item.note)).toContain(text);
      const user = await api.admin.post('/api/users', { username: `hostile${index}`, role: 'supervisor', display_name: text.slice(0, 100) });
      expect(user.statusCode, user.body).toBe(201);
      expect((user.json() as { user: { display_name: string } }).user.display_name).toBe(text.slice(0, 100));
      const token = await api.admin.post('/api/auth/tokens', { name: text.slice(0, 100) });
      expect((token.json() as { name: string }).name).toBe(text.slice(0, 100));

      // The exports carry the text unchanged, and every table is still there.
      const exported = await json('/api/exports/commitments.json');
      expect(exported.items.find((item: { id: number }) => item.id === id)).toMatchObject({ original_text: text, action: text });
      const csv = (await api.app.inject('/api/exports/progress.csv')).body;
      expect(csv).toContain(text.includes('"') || text.includes(',') ? `"${text.replaceAll('"', '""')}"` : text);
      expect((await json('/api/commitments?page_size=1')).total).toBeGreaterThan(0);
      expect((await json(`/api/commitments/${id}/history`)).total).toBeGreaterThan(0);
    });

    it('answers a value the database refuses with our own message, not the database\'s text', async () => {
      const refused = await api.admin.post('/api/commitments', { plan_id: 99_999_999_999, title: '超出范围的编号' });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toEqual({ error: { code: 'invalid', message: '数值超出范围 / a number is out of range' } });
    });

    it('serves an uploaded HTML or SVG evidence file as a download that cannot run in the app', async () => {
      for (const [name, content] of [
        ['page.html', '<html><body><script>fetch("/api/users")</script></body></html>'],
        ['drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'],
      ] as const) {
        const upload = await api.admin.request({ method: 'POST', url: '/api/evidence', ...multipart({ name, content }, {}) });
        expect(upload.statusCode, upload.body).toBe(201);
        const stored = upload.json() as { sha256: string; byte_size: number };
        expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
        // Staff download it; the public only once an approved report cites it (progress-review.routes.test.ts).
        const download = await api.admin.request({ method: 'GET', url: `/api/evidence/${stored.sha256}` });
        expect(download.statusCode).toBe(200);
        expect(download.headers['content-type']).toBe('application/octet-stream');
        expect(download.headers['content-disposition']).toMatch(/^attachment;/);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(download.headers['content-security-policy']).toContain('sandbox');
        expect(download.body).toBe(content);
      }
      // A report uploaded as HTML is served the same way.
      const report = await api.admin.request({
        method: 'POST',
        url: '/api/documents',
        ...multipart({ name: 'report.html', content: '<html><body><p>2024年全区一般公共预算支出12.5亿元。</p><script>alert(1)</script></body></html>' }, { region_code: '630105', year: '2024' }),
      });
      expect(report.statusCode, report.body).toBe(201);
      const file = await api.app.inject(`/api/documents/${(report.json() as { document: { id: number } }).document.id}/file`);
      expect(file.headers['content-type']).toBe('application/octet-stream');
      expect(file.headers['content-disposition']).toMatch(/^attachment;/);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    });

    it('limits evidence files by type and size and stores the same bytes once, by content hash', async () => {
      const upload = (name: string, content: Uint8Array | string) => api.admin.request({ method: 'POST', url: '/api/evidence', ...multipart({ name, content }, {}) });
      expect((await upload('tool.exe', 'MZ\x90\x00')).statusCode).toBe(415);
      expect((await upload('fake.pdf', '<html>not a pdf</html>')).statusCode).toBe(415);
      expect((await upload('noextension', 'data')).statusCode).toBe(415);
      expect((await upload('empty.txt', '')).statusCode).toBe(415);
      const tooLarge = await upload('big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024)]));
      expect(tooLarge.statusCode).toBe(413);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const first = await upload('验收报告.pdf', pdf);
      expect(first.statusCode, first.body).toBe(201);
      // The same bytes again, from another user: answered as a fresh upload of theirs, nothing about the first one.
      const created = (await api.admin.post('/api/users', { username: 'second-uploader', role: 'supervisor' })).json() as { user: { id: number }; one_time_password: string };
      const oneTime = await signIn(api.app, 'second-uploader', created.one_time_password);
      expect((await oneTime.post('/api/auth/password', { current_password: created.one_time_password, new_password: 'second-uploader-password' })).statusCode).toBe(204);
      const other = await signIn(api.app, 'second-uploader', 'second-uploader-password');
      const second = await other.request({ method: 'POST', url: '/api/evidence', ...multipart({ name: '同一文件改名.pdf', content: pdf }, {}) });
      expect(second.statusCode).toBe(201);
      expect(second.json()).toMatchObject({ sha256: createHash('sha256').update(pdf).digest('hex'), file_name: '同一文件改名.pdf', media_type: 'application/pdf', byte_size: pdf.byteLength, created_by: created.user.id });
      expect(second.json().created_at).toBe(JUNE_30_2024.toISOString());
      expect(Object.keys(second.json()).sort()).toEqual(Object.keys(first.json()).sort());
      expect(second.body).not.toContain('验收报告');
      const download = await api.admin.request({ method: 'GET', url: `/api/evidence/${(first.json() as { sha256: string }).sha256}` });
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('验收报告.pdf')}`);
      expect(download.rawPayload.equals(pdf)).toBe(true);
      // A progress update may cite a stored file only.
      const commitments = (await api.app.inject('/api/commitments?page_size=1')).json() as { items: { id: number }[] };
      const cite = (ref: string) =>
        api.admin.post(`/api/commitments/${commitments.items[0]?.id}/progress`, { reported_on: '2024-06-30', percent: '10', evidence: [{ kind: 'file', ref, label: '验收报告' }] });
      expect((await cite((first.json() as { sha256: string }).sha256)).statusCode).toBe(201);
      expect((await cite('f'.repeat(64))).statusCode).toBe(400);
      expect((await cite('../../etc/passwd')).statusCode).toBe(400);
      expect((await api.app.inject(`/api/evidence/${'0'.repeat(64)}`)).statusCode).toBe(404);
      expect((await api.app.inject('/api/evidence/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(400);
      expect((await api.app.inject({ method: 'POST', url: '/api/evidence', ...multipart({ name: 'a.txt', content: 'x' }, {}) })).statusCode).toBe(401);
    });
  });

  describe(`sign-in throttling on ${engine}`, () => {
    it('slows sign-in from an address after repeated failures there, even with the right password, without keeping the user out elsewhere', async () => {
      let now = JUNE_30_2024.getTime();
      const { app, close } = await openTestApp(engine, { seedDemo: false, now: () => new Date(now) });
      try {
        const attempt = (password: string, remoteAddress = '10.9.0.66') =>
          app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password }, remoteAddress });
        for (let index = 0; index < 5; index += 1) expect((await attempt('wrong-password')).statusCode).toBe(401);
        const slowed = await attempt(TEST_ADMIN_PASSWORD);
        expect(slowed.statusCode).toBe(429);
        expect(slowed.json()).toMatchObject({ error: { code: 'sign_in_throttled' } });
        // The admin, from the office, is not kept out by somebody else's failures.
        expect((await attempt(TEST_ADMIN_PASSWORD, '10.9.0.1')).statusCode).toBe(200);
        now += 1000;
        expect((await attempt('wrong-again')).statusCode).toBe(401);
        now += 1000;
        expect((await attempt(TEST_ADMIN_PASSWORD)).statusCode).toBe(429);
        now += 1000;
        expect((await attempt(TEST_ADMIN_PASSWORD)).statusCode).toBe(200);
        // A success clears the count.
        expect((await attempt('wrong-password', '10.9.0.2')).statusCode).toBe(401);
        expect((await attempt(TEST_ADMIN_PASSWORD, '10.9.0.2')).statusCode).toBe(200);
      } finally {
        await close();
      }
    });

    it('slows password changes after repeated wrong current passwords, even with the right one, until the wait is over', async () => {
      let now = JUNE_30_2024.getTime();
      const { admin, close } = await openTestApp(engine, { seedDemo: false, now: () => new Date(now) });
      try {
        const change = (current: string) => admin.post('/api/auth/password', { current_password: current, new_password: 'a-brand-new-password-1' });
        for (let index = 0; index < 5; index += 1) {
          const wrong = await change(`guess-${index}`);
          expect(wrong.statusCode).toBe(403);
          expect(wrong.json()).toMatchObject({ error: { code: 'wrong_password' } });
        }
        const slowed = await change(TEST_ADMIN_PASSWORD);
        expect(slowed.statusCode).toBe(429);
        expect(slowed.json()).toMatchObject({ error: { code: 'password_change_throttled' } });
        now += 1000;
        expect((await change(TEST_ADMIN_PASSWORD)).statusCode).toBe(204);
      } finally {
        await close();
      }
    });
  });
}
