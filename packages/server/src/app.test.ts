import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetLineJson, CommitmentDetailJson, CommitmentJson, DashboardSummaryJson, ImportResultJson, ReviewItemJson } from './api-schemas.ts';
import { DEMO_DOCUMENT_PATH } from './services/demo.service.ts';
import { multipart, openTestApp, signIn, TEST_ADMIN_PASSWORD, type TestApp } from './test-support.ts';

const demoText = readFileSync(DEMO_DOCUMENT_PATH, 'utf8');
/** A fixed clock in the middle of the demo plan's year, so schedule statuses are not all 逾期. */
const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

interface PageJson<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

for (const engine of testEngines()) {
  describe(`API on ${engine}`, () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    }, 60_000);

    const get = async <T>(url: string): Promise<T> => {
      const response = await api.app.inject(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json() as T;
    };

    it('answers health, the OpenAPI document and the interactive docs', async () => {
      expect(await get('/api/health')).toEqual({ status: 'ok', engine });
      const openapi = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
      expect(openapi.openapi).toBe('3.1.0');
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining(['/api/commitments', '/api/commitments/{id}', '/api/dashboard/summary', '/api/budget-lines', '/api/documents']),
      );
      const docs = await api.app.inject('/api/docs/');
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
    });

    it('serves the demo: the four campaigns as themes, with their commitments linked to spans of the page', async () => {
      const plans = await get<{ items: { id: number; year: number }[] }>('/api/plans?region=630105');
      expect(plans.items.map((plan) => plan.year)).toEqual([2024]);
      const plan = await get<{ themes: { name: string; heading: string }[] }>(`/api/plans/${plans.items[0]?.id}`);
      expect(plan.themes.map((theme) => theme.name)).toEqual(['生态环境保护', '产业转型升级', '宜居城区', '民生改善保障']);
      expect(plan.themes[0]?.heading).toBe('聚力打好生态环境保护战');

      const page = await get<PageJson<CommitmentJson>>('/api/commitments?region=630105&year=2024&page_size=500');
      expect(page.total).toBeGreaterThanOrEqual(9);
      for (const commitment of page.items) {
        expect(demoText.slice(commitment.span_start ?? 0, commitment.span_end ?? 0)).toBe(commitment.original_text);
      }
      const forest = page.items.find((commitment) => commitment.original_text === '实施退化林分改造2万亩');
      expect(forest).toMatchObject({ theme: '生态环境保护', target_value: '20000', target_unit: '亩', target_comparator: '=' });
      const air = page.items.find((commitment) => commitment.indicator === '空气质量优良率');
      expect(air).toMatchObject({ target_value: '92', target_unit: '%', target_comparator: '>=' });
      const places = page.items.find((commitment) => commitment.original_text === '增加学位2100个');
      expect(places?.theme).toBe('民生改善保障');
    });

    it('serves the 2022 and 2023 budget lines and the six livelihood categories, each at its span', async () => {
      const page = await get<PageJson<BudgetLineJson>>('/api/budget-lines?region=630105&page_size=100');
      const line = (year: number, scope: string) => page.items.filter((item) => item.year === year && item.scope === scope);
      expect(line(2023, 'total').map((item) => item.amount_yuan)).toEqual(['2198000000']);
      expect(line(2022, 'total').map((item) => item.amount_yuan)).toEqual(['1522000000']);
      expect(line(2023, 'livelihood').map((item) => item.amount_yuan)).toEqual(['1930000000']);
      const categories = line(2023, 'category');
      expect(categories.map((item) => [item.label, item.amount_yuan, item.functional_code])).toEqual([
        ['教育建设', '342000000', '205'],
        ['文化科技', '35220000', '207'],
        ['社会保障', '535000000', '208'],
        ['公共卫生', '378000000', '210'],
        ['生态环境', '76470000', '211'],
        ['城乡基础设施建设等', '563000000', '212'],
      ]);
      const livelihoodId = line(2023, 'livelihood')[0]?.id;
      for (const category of categories) expect(category.parent_id).toBe(livelihoodId);
      const spans = page.items.map((item) => demoText.slice(item.span_start ?? 0, item.span_end ?? 0));
      expect(spans).toEqual(expect.arrayContaining(['21.98亿元', '15.22亿元', '19.3亿元', '3522万元', '7647万元']));
    });

    it('summarises the dashboard: spending with growth, livelihood share, categories, themes by colour, projects', async () => {
      const summary = await get<DashboardSummaryJson>('/api/dashboard/summary?region=630105&year=2024');
      expect(summary.budget).toMatchObject({
        year: 2023,
        total: { amount_yuan: '2198000000', previous_amount_yuan: '1522000000', growth_percent: '44.4' },
        livelihood: { amount_yuan: '1930000000', share_percent: '87.8' },
      });
      expect(summary.budget?.categories).toHaveLength(6);
      expect(summary.commitments?.themes.map((theme) => theme.theme)).toEqual(['生态环境保护', '产业转型升级', '宜居城区', '民生改善保障']);
      const counted = summary.commitments!.by_colour;
      expect(counted.red + counted.yellow + counted.green + counted.unknown).toBe(summary.commitments!.total);
      expect(summary.projects).toEqual([
        { year: 2023, title: '为民办实事项目', area_count: 9, project_count: 31, delivered_count: 31, budget_yuan: '610000000' },
      ]);
      const missing = await api.app.inject('/api/dashboard/summary?region=999999');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    });

    it('sends cached lists compressed to clients that accept it, and the same JSON to those that do not', async () => {
      const url = '/api/commitments?region=630105&year=2024';
      const plain = await api.app.inject(url);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toBe('accept-encoding');
      for (const [header, encoding, decode] of [
        ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
        ['gzip', 'gzip', gunzipSync],
      ] as const) {
        const compressed = await api.app.inject({ url, headers: { 'accept-encoding': header } });
        expect(compressed.headers['content-encoding']).toBe(encoding);
        expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
        expect(decode(compressed.rawPayload).toString('utf8')).toBe(plain.body);
      }
      // The health answer is too small to be worth compressing.
      const health = await api.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
      expect(health.headers['content-encoding']).toBeUndefined();
    });

    it('keeps writes behind sign-in and a CSRF token', async () => {
      const anonymous = await api.app.inject({ method: 'POST', url: '/api/units', payload: { region_code: '630105', name: '区教育局' } });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      const wrong = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: 'nope' } });
      expect(wrong.statusCode).toBe(401);
      const signedIn = await api.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
      const cookie = signedIn.cookies.find((item) => item.name === 'duixian_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      const withoutCsrf = await api.app.inject({
        method: 'POST',
        url: '/api/units',
        cookies: { duixian_session: cookie?.value ?? '' },
        payload: { region_code: '630105', name: '区教育局' },
      });
      expect(withoutCsrf.statusCode).toBe(403);
      const created = await api.admin.post('/api/units', { region_code: '630105', name: '区教育局' });
      expect(created.statusCode).toBe(201);
    });

    it('answers bad input with the error shape and the right status', async () => {
      const tooLarge = await api.app.inject('/api/commitments?page_size=1000');
      expect(tooLarge.statusCode).toBe(400);
      expect(tooLarge.json()).toMatchObject({ error: { code: 'invalid' } });
      const unknown = await api.app.inject('/api/nothing-here');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });
      const huge = await api.admin.request({
        method: 'POST',
        url: '/api/units',
        payload: JSON.stringify({ region_code: '630105', name: 'x'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      const badDecimal = await api.admin.patch('/api/commitments/1', { version: 1, target_value: '1e5' });
      expect(badDecimal.statusCode).toBe(400);
    });

    it('imports an upload into the review queue once: the same file twice changes nothing', async () => {
      const text =
        '新的一年，聚力打好教育发展战，办好人民满意教育。实施幼儿园新建工程3所，增加学位1200个，确保义务教育巩固率达到98%以上。\n\n' +
        '2024年全区一般公共预算支出12.5亿元，较2023年11.2亿元增长11.6%。\n';
      const upload = () =>
        api.admin.request({ method: 'POST', url: '/api/documents', ...multipart({ name: 'report.txt', content: text }, { region_code: '630105', year: '2025' }) });
      const first = await upload();
      expect(first.statusCode, first.body).toBe(201);
      const created = first.json() as ImportResultJson;
      expect(created.is_new).toBe(true);
      expect(created.review.pending).toBeGreaterThan(0);
      const second = await upload();
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ is_new: false, document: { id: created.document.id }, review: created.review });
      const documents = await get<PageJson<unknown>>('/api/documents?region=630105&page_size=100');
      expect(documents.total).toBe(2);

      const queue = await api.admin.request({ method: 'GET', url: `/api/review-items?document_id=${created.document.id}&page_size=100` });
      const items = (queue.json() as PageJson<ReviewItemJson>).items;
      const commitments = items.filter((item) => item.kind === 'commitment');
      const budget = items.filter((item) => item.kind === 'budget_line');
      expect(commitments.length).toBeGreaterThan(0);
      expect(budget.length).toBeGreaterThan(0);

      const edited = await api.admin.post(`/api/review-items/${commitments[0]?.id}/accept`, { edits: { title: '新建幼儿园（已核）' } });
      expect(edited.statusCode, edited.body).toBe(200);
      const accepted = edited.json() as ReviewItemJson;
      expect(accepted.status).toBe('accepted');
      // Accepted, not published: staff read it, the public does not see it yet.
      expect((await api.app.inject(`/api/commitments/${accepted.entity_id}`)).statusCode).toBe(404);
      const commitment = (await api.admin.request({ method: 'GET', url: `/api/commitments/${accepted.entity_id}` })).json() as CommitmentDetailJson;
      expect(commitment.title).toBe('新建幼儿园（已核）');
      expect(commitment.published).toBe(false);
      expect(commitment.original_text).toBe(commitments[0]?.payload['original_text']);
      const again = await api.admin.post(`/api/review-items/${commitments[0]?.id}/reject`);
      expect(again.statusCode).toBe(409);

      const bulk = await api.admin.post('/api/review-items/decisions', {
        decisions: [...budget.map((item) => ({ id: item.id, decision: 'accept' })), ...commitments.slice(1).map((item) => ({ id: item.id, decision: 'reject' }))],
      });
      expect(bulk.statusCode, bulk.body).toBe(200);
      const lines = await get<PageJson<BudgetLineJson>>(`/api/budget-lines?document_id=${created.document.id}`);
      expect(lines.items.map((line) => [line.year, line.amount_yuan])).toEqual(expect.arrayContaining([[2024, '1250000000'], [2023, '1120000000']]));
      const bad = await api.admin.request({ method: 'POST', url: '/api/documents', ...multipart({ name: 'empty.txt', content: '' }, { region_code: '630105', year: '2025' }) });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ error: { code: 'ingest/empty-file' } });
    });

    it('rejects a stale edit with 409 and the current record, and keeps the original text', async () => {
      const page = await get<PageJson<CommitmentJson>>('/api/commitments?region=630105&year=2024&q=托养机构');
      const item = page.items.find((commitment) => commitment.original_text === '引导新建托养机构5家');
      expect(item).toBeDefined();
      const first = await api.admin.patch(`/api/commitments/${item!.id}`, { version: item!.version, title: '新建托养机构5家', deadline: '2024-10-31' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ version: item!.version + 1, original_text: '引导新建托养机构5家', deadline: '2024-10-31' });
      const stale = await api.admin.patch(`/api/commitments/${item!.id}`, { version: item!.version, title: '覆盖' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: { code: 'conflict', current: { title: '新建托养机构5家' } } });
      const history = await get<PageJson<{ action: string; before: { title: string }; after: { title: string } }>>(`/api/commitments/${item!.id}/history`);
      expect(history.items.map((event) => event.action)).toEqual(['create', 'update']);
      expect(history.items[1]).toMatchObject({ before: { title: '引导新建托养机构5家' }, after: { title: '新建托养机构5家' } });
    });

    it('records indicator measurements and livelihood projects, and filters budget lines by phase and scope', async () => {
      const indicators = await get<PageJson<{ id: number; name: string; target_value: string | null; latest_value: string | null }>>(
        '/api/indicators?region=630105&year=2024',
      );
      const air = indicators.items.find((indicator) => indicator.name === '空气质量优良率');
      expect(air).toMatchObject({ target_value: '92', latest_value: null });
      const measured = await api.admin.post(`/api/indicators/${air!.id}/measurements`, { measured_on: '2024-06-30', value: '93.2' });
      expect(measured.statusCode, measured.body).toBe(201);
      const after = await get<PageJson<{ id: number; latest_value: string | null; latest_measured_on: string | null }>>('/api/indicators?region=630105&year=2024');
      expect(after.items.find((indicator) => indicator.id === air!.id)).toMatchObject({ latest_value: '93.2', latest_measured_on: '2024-06-30' });

      const project = await api.admin.post('/api/livelihood/projects', {
        region_code: '630105',
        year: 2024,
        area: '教育普惠',
        title: '小桥大街小学改扩建',
        budget_yuan: '35220000.50',
        is_delivered: false,
      });
      expect(project.statusCode, project.body).toBe(201);
      const projects = await get<PageJson<{ title: string; budget_yuan: string }>>('/api/livelihood/projects?region=630105&year=2024&delivered=false');
      expect(projects.items).toEqual([expect.objectContaining({ title: '小桥大街小学改扩建', budget_yuan: '35220000.50' })]);

      const executed = await get<PageJson<BudgetLineJson>>('/api/budget-lines?region=630105&year=2023&phase=executed&scope=category');
      expect(executed.total).toBe(6);
      const proposed = await get<PageJson<BudgetLineJson>>('/api/budget-lines?region=630105&phase=proposed');
      expect(proposed.total).toBe(0);
    });

    it('derives schedule status from progress reports and rolls work items up by weight', async () => {
      const themeList = '/api/commitments?region=630105&year=2024&theme=生态环境保护&page_size=100';
      const page = await get<PageJson<CommitmentJson>>(themeList);
      const forest = page.items.find((commitment) => commitment.original_text === '实施退化林分改造2万亩')!;
      expect(forest.schedule).toMatchObject({ code: 'behind', has_progress: false, expected_percent: '49.73' });
      const report = await api.admin.post(`/api/commitments/${forest.id}/progress`, {
        reported_on: '2024-06-28',
        amount: '12000',
        reported_status: 'in_progress',
        note: '完成1.2万亩',
        evidence: [{ kind: 'link', ref: 'https://example.org/forest.jpg' }],
      });
      expect(report.statusCode, report.body).toBe(201);
      const after = await get<CommitmentDetailJson>(`/api/commitments/${forest.id}`);
      expect(after.schedule).toMatchObject({ code: 'ahead', colour: 'green', actual_percent: '60.00' });
      expect(after.recent_progress[0]).toMatchObject({ amount: '12000', evidence: [{ kind: 'link' }] });
      const ahead = await get<PageJson<CommitmentJson>>('/api/commitments?region=630105&year=2024&status=ahead');
      expect(ahead.items.map((commitment) => commitment.id)).toContain(forest.id);
      // The list asked for before the report was answered from the cache then; it is not answered stale now.
      const listedAgain = (await get<PageJson<CommitmentJson>>(themeList)).items.find((commitment) => commitment.id === forest.id);
      expect(listedAgain?.schedule).toMatchObject({ code: 'ahead', actual_percent: '60.00' });

      const parent = page.items.find((commitment) => commitment.original_text.startsWith('加大北川西山'))!;
      const addItem = async (title: string, weight: string) => {
        const response = await api.admin.post('/api/commitments', { parent_id: parent.id, title, weight });
        expect(response.statusCode, response.body).toBe(201);
        return (response.json() as CommitmentDetailJson).id;
      };
      const heavy = await addItem('北川西山生态治理', '3');
      const light = await addItem('西宁大学周边生态治理', '1');
      await api.admin.post(`/api/commitments/${heavy}/progress`, { reported_on: '2024-06-29', percent: '100', reported_status: 'done' });
      await api.admin.post(`/api/commitments/${light}/progress`, { reported_on: '2024-06-29', percent: '20' });
      const rolled = await get<CommitmentDetailJson>(`/api/commitments/${parent.id}`);
      expect(rolled.children.map((child) => child.id)).toEqual([heavy, light]);
      expect(rolled.schedule).toMatchObject({ is_rolled_up: true, actual_percent: '80.00', code: 'ahead' });
      const quarterly = await api.admin.patch(`/api/commitments/${light}`, {
        version: 1,
        milestones: [
          { due_date: '2024-03-31', expected_percent: '25' },
          { due_date: '2024-06-30', expected_percent: '50' },
        ],
      });
      expect(quarterly.statusCode, quarterly.body).toBe(200);
      expect((quarterly.json() as CommitmentDetailJson).schedule).toMatchObject({ basis: 'milestone', expected_percent: '50.00', code: 'behind' });
      const amountWithoutTarget = await api.admin.post(`/api/commitments/${light}/progress`, { reported_on: '2024-06-30', amount: '3' });
      expect(amountWithoutTarget.statusCode).toBe(400);
    });
  });
}

describe('sign-in on first start', () => {
  it('creates one admin with a printed one-time password that signs in', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const { openTestDatabase } = await import('@duixian/storage/testing');
    const database = await openTestDatabase('pglite');
    const { buildApp } = await import('./app.ts');
    try {
      const app = await buildApp({ database, seedDemo: false, print: (line) => lines.push(line) });
      const password = /one-time password \(shown once\): (\S+)/.exec(lines.join('\n'))?.[1];
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      await signIn(app, 'admin', password!);
      await app.close();
      lines.length = 0;
      const again = await buildApp({ database, seedDemo: false, print: (line) => lines.push(line) });
      expect(lines).toEqual([]);
      await again.close();
    } finally {
      await database.close();
    }
  });
});
