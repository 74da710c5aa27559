import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBudget, getDocument, getOverview, listWarnings } from './duixian.api.ts';

/** Answers fetch() from a table of path prefixes, as the server would. */
function stubServer(routes: Record<string, unknown>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: string) => {
    calls.push(input);
    const path = Object.keys(routes).find((prefix) => input.startsWith(prefix));
    if (!path) return new Response(JSON.stringify({ error: { code: 'not_found', message: input } }), { status: 404 });
    return new Response(JSON.stringify(routes[path]), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const span = (start: number) => ({ document_id: 1, span_start: start, span_end: start + 8 });

describe('getOverview', () => {
  it('takes the figures from the dashboard summary, computes the increase exactly and links each figure to its sentence', async () => {
    stubServer({
      '/api/dashboard/summary': {
        region: { code: '630105', name: '城北区' },
        year: 2024,
        budget: {
          year: 2023,
          phase: 'executed',
          total: { label: '一般公共预算支出', amount_yuan: '2198000000', previous_amount_yuan: '1522000000', growth_percent: '44.4' },
          livelihood: { label: '民生领域支出', amount_yuan: '1930000000', previous_amount_yuan: null, growth_percent: null, share_percent: '87.8' },
          categories: [{ label: '文化科技', functional_code: '207', amount_yuan: '35220000', share_percent: '1.8' }],
        },
        commitments: { plan_id: 1, plan_year: 2024, total: 2, by_colour: { red: 1, yellow: 0, green: 1, unknown: 0 }, themes: [{ theme: '生态环境保护', total: 2, red: 1, yellow: 0, green: 1, unknown: 0 }] },
        projects: [],
        computed_on: '2024-03-01',
      },
      '/api/budget-lines': {
        items: [
          { year: 2023, phase: 'executed', scope: 'total', label: '一般公共预算支出', ...span(100) },
          { year: 2023, phase: 'executed', scope: 'category', label: '文化科技', ...span(300) },
          { year: 2022, phase: 'executed', scope: 'category', label: '文化科技', ...span(900) },
        ],
        total: 3, page: 1, page_size: 500,
      },
      '/api/livelihood/programmes': { items: [] },
    });
    const view = await getOverview('630105', 2024);
    expect(view.place).toEqual({ regionCode: '630105', regionName: '城北区', year: 2023 });
    expect(view.total).toMatchObject({ amountYuan: '2198000000', previousYear: 2022, growthPercent: '44.4', changeYuan: '676000000', source: { documentId: 1, start: 100, end: 108 } });
    expect(view.livelihood).toMatchObject({ sharePercent: '87.8' });
    expect(view.livelihood?.changeYuan).toBeUndefined();
    expect(view.categories).toEqual([{ label: '文化科技', amountYuan: '35220000', functionalCode: '207', source: { documentId: 1, start: 300, end: 308 } }]);
    expect(view.themes).toEqual([{ name: '生态环境保护', total: 2, green: 1, yellow: 0, red: 1 }]);
    expect(view.programme).toBeUndefined();
  });
});

describe('getDocument', () => {
  it('reads figures from the stored check JSON, ranges included, and counts inconsistent figures once each', async () => {
    stubServer({
      '/api/documents/3': {
        id: 3, region_code: '630105', year: 2025, title: 't', file_name: 'a.txt', format: 'text', sha256: 'x', byte_size: 1, created_by: null, created_at: '',
        text: '增长30.5%，10—15万元',
        extraction: { quantities: [
          { id: 'q1', start: 2, end: 7, text: '30.5%', value: 30.5, unit: '%', kind: 'percent', role: 'growth_rate' },
          { id: 'q2', start: 8, end: 15, text: '10—15万元', value: [100000, 150000], unit: '元', kind: 'money' },
        ] },
        findings: [
          { id: 'f1', check: 'growth', verdict: 'inconsistent', stated: 'q1', quantities: ['q2'], message: 'm1' },
          { id: 'f2', check: 'share', verdict: 'inconsistent', stated: 'q1', quantities: [], message: 'm2' },
        ],
        problems: [],
      },
    });
    const document = await getDocument(3);
    expect(document.figures[1]).toMatchObject({ value: '100000', valueHigh: '150000', unit: '元' });
    expect(document.inconsistentCount).toBe(1);
    expect(document.fileHref).toBe('/api/documents/3/file');
  });
});

describe('listWarnings', () => {
  it('asks the server for the region, year and window, and keeps its order, reasons, unit counts and 未分派', async () => {
    const commitment = (id: number, colour: string | null, days: number | null, code: string | null) => ({
      id, title: `c${id}`, theme: null, theme_id: null, original_text: '', target_value: null, target_value_high: null, target_unit: null,
      target_comparator: null, target_grade: null, deadline: null, version: 1, units: [], ...span(0),
      schedule: { code, colour, expected_percent: null, actual_percent: null, has_progress: false, days_to_deadline: days, reported_status: null, deadline: '2025-12-31', explanation: `e${id}` },
    });
    const calls = stubServer({
      '/api/warnings': {
        items: [{ urgency: 'overdue', commitment: commitment(3, 'red', -5, 'overdue') }, { urgency: 'due_soon', commitment: commitment(4, 'yellow', 10, 'on_track') }],
        by_unit: [{ unit_id: 7, unit_name: '区民政局', overdue: 1, missed: 0, behind: 0, due_soon: 1 }],
        unassigned: 454,
      },
    });
    const warnings = await listWarnings({ regionCode: '630105', regionName: '城北区', year: 2025 }, 15);
    expect(calls[0]).toBe('/api/warnings?region=630105&year=2025&within_days=15');
    expect(warnings.items.map((warning) => [warning.commitment.id, warning.urgency, warning.reason, warning.daysLeft])).toEqual([[3, 'overdue', 'e3', -5], [4, 'due_soon', 'e4', 10]]);
    expect(warnings.byUnit).toEqual([{ unitId: 7, unitName: '区民政局', overdue: 1, missed: 0, behind: 0, dueSoon: 1 }]);
    expect(warnings.unassigned).toBe(454);
  });
});

describe('getBudget', () => {
  it('takes every total from the server, however many lines there are, and lists the first page with the count', async () => {
    const line = (id: number) => ({ id, year: 2023, phase: 'executed', scope: 'category', label: '教育', functional_code: '205', mapping_confidence: null, amount_yuan: '0.10', ...span(id * 10) });
    const calls = stubServer({
      '/api/budget-lines/totals': {
        by_label: [{ year: 2023, scope: 'category', label: '教育', amount_yuan: '9007199254741062.97', lines: 1200 }],
        by_class: [{ year: 2023, functional_code: '205', functional_name: '教育', amount_yuan: '9007199254741062.97', lines: 1200 }],
        by_class_and_label: [{ year: 2023, functional_code: '205', label: '教育', amount_yuan: '9007199254741062.97', lines: 1200 }],
        lines: 1200,
      },
      '/api/budget-lines?': { items: Array.from({ length: 500 }, (_, index) => line(index + 1)), total: 1200, page: 1, page_size: 500 },
    });
    const budget = await getBudget('630105');
    expect(calls.some((call) => call.startsWith('/api/budget-lines/totals?region=630105'))).toBe(true);
    expect(budget.byLabel).toEqual([{ year: 2023, scope: 'category', label: '教育', amountYuan: '9007199254741062.97' }]);
    expect(budget.byClass).toEqual([{ year: 2023, functionalCode: '205', functionalName: '教育', amountYuan: '9007199254741062.97' }]);
    expect(budget.lines).toHaveLength(500);
    expect(budget.totalLines).toBe(1200);
  });

  it('fails when the server fails, so the page shows an error and not an empty budget', async () => {
    stubServer({ '/api/budget-lines?': { items: [], total: 0, page: 1, page_size: 500 } });
    await expect(getBudget('630105')).rejects.toMatchObject({ status: 404 });
  });
});
