/**
 * The staff: a supervisor signs in, uploads a report, accepts two commitments and assigns them to two units; a unit
 * editor signs in, reports progress with a photo on one and cannot see the other; once the 督查室 approved it (see
 * progress-review.e2e.ts) the visitor sees the progress.
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { apiSession, assert, expectText, ROOT, SCREENSHOT_DIR, type E2eContext, type Scenario } from './harness.ts';

const REPORT = join(ROOT, 'e2e/fixtures/chengbei-2025-work-plan.txt');
const FIRST = '完成北山造林绿化1.5万亩';
const SECOND = '新建社区养老服务站6个';
const FORESTRY = '区林业和草原局';
const CIVIL = '区民政局';

async function signIn(page: import('playwright-core').Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/#/staff/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

async function prepareAccounts({ server, shared }: E2eContext) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const admin = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
  const unitIds: number[] = [];
  for (const name of [FORESTRY, CIVIL]) {
    const answer = await admin<{ id: number }>('POST', '/api/units', { region_code: '630105', name });
    assert(answer.status === 201, `creating unit ${name} answered ${answer.status}`);
    unitIds.push(answer.body.id);
  }
  await server.addUser({ username: 'duchashi', password: 'supervisor-Pw-2025', role: 'supervisor', displayName: '督查室' });
  await server.addUser({ username: 'linye', password: 'unit-editor-Pw-2025', role: 'unit_editor', unitId: unitIds[0]!, displayName: '林草局填报员' });
  shared.set('unitIds', unitIds);
}

export const staffScenarios: Scenario[] = [
  {
    name: 'supervisor signs in, uploads a report, accepts two commitments and assigns them to units',
    async run(context) {
      await prepareAccounts(context);
      const { server, newContext, shared } = context;
      const browser = await newContext('desktop', 'zh');
      const page = await browser.newPage();
      await signIn(page, server.baseUrl, 'duchashi', 'supervisor-Pw-2025');
      await page.getByRole('link', { name: '上传报告' }).click();
      await page.getByLabel('报告年度').fill('2025');
      await page.getByLabel('报告文件').setInputFiles(REPORT);
      await page.getByRole('button', { name: '上传并提取' }).click();
      await expectText(page, '已导入');
      await page.locator('progress[value="1"]').waitFor();
      await page.locator('.notice').getByRole('link', { name: '审核' }).click();
      await page.getByLabel(`选择: ${FIRST}`).check();
      await page.getByLabel(`选择: ${SECOND}`).check();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-review-desktop-zh.png'), fullPage: true });
      await page.getByRole('button', { name: /采纳所选/ }).click();
      // Accepting asks first, with the count; publishing is a separate choice (these two are for the public views later).
      const confirm = page.getByRole('dialog');
      await confirm.getByText('确认采纳 2 条候选事项？').waitFor();
      await confirm.getByLabel('同时公开（公众可见）').check();
      await confirm.getByRole('button', { name: '确认' }).click();
      await page.getByLabel(`选择: ${FIRST}`).waitFor({ state: 'detached' });
      assert((await page.getByLabel(`选择: ${SECOND}`).count()) === 0, 'both accepted commitments leave the pending queue');

      // Accepting opened the 2025 plan: the year selector offers it without reloading the page.
      await page.getByLabel('地区和年度').selectOption({ label: '城北区 · 2025' });
      await page.getByRole('link', { name: '任务分解' }).click();
      for (const [title, unit] of [[FIRST, FORESTRY], [SECOND, CIVIL]] as const) {
        await page.getByRole('button', { name: `修改：${title}` }).click();
        const editor = page.getByRole('form', { name: `修改：${title}` });
        await editor.getByLabel('牵头单位').selectOption({ label: unit });
        await editor.getByLabel('时限').fill('2025-12-31');
        await editor.getByRole('button', { name: '保存' }).click();
        await editor.getByText('已保存').waitFor({ timeout: 15_000 }).catch(async () => {
          throw new Error(`assigning ${title} failed: ${await editor.innerText()}`);
        });
      }
      const list = (await (await fetch(`${server.baseUrl}/api/commitments?region=630105&year=2025&page_size=100`)).json()) as {
        items: { id: number; title: string; deadline: string | null; units: { name: string; role: string }[] }[];
      };
      const first = list.items.find((item) => item.title === FIRST);
      const second = list.items.find((item) => item.title === SECOND);
      assert(first?.units.some((unit) => unit.name === FORESTRY && unit.role === 'lead'), `${FIRST} is led by ${FORESTRY}`);
      assert(second?.units.some((unit) => unit.name === CIVIL && unit.role === 'lead'), `${SECOND} is led by ${CIVIL}`);
      assert(first?.deadline === '2025-12-31', 'the deadline is stored');
      shared.set('firstId', first!.id);
      shared.set('secondId', second!.id);

      await page.getByRole('link', { name: '预警' }).click();
      await page.getByRole('link', { name: FIRST }).waitFor();
      // Both items have a unit, so nothing is waiting to be assigned; the per-unit table names the forestry bureau.
      await expectText(page, '0 项未分派');
      await page.getByRole('table', { name: '各责任单位预警数' }).getByText(FORESTRY).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-warnings-desktop-zh.png'), fullPage: true });
      await page.getByRole('link', { name: '导出' }).click();
      const csv = page.getByRole('link', { name: 'commitments.csv' });
      await csv.waitFor();
      const download = await page.request.get(new URL((await csv.getAttribute('href'))!, server.baseUrl).href);
      assert(download.ok(), `the commitments export answered ${download.status()}`);
      assert((await download.text()).includes(FIRST), 'the CSV export holds the accepted commitment');
      await browser.close();
    },
  },
  {
    name: 'the uploaded report shows its inconsistent 30.5% in red with the arithmetic',
    async run({ server, newContext }) {
      const browser = await newContext('desktop', 'zh');
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/#/r/630105/2025/documents`);
      await page.getByRole('main').getByRole('link', { name: '城北区2025年重点工作安排' }).click();
      await expectText(page, '1 处不一致');
      const figure = page.locator('button.mark.inconsistent');
      assert((await figure.count()) === 1, `exactly one figure stands out as inconsistent, found ${await figure.count()}`);
      assert((await figure.innerText()).startsWith('30.5%'), `the inconsistent figure is 30.5%, got ${await figure.innerText()}`);
      const colour = await figure.evaluate((element) => getComputedStyle(element).backgroundColor);
      assert(colour !== 'rgba(0, 0, 0, 0)', 'the inconsistent figure is highlighted');
      await figure.click();
      const panel = page.locator('aside.document-panel');
      await panel.getByText('不一致', { exact: true }).first().waitFor();
      assert((await panel.innerText()).includes('(12.5 − 10.2) ÷ 10.2 = 22.55%'), 'the panel shows the arithmetic that fails');
      // Checks are named in words and derived values read as ranges with units, never as ids or '[a, b]'.
      const panelText = await panel.innerText();
      assert(panelText.includes('增长率核对'), `the panel names the check 增长率核对, shows: ${panelText}`);
      assert(!/\[[-\d.]+, [-\d.]+\]/.test(panelText) && !/\bgrowth\b/.test(panelText), `no raw interval or check id in the panel: ${panelText}`);
      assert(/推算区间：[\d.]+%–[\d.]+%/.test(panelText), `the derived range reads like 22.5%–22.6%: ${panelText}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'document-checks-desktop-zh.png'), fullPage: false });
      await browser.close();
    },
  },
  {
    name: "unit editor reports progress with a photo and does not see the other unit's item",
    async run({ server, newContext, shared }) {
      const browser = await newContext('phone', 'zh');
      const page = await browser.newPage();
      await signIn(page, server.baseUrl, 'linye', 'unit-editor-Pw-2025');
      await page.goto(`${server.baseUrl}/#/staff/progress?year=2025`);
      await page.reload();
      await expectText(page, FIRST);
      assert((await page.getByText(SECOND).count()) === 0, `the unit editor must not see ${SECOND} of another unit`);
      const form = page.getByRole('form', { name: `填报进展: ${FIRST}` });
      // The report date defaults to today in China, not the UTC day (they differ from 16:00 UTC to midnight).
      const chinaToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const dateDefault = await form.locator('input[name="reported_on"]').inputValue();
      assert(dateDefault === chinaToday, `the report date defaults to today in China (${chinaToday}), got ${dateDefault}`);
      await form.getByLabel('完成百分比').fill('40');
      await form.getByLabel('说明').fill('已完成北山片区6000亩造林');
      const photo = await page.screenshot({ type: 'png' });
      await form.getByLabel('佐证材料（照片、文件）').setInputFiles({ name: 'beishan-planting.png', mimeType: 'image/png', buffer: photo });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-progress-phone-zh.png'), fullPage: true });
      await form.getByRole('button', { name: '提交' }).click();
      await form.getByText('已提交').waitFor({ timeout: 15_000 }).catch(async () => {
        throw new Error(`progress was not accepted: ${await form.innerText()}`);
      });
      const editor = await apiSession(server.baseUrl, 'linye', 'unit-editor-Pw-2025');
      const other = await editor('POST', `/api/commitments/${String(shared.get('secondId'))}/progress`, { reported_on: '2025-06-30', percent: '99' });
      assert(other.status === 403 || other.status === 404, `writing progress on another unit's item must be refused, got ${other.status}`);
      await browser.close();
    },
  },
  {
    name: 'a new account signs in with its one-time password and must choose its own before any staff page opens',
    async run({ server, newContext }) {
      const admin = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
      const created = await admin<{ one_time_password: string }>('POST', '/api/users', { username: 'xinren', role: 'supervisor', display_name: '新任督查员' });
      assert(created.status === 201, `creating the account answered ${created.status}`);
      const oneTime = created.body.one_time_password;
      const browser = await newContext('desktop', 'zh');
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/#/staff/sign-in`);
      await page.getByLabel('用户名').fill('xinren');
      await page.getByLabel('密码').fill(oneTime);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '设置新密码' }).waitFor();
      assert((await page.getByRole('link', { name: '上传报告' }).count()) === 0, 'no staff page opens before the password is changed');
      await page.getByLabel('当前密码（一次性密码）').fill(oneTime);
      await page.getByLabel('新密码', { exact: true }).fill('xinren-own-Pw-2025');
      await page.getByLabel('再次输入新密码').fill('xinren-own-Pw-2026');
      await page.getByRole('button', { name: '保存新密码' }).click();
      await expectText(page, '两次输入的新密码不一致');
      await page.getByLabel('再次输入新密码').fill('xinren-own-Pw-2025');
      await page.getByRole('button', { name: '保存新密码' }).click();
      await page.getByRole('link', { name: '上传报告' }).waitFor();
      const session = await apiSession(server.baseUrl, 'xinren', 'xinren-own-Pw-2025');
      const unit = await session<{ id: number }>('POST', '/api/units', { region_code: '630105', name: '区审计局' });
      assert(unit.status === 201, `the account writes with its own password, got ${unit.status}`);
      await browser.close();
    },
  },
];

/**
 * Run after the progress review scenarios (e2e/progress-review.e2e.ts): the unit editor's progress is public only once
 * the 督查室 approved it.
 */
export const visitorSeesProgressScenario: Scenario = {
  name: 'the visitor sees the new progress, its photo and the schedule status on the public page',
  async run({ server, newContext, shared }) {
    const browser = await newContext('desktop', 'zh');
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/#/commitments/${String(shared.get('firstId'))}`);
    await expectText(page, FIRST);
    await expectText(page, '已完成北山片区6000亩造林');
    const meter = page.getByRole('meter');
    assert((await meter.getAttribute('aria-valuenow')) === '40', 'the progress bar shows 40%');
    assert((await page.locator('.timeline img').count()) === 1, 'the photo is shown with the update');
    const badge = (await page.locator('.facts .badge').innerText()).trim();
    assert(/提前完成|超序时|按序时|慢序时|逾期|已完成|未完成/.test(badge), `a schedule status is shown, got "${badge}"`);
    // The bar is filled in the status's colour: a 慢序时 bar is not green.
    const badgeColour = /badge-(\w+)/.exec((await page.locator('.facts .badge').getAttribute('class')) ?? '')?.[1];
    const fillClass = (await page.locator('.progress-fill').first().getAttribute('class')) ?? '';
    assert(badgeColour !== undefined && fillClass.includes(`progress-fill-${badgeColour}`), `the bar follows the status colour ${badgeColour}, has "${fillClass}"`);
    // The history names the author and says what changed in words, not in column names.
    const history = page.locator('table.history-table');
    const reported = history.locator('tr', { hasText: '填报进展' }).first();
    const row = await reported.innerText();
    assert(row.includes('林草局填报员') && row.includes('完成比例：40'), `the history row names the author and the field, got "${row}"`);
    const historyText = await history.innerText();
    assert(!/\b(percent|reported_status|deadline|target_comparator)\b/.test(historyText), `no column names in the history: ${historyText}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'commitment-history-desktop-zh.png'), fullPage: true });
    await browser.close();
  },
};
