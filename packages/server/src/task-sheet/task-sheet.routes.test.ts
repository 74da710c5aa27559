import { testEngines } from '@duixian/storage/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, openTestApp, type TestApp } from '../test-support.ts';

/** 12:00 in Beijing on 2025-03-10. */
const MARCH_10_2025 = new Date('2025-03-10T04:00:00Z');
const UNITS = ['区发改局', '区财政局', '区教育局', '区住建局', '区生态环境局', '区人社局'];
const DEADLINE_FORMS = ['2025年12月底', '2025-06-30', '9月底', '年底', '持续推进', '三季度末'];
const TARGET_FORMS = ['不少于500人', '2万亩', '8%左右', '不超过35微克/立方米', '', '新建公园3个'];

interface Preview {
  plan_id: number | null;
  header_row: number;
  not_stored_headers: string[];
  rows: {
    row: number;
    serial: string | null;
    title: string;
    target_value: string | null;
    target_unit: string | null;
    target_comparator: string | null;
    lead_unit: { name: string } | null;
    supporting_units: { name: string }[];
    deadline: string | null;
    leader: string | null;
    action: string;
    errors: string[];
  }[];
  error_rows: number;
  counts: { create: number; update: number; unchanged: number };
}

interface Task {
  id: number;
  external_id: string | null;
  title: string;
  target_value: string | null;
  target_unit: string | null;
  target_comparator: string | null;
  deadline: string | null;
  units: { name: string; role: string }[];
}

/** A 分解表 as an office keeps it: a title row, then headers in their own words, then `count` task rows. */
async function buildSheet(count: number, change: (row: (string | number | Date)[], index: number) => void = () => {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分解表');
  sheet.addRow(['城北区2025年政府工作报告重点任务分解表']);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow(['序号', '工作任务', '量化目标', '责任单位', '协办单位', '完成时间', '分管领导', '备注']);
  for (let index = 0; index < count; index += 1) {
    const row: (string | number | Date)[] = [
      index + 1,
      `第${index + 1}项重点任务：推进城北片区项目建设`,
      TARGET_FORMS[index % TARGET_FORMS.length]!,
      UNITS[index % UNITS.length]!,
      `${UNITS[(index + 1) % UNITS.length]}、${UNITS[(index + 2) % UNITS.length]}`,
      DEADLINE_FORMS[index % DEADLINE_FORMS.length]!,
      '张副区长',
      '',
    ];
    change(row, index);
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

for (const engine of testEngines()) {
  describe(`任务分解表 import and export on ${engine}`, () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await openTestApp(engine, { now: () => MARCH_10_2025, seedDemo: false });
      await api.database.repositories.regions.ensure({ code: '630105', name: '城北区', parentCode: null });
      await api.database.repositories.regions.ensure({ code: '630104', name: '城西区', parentCode: null });
      for (const name of UNITS) await api.database.repositories.regions.ensureUnit('630105', name);
      // A unit of the same name elsewhere is not 城北区's.
      await api.database.repositories.regions.ensureUnit('630104', '区统计局');
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    const upload = (action: 'preview' | 'import', bytes: Uint8Array, year = 2025) =>
      api.admin.request({
        method: 'POST',
        url: `/api/staff/task-sheet/${action}`,
        ...multipart({ name: '分解表.xlsx', content: bytes }, { region_code: '630105', year: String(year) }),
      });
    const planTasks = async (year: number): Promise<Task[]> => {
      const plan = await api.database.repositories.plans.find('630105', year);
      if (!plan) return [];
      const page = await api.admin.request({ method: 'GET', url: `/api/staff/commitments?plan_id=${plan.id}&page_size=500` });
      return (page.json() as { items: Task[] }).items;
    };

    it('reports an unknown unit and an impossible date by row number, and writes nothing', async () => {
      const bytes = await buildSheet(20, (row, index) => {
        if (index === 6) row[3] = '区统计局';
        if (index === 11) row[5] = '2025年2月30日';
      });
      const preview = await upload('preview', bytes);
      expect(preview.statusCode, preview.body).toBe(200);
      const body = preview.json() as Preview;
      expect(body.error_rows).toBe(2);
      // Title in row 1, headers in row 2: task 7 is on row 9, task 12 on row 14.
      const failing = body.rows.filter((row) => row.errors.length > 0);
      expect(failing.map((row) => row.row)).toEqual([9, 14]);
      expect(failing[0]!.errors.join()).toContain('牵头单位“区统计局”不在城北区的单位名录中');
      expect(failing[1]!.errors.join()).toContain('完成时限“2025年2月30日”不是有效日期');

      const refused = await upload('import', bytes);
      expect(refused.statusCode, refused.body).toBe(422);
      const error = (refused.json() as { error: { code: string; details: Preview } }).error;
      expect(error.code).toBe('task_sheet/rows');
      expect(error.details.rows.filter((row) => row.errors.length > 0).map((row) => row.row)).toEqual([9, 14]);
      // All or nothing: no plan opened, no task written.
      expect(await api.database.repositories.plans.find('630105', 2025)).toBeUndefined();
      expect(await planTasks(2025)).toEqual([]);
    });

    it('previews a 200-row sheet without writing, then writes its 200 tasks on confirm', async () => {
      const bytes = await buildSheet(200);
      const preview = await upload('preview', bytes);
      expect(preview.statusCode, preview.body).toBe(200);
      const body = preview.json() as Preview;
      expect(body.header_row).toBe(2);
      expect(body.rows).toHaveLength(200);
      expect(body.error_rows).toBe(0);
      expect(body.counts).toEqual({ create: 200, update: 0, unchanged: 0 });
      expect(body.not_stored_headers).toEqual(['分管领导', '备注']);
      const first = body.rows[0]!;
      expect(first).toMatchObject({
        row: 3,
        serial: '1',
        target_value: '500',
        target_unit: '人',
        target_comparator: '>=',
        lead_unit: { name: '区发改局' },
        supporting_units: [{ name: '区财政局' }, { name: '区教育局' }],
        deadline: '2025-12-31',
        leader: '张副区长',
      });
      expect(body.rows.slice(1, 6).map((row) => row.deadline)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31', null, '2025-09-30']);
      expect(body.rows.slice(1, 6).map((row) => [row.target_value, row.target_unit, row.target_comparator])).toEqual([
        ['20000', '亩', '='],
        ['8', '%', '~'],
        ['35', '微克/立方米', '<='],
        [null, null, null],
        ['3', '个', '='],
      ]);
      expect(await planTasks(2025)).toEqual([]);

      const imported = await upload('import', bytes);
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ created: 200, updated: 0, unchanged: 0 });
      const tasks = await planTasks(2025);
      expect(tasks).toHaveLength(200);
      const seventh = tasks.find((task) => task.title.startsWith('第7项'))!;
      expect(seventh.units).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: '区发改局', role: 'lead' }),
          expect.objectContaining({ name: '区财政局', role: 'supporting' }),
        ]),
      );

      // The same sheet again names the same tasks by their 序号: nothing added, nothing changed.
      const again = await upload('import', bytes);
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 200 });
      expect(await planTasks(2025)).toHaveLength(200);

      // A row changed in the sheet changes its task, and only that one.
      const moved = await upload('import', await buildSheet(200, (row, index) => {
        if (index === 0) row[5] = '2025年9月底';
      }));
      expect(moved.json()).toMatchObject({ created: 0, updated: 1, unchanged: 199 });
      const tasksAfter = await planTasks(2025);
      expect(tasksAfter).toHaveLength(200);
      expect(tasksAfter.find((task) => task.title.startsWith('第1项'))?.deadline).toBe('2025-09-30');
    }, 120_000);

    it('exports the task table in the shape it imports, and importing the export gives the same tasks', async () => {
      const exported = await api.admin.request({ method: 'GET', url: '/api/staff/task-sheet.xlsx?region=630105&year=2025' });
      expect(exported.statusCode, exported.body.slice(0, 200)).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(2).values).toEqual([undefined, '序号', '任务', '目标', '牵头单位', '配合单位', '完成时限']);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.autoFilter).toBe('A2:F2');
      expect(sheet.rowCount).toBe(202);
      const deadlineCell = sheet.getRow(3).getCell(6);
      // The first task's deadline, as the changed sheet left it.
      expect(deadlineCell.value).toEqual(new Date('2025-09-30T00:00:00Z'));
      expect(deadlineCell.numFmt).toBe('yyyy-mm-dd');
      expect(sheet.getRow(3).getCell(1).numFmt).toBe('0');
      expect(sheet.getRow(4).getCell(3).value).toBe('2万亩');

      // Into another year's plan (a new one): the same tasks, field by field.
      const imported = await upload('import', exported.rawPayload, 2026);
      expect(imported.statusCode, imported.body).toBe(201);
      expect(imported.json()).toMatchObject({ created: 200 });
      const shape = (task: Task) => ({
        title: task.title,
        target_value: task.target_value === null ? null : Number(task.target_value),
        target_unit: task.target_unit,
        target_comparator: task.target_comparator,
        deadline: task.deadline,
        units: task.units.map((unit) => `${unit.role}:${unit.name}`).sort(),
      });
      const before = (await planTasks(2025)).map(shape);
      const after = (await planTasks(2026)).map(shape);
      expect(after).toEqual(before);
    }, 120_000);

    it('reads the target from the task itself when the sheet has no 目标 column', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('分解表');
      sheet.addRow(['序号', '重点任务', '牵头单位']);
      sheet.addRow([1, '新增城镇就业5000人以上', '区人社局']);
      sheet.addRow([2, '持续优化营商环境', '区发改局']);
      sheet.addRow([3, '投资3亿元，建成幼儿园5所', '区教育局']);
      const preview = (await upload('preview', Buffer.from(await workbook.xlsx.writeBuffer()))).json() as Preview;
      expect(preview.rows.map((row) => [row.target_value, row.target_unit, row.target_comparator])).toEqual([
        ['5000', '人', '>='],
        [null, null, null],
        [null, null, null],
      ]);
    });

    it('keeps the task table to staff and refuses a file that is not a 分解表', async () => {
      const anonymous = await api.app.inject({ method: 'GET', url: '/api/staff/task-sheet.xlsx?region=630105&year=2025' });
      expect(anonymous.statusCode).toBe(401);
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1').addRow(['姓名', '电话']);
      const notASheet = await upload('preview', Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(notASheet.statusCode).toBe(422);
      expect((notASheet.json() as { error: { message: string } }).error.message).toContain('未找到表头');
      const garbage = await upload('preview', Buffer.from('not a workbook'));
      expect(garbage.statusCode).toBe(422);
    });
  });
}
