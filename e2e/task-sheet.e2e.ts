/**
 * 导入分解表 in a real browser: an admin uploads an Excel 任务分解表 for 城北区's 2024 plan; the preview names the row
 * with an unknown unit and the row with an impossible date and the confirm stays off; the fixed sheet previews clean,
 * is confirmed, and its tasks are in the staff list; the task table's export downloads the same shape back.
 * Self-contained (its own units, the demo plan), so `--only 分解表` runs it alone; it runs last, as it adds tasks.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, sessionCaller, signedInContext, type Scenario } from './harness.ts';

const UNITS = ['区统计局', '区审计局', '区市场监管局'];
const ROWS = 12;
/** A run-unique word in every task, so the tasks of this run are found again whatever ran before. */
const MARK = `分解${Date.now().toString(36)}`;

/** The sheet as an office keeps it: a title row, then headers; row 5 names an unknown unit, row 8 a 2月30日. */
async function writeSheet(path: string, isFixed: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分解表');
  sheet.addRow(['城北区2024年重点任务分解表']);
  sheet.mergeCells(1, 1, 1, 6);
  sheet.addRow(['序号', '任务内容', '量化目标', '牵头单位', '配合单位', '完成时限']);
  for (let index = 0; index < ROWS; index += 1) {
    const lead = !isFixed && index === 2 ? '区不存在局' : UNITS[index % UNITS.length]!;
    const deadline = !isFixed && index === 5 ? '2024年2月30日' : ['2024年12月底', '10月底', '持续推进'][index % 3]!;
    sheet.addRow([`${MARK}-${index + 1}`, `${MARK}第${index + 1}项：推进统计监测和审计整改`, `不少于${(index + 1) * 10}个`, lead, UNITS[(index + 1) % UNITS.length]!, deadline]);
  }
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

export const taskSheetScenarios: Scenario[] = [
  {
    name: 'admin uploads a 任务分解表: rows in error named by row number, nothing written; the fixed sheet previews clean, is confirmed and exported back',
    async run(context) {
      const { server } = context;
      const session = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);
      const api = sessionCaller(server.baseUrl, session);
      for (const name of UNITS) {
        const added = await api('POST', '/api/units', { region_code: '630105', name });
        assert(added.status === 201, `unit ${name}: ${added.status}`);
      }
      const folder = await mkdtemp(join(tmpdir(), 'duixian-sheet-'));
      const listed = async () =>
        (await api<{ items: { title: string; deadline: string | null; units: { name: string; role: string }[] }[] }>('GET', `/api/staff/commitments?region=630105&year=2024&q=${encodeURIComponent(MARK)}&page_size=500`)).body.items;
      try {
        const broken = join(folder, '分解表-有错误.xlsx');
        const fixed = join(folder, '分解表.xlsx');
        await writeSheet(broken, false);
        await writeSheet(fixed, true);

        for (const viewport of ['desktop', 'phone'] as const) {
          const browser = await signedInContext(context, session.cookies, viewport, 'zh');
          const page = await browser.newPage();
          await page.goto(`${server.baseUrl}/#/staff/task-sheet?region=630105&year=2024`);
          await page.getByLabel('任务分解表文件（.xlsx）').setInputFiles(broken);
          await page.getByRole('button', { name: '预览' }).click();
          await expectText(page, '2 行有错误');
          // Title in row 1, headers in row 2: the third task is row 5, the sixth row 8.
          await expectText(page, '第 5 行有错误');
          await expectText(page, '牵头单位“区不存在局”不在城北区的单位名录中');
          await expectText(page, '第 8 行有错误');
          await expectText(page, '完成时限“2024年2月30日”不是有效日期');
          assert((await page.locator('tr.sheet-row-error').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')))).join() === '5,8', 'rows 5 and 8 are highlighted');
          assert(await page.getByRole('button', { name: `确认导入（${ROWS} 行）` }).isDisabled(), 'the confirm is off while a row is in error');
          await page.screenshot({ path: join(SCREENSHOT_DIR, `staff-task-sheet-errors-${viewport}-zh.png`), fullPage: true });
          if (viewport === 'phone') {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert(overflow <= 0, `the import page scrolls sideways by ${overflow}px on a phone`);
          }
          await browser.close();
        }
        assert((await listed()).length === 0, 'nothing is written while rows are in error');

        // The clean preview on a phone, in English.
        const phone = await signedInContext(context, session.cookies, 'phone', 'en');
        const phonePage = await phone.newPage();
        await phonePage.goto(`${server.baseUrl}/#/staff/task-sheet?region=630105&year=2024`);
        await phonePage.getByLabel('Task sheet file (.xlsx)').setInputFiles(fixed);
        await phonePage.getByRole('button', { name: 'Preview' }).click();
        await expectText(phonePage, 'No errors: ready to import.');
        await phonePage.screenshot({ path: join(SCREENSHOT_DIR, 'staff-task-sheet-preview-phone-en.png'), fullPage: true });
        const phoneOverflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert(phoneOverflow <= 0, `the preview scrolls sideways by ${phoneOverflow}px on a phone`);
        await phone.close();

        const browser = await signedInContext(context, session.cookies, 'desktop', 'zh');
        const page = await browser.newPage();
        await page.goto(`${server.baseUrl}/#/staff/task-sheet?region=630105&year=2024`);
        await page.getByLabel('任务分解表文件（.xlsx）').setInputFiles(fixed);
        await page.getByRole('button', { name: '预览' }).click();
        await expectText(page, `共 ${ROWS} 行：新增 ${ROWS}，更新 0，无变化 0`);
        await expectText(page, '没有错误，可以导入。');
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-task-sheet-preview-desktop-zh.png'), fullPage: true });
        await page.getByRole('button', { name: `确认导入（${ROWS} 行）` }).click();
        await expectText(page, `已导入：新增 ${ROWS} 项，更新 0 项，无变化 0 项。`);
        const tasks = await listed();
        assert(tasks.length === ROWS, `${ROWS} tasks written, found ${tasks.length}`);
        const first = tasks.find((task) => task.title.startsWith(`${MARK}第1项`));
        assert(first?.deadline === '2024-12-31', `12月底 → 2024-12-31: ${first?.deadline}`);
        assert(first.units.some((unit) => unit.role === 'lead' && unit.name === UNITS[0]), `led by ${UNITS[0]}: ${JSON.stringify(first.units)}`);

        // The task table's export, filtered to this run's tasks, in the shape the import reads.
        await page.getByRole('link', { name: '查看任务分解' }).click();
        await page.getByRole('search').getByLabel('搜索标题').fill(MARK);
        await expectText(page, `共 ${ROWS} 项`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-task-sheet-export-desktop-zh.png') });
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出分解表（.xlsx）' }).click()]);
        const saved = join(folder, 'export.xlsx');
        await download.saveAs(saved);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await readFile(saved)) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        const headers = (sheet.getRow(2).values as unknown[]).slice(1).join();
        assert(headers === '序号,任务,目标,牵头单位,配合单位,完成时限', `export headers: ${headers}`);
        assert(sheet.rowCount === ROWS + 2, `the export holds the ${ROWS} filtered tasks below title and headers: ${sheet.rowCount - 2}`);
        await browser.close();
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  },
];
