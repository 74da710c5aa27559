import ExcelJS from 'exceljs';
import { testEngines } from '@duixian/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../test-support.ts';

/** A fixed clock in the middle of the demo plan's year. */
const JUNE_30_2024 = new Date('2024-06-30T04:00:00Z');

/** Splits CSV text into rows of fields (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((row) => Object.fromEntries((header ?? []).map((name, index) => [name, row[index] ?? ''])));
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

function sheetRecords(sheet: ExcelJS.Worksheet): { values: Record<string, ExcelJS.Cell>; row: number }[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const result: { values: Record<string, ExcelJS.Cell>; row: number }[] = [];
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const values: Record<string, ExcelJS.Cell> = {};
    header.forEach((name, index) => (values[name] = sheet.getRow(row).getCell(index + 1)));
    result.push({ values, row });
  }
  return result;
}

for (const engine of testEngines()) {
  describe(`exports on ${engine}`, () => {
    let api: TestApp;
    let overdueId: number;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => JUNE_30_2024 });
      const planId = api.demoPlanId;
      // A commitment already past its deadline with no progress: 逾期, red.
      const created = await api.admin.post('/api/commitments', {
        plan_id: planId,
        title: '建成"口袋公园",3处',
        target_value: '3',
        target_unit: '处',
        start_date: '2024-01-01',
        deadline: '2024-03-31',
      });
      expect(created.statusCode, created.body).toBe(201);
      overdueId = (created.json() as { id: number }).id;
      const list = (await api.app.inject('/api/commitments?region=630105&year=2024&page_size=500')).json() as {
        items: { id: number; original_text: string }[];
      };
      const forest = list.items.find((item) => item.original_text === '实施退化林分改造2万亩');
      const progress = await api.admin.post(`/api/commitments/${forest?.id}/progress`, {
        reported_on: '2024-06-30',
        amount: '12000',
        note: '已完成造林1.2万亩，"春季"完成,秋季续建',
      });
      expect(progress.statusCode, progress.body).toBe(201);
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    it('writes commitments as CSV with a byte-order mark, CRLF and Chinese headers, schedule status included', async () => {
      const response = await api.app.inject('/api/exports/commitments.csv?region=630105&year=2024');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="commitments-630105-2024.csv"');
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '')).not.toContain('\n');
      const rows = records(parseCsv(text));
      expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['编号', '事项', '原文', '目标值', '序时进度（%）', '进度状态', '预警']));
      const forest = rows.find((row) => row['原文'] === '实施退化林分改造2万亩');
      expect(forest).toMatchObject({ 目标值: '20000', 目标单位: '亩', 主题: '生态环境保护', '实际进度（%）': '60.00', 进度状态: '超序时', 预警: '绿' });
      // The bound keeps its direction in the export: 92%以上 is at least 92%.
      expect(rows.find((row) => row['原文'] === '确保空气质量优良率达到92%以上')).toMatchObject({ 目标值: '92', 目标限定: '不少于' });
      const overdue = rows.find((row) => row['编号'] === String(overdueId));
      expect(overdue).toMatchObject({ 事项: '建成"口袋公园",3处', 时限: '2024-03-31', 进度状态: '逾期', 预警: '红' });
    });

    it('writes budget lines to XLSX with exact amounts as numbers in a 元 format', async () => {
      const response = await api.app.inject('/api/exports/budget-lines.xlsx?region=630105&year=2023');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const sheet = await readWorkbook(response.rawPayload);
      expect(sheet.name).toBe('预算科目');
      const rows = sheetRecords(sheet);
      const total = rows.find((row) => row.values['口径']?.value === '总额');
      expect(total?.values['报告中的名称']?.value).toBe('一般公共预算支出');
      expect(total?.values['金额（元）']?.value).toBe(2198000000);
      expect(total?.values['金额（元）']?.numFmt).toBe('#,##0" 元"');
      const culture = rows.find((row) => row.values['报告中的名称']?.value === '文化科技');
      expect(culture?.values['金额（元）']?.value).toBe(35220000);
      expect(culture?.values['支出功能分类代码']?.value).toBe('207');
      expect(culture?.values['支出功能分类']?.value).toBe('文化旅游体育与传媒');
      expect(culture?.values['年度']?.value).toBe(2023);
    });

    it('writes commitment targets as numbers with a format that shows every digit, under a header with a filter', async () => {
      const sheet = await readWorkbook((await api.app.inject('/api/exports/commitments.xlsx?region=630105&year=2024')).rawPayload);
      const forest = sheetRecords(sheet).find((row) => row.values['原文']?.value === '实施退化林分改造2万亩');
      expect(forest?.values['目标值']?.value).toBe(20000);
      // Without a format Excel shows a General number, and 2.1E+11 for a large target.
      expect(forest?.values['目标值']?.numFmt).toBe('#,##0');
      expect(forest?.values['实际进度（%）']?.numFmt).toBe('#,##0.00');
      // Read back, the filter is the header row's range, first column to last.
      expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(sheet.columnCount).letter}1`);
    });

    it('keeps an amount with more digits than a spreadsheet holds as exact text', async () => {
      await api.database.db
        .insertInto('budget_lines')
        .values({ region_code: '630105', year: 2021, phase: 'approved', scope: 'total', label: '超长金额', amount_yuan: '123456789012345678.25' })
        .execute();
      const sheet = await readWorkbook((await api.app.inject('/api/exports/budget-lines.xlsx?region=630105&year=2021')).rawPayload);
      const line = sheetRecords(sheet).find((row) => row.values['报告中的名称']?.value === '超长金额');
      expect(line?.values['金额（元）']?.value).toBe('123456789012345678.25');
      const csv = records(parseCsv((await api.app.inject('/api/exports/budget-lines.csv?region=630105&year=2021')).body.slice(1)));
      expect(csv.find((row) => row['报告中的名称'] === '超长金额')?.['金额（元）']).toBe('123456789012345678.25');
      const json = (await api.app.inject('/api/exports/budget-lines.json?region=630105&year=2021')).json() as { items: { label: string; amount: string }[] };
      expect(json.items.find((item) => item.label === '超长金额')?.amount).toBe('123456789012345678.25');
    });

    it('writes progress updates in all three formats with the same values', async () => {
      const csv = records(parseCsv((await api.app.inject('/api/exports/progress.csv?region=630105&year=2024')).body.slice(1)));
      const update = csv.find((row) => row['完成量'] === '12000');
      expect(update).toMatchObject({ 事项: '实施退化林分改造2万亩', 填报日期: '2024-06-30', 单位: '亩', 说明: '已完成造林1.2万亩，"春季"完成,秋季续建', 填报人: '管理员' });

      const sheet = await readWorkbook((await api.app.inject('/api/exports/progress.xlsx?region=630105&year=2024')).rawPayload);
      expect(sheet.name).toBe('进展填报');
      const row = sheetRecords(sheet).find((item) => item.values['完成量']?.value === 12000);
      expect(row?.values['说明']?.value).toBe('已完成造林1.2万亩，"春季"完成,秋季续建');
      const reportedOn = row?.values['填报日期']?.value;
      expect(reportedOn instanceof Date ? reportedOn.toISOString().slice(0, 10) : reportedOn).toBe('2024-06-30');

      const json = (await api.app.inject('/api/exports/progress.json?region=630105&year=2024')).json() as {
        dataset: string;
        columns: { key: string; header: string }[];
        items: Record<string, unknown>[];
      };
      expect(json.dataset).toBe('progress');
      expect(json.columns.find((column) => column.key === 'amount')?.header).toBe('完成量');
      expect(json.items.find((item) => item['amount'] === '12000')).toMatchObject({ reported_on: '2024-06-30', target_unit: '亩' });
    });

    it('exports a corrected report and its correction, the correction naming the report and the reason', async () => {
      const wrong = (await api.admin.post(`/api/commitments/${overdueId}/progress`, { reported_on: '2024-03-01', amount: '0.2' })).json() as { id: number };
      const fixed = await api.admin.post(`/api/progress/${wrong.id}/correction`, { reported_on: '2024-03-01', amount: '2', reason: '小数点位置错误' });
      expect(fixed.statusCode, fixed.body).toBe(201);
      const json = (await api.app.inject('/api/exports/progress.json?region=630105&year=2024')).json() as { items: Record<string, unknown>[] };
      expect(json.items.find((item) => item['id'] === wrong.id)).toMatchObject({ amount: '0.2', corrects_id: null });
      expect(json.items.find((item) => item['corrects_id'] === wrong.id)).toMatchObject({ amount: '2', correction_reason: '小数点位置错误' });
    });

    it('lists the red and yellow commitments as warnings, red first, with the reason', async () => {
      const json = (await api.app.inject('/api/exports/warnings.json?region=630105&year=2024')).json() as { items: Record<string, unknown>[] };
      expect(json.items.length).toBeGreaterThan(0);
      expect(json.items.every((item) => item['warning'] === '红' || item['warning'] === '黄')).toBe(true);
      const colours = json.items.map((item) => item['warning']);
      expect(colours.indexOf('黄') === -1 || colours.lastIndexOf('红') < colours.indexOf('黄')).toBe(true);
      expect(json.items.find((item) => item['commitment_id'] === overdueId)).toMatchObject({ warning: '红', schedule_status: '逾期', deadline: '2024-03-31' });
      const all = (await api.app.inject('/api/exports/commitments.json?region=630105&year=2024')).json() as { items: Record<string, unknown>[] };
      expect(json.items.length).toBe(all.items.filter((item) => item['warning'] === '红' || item['warning'] === '黄').length);
    });

    it('leaves unpublished commitments out of public exports and keeps them in staff exports', async () => {
      const before = (await api.app.inject(`/api/commitments/${overdueId}`)).json() as { version: number };
      const hidden = await api.admin.patch(`/api/commitments/${overdueId}`, { version: before.version, published: false });
      expect(hidden.statusCode, hidden.body).toBe(200);
      const json = (await api.app.inject('/api/exports/commitments.json?region=630105&year=2024')).json() as { items: Record<string, unknown>[] };
      expect(json.items.some((item) => item['id'] === overdueId)).toBe(false);
      const staff = (await api.admin.request({ method: 'GET', url: '/api/exports/commitments.json?region=630105&year=2024' })).json() as { items: Record<string, unknown>[] };
      expect(staff.items.find((item) => item['id'] === overdueId)).toMatchObject({ published: false });
      const shown = await api.admin.patch(`/api/commitments/${overdueId}`, { version: before.version + 1, published: true });
      expect(shown.statusCode, shown.body).toBe(200);
    });

    it('publishes budget lines as a Fiscal Data Package whose CSV resource matches its schema', async () => {
      const descriptor = (await api.app.inject('/api/exports/fiscal-data-package/630105/datapackage.json')).json() as {
        profile: string;
        resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
        model: { measures: Record<string, { source: string; currency: string }>; dimensions: Record<string, { attributes: Record<string, { source: string }> }> };
      };
      expect(descriptor.profile).toBe('fiscal-data-package');
      expect(descriptor.model.measures['amount']).toMatchObject({ source: 'amount', currency: 'CNY' });
      expect(descriptor.model.dimensions['functional-classification']?.attributes['code']?.source).toBe('functional_code');
      expect(descriptor.model.dimensions['phase']?.attributes['code']?.source).toBe('phase');
      const resource = descriptor.resources[0];
      expect(resource?.path).toBe('budget-lines.csv');

      const csvResponse = await api.app.inject(`/api/exports/fiscal-data-package/630105/${resource?.path}`);
      expect(csvResponse.statusCode).toBe(200);
      expect(csvResponse.rawPayload[0]).not.toBe(0xef);
      const rows = parseCsv(csvResponse.body);
      expect(rows[0]).toEqual(resource?.schema.fields.map((field) => field.name));
      const lines = records(rows);
      const education = lines.find((line) => line['label'] === '教育建设' && line['fiscal_year'] === '2023');
      expect(education).toMatchObject({ phase: 'executed', functional_code: '205', functional_name: '教育', amount: '342000000' });
      const sources = Object.values(descriptor.model.dimensions).flatMap((dimension) => Object.values(dimension.attributes).map((attribute) => attribute.source));
      for (const source of [...sources, 'amount']) expect(rows[0]).toContain(source);
    });

    it('answers 400 for an unknown dataset or format and 404 for an unknown region', async () => {
      expect((await api.app.inject('/api/exports/secrets.csv')).statusCode).toBe(400);
      expect((await api.app.inject('/api/exports/commitments.pdf')).statusCode).toBe(400);
      expect((await api.app.inject('/api/exports/fiscal-data-package/999999/datapackage.json')).statusCode).toBe(404);
    });
  });
}
