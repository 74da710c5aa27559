/**
 * 销号 (issue 18) in the browser: a unit editor asks to close its own item with a note and a file; the supervisor
 * refuses with a reason (confirmed); the editor reads 未通过：reason and asks again; the supervisor approves (confirmed)
 * and the item shows 已销号 and done. Sets up its own unit, item and accounts, so `--only 销号` runs it alone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, sessionCaller, signedInContext, VIEWPORTS, type E2eContext, type Scenario } from './harness.ts';

const REGION = '630105';
const UNIT = '销号测试水务局';
const ITEM = '销号测试：改造老旧供水管网12公里';
const NOTE = '12公里管网已全部改造完成并通水';
const REASON = '缺少竣工验收单，请补充后再申请';

async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const viewport of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}-zh.png`), fullPage: true });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(sideways <= 0, `${name} at ${viewport} width scrolls sideways by ${sideways}px`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

async function signedInPage(context: E2eContext, cookies: readonly string[]): Promise<Page> {
  const browser = await signedInContext(context, cookies, 'desktop');
  const page = await browser.newPage();
  // Each decision asks for confirmation; the scenario confirms.
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

export const closureScenarios: Scenario[] = [
  {
    name: '销号: an editor asks to close its item, the supervisor refuses with a reason, the editor asks again, the supervisor approves and the item is done',
    async run(context) {
      const { server } = context;
      const adminSession = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);
      const admin = sessionCaller(server.baseUrl, adminSession);
      const plans = await admin<{ items: { id: number; year: number }[] }>('GET', `/api/plans?region=${REGION}`);
      const plan = plans.body.items.sort((a, b) => a.year - b.year)[0];
      assert(plan, 'a plan of 城北区 exists (the demo)');
      const unitId = (await admin<{ id: number }>('POST', '/api/units', { region_code: REGION, name: UNIT })).body.id;
      const created = await admin<{ id: number }>('POST', '/api/commitments', { plan_id: plan.id, title: ITEM, target_value: '12', target_unit: '公里', lead_unit_id: unitId });
      assert(created.status === 201, `the item is created (${created.status})`);
      await server.addUser({ username: 'xiaohao_sw', password: 'xiaohao-sw-Pw-2025', role: 'unit_editor', unitId, displayName: '水务局填报员' });
      await server.addUser({ username: 'xiaohao_dc', password: 'xiaohao-dc-Pw-2025', role: 'supervisor', displayName: '督查室审核员' });
      const editorSession = await apiSignIn(server.baseUrl, 'xiaohao_sw', 'xiaohao-sw-Pw-2025');
      const supervisorSession = await apiSignIn(server.baseUrl, 'xiaohao_dc', 'xiaohao-dc-Pw-2025');
      const progressUrl = `${server.baseUrl}/#/staff/progress?region=${REGION}&year=${plan.year}`;
      const reviewUrl = `${server.baseUrl}/#/staff/progress-review?region=${REGION}&year=${plan.year}`;

      // The editor asks: the note is required; a file goes with it.
      const editor = await signedInPage(context, editorSession.cookies);
      await editor.goto(progressUrl);
      const panel = editor.getByRole('region', { name: `申请销号: ${ITEM}` });
      await panel.waitFor();
      await panel.getByLabel('销号说明（必填）').fill(NOTE);
      await panel.getByLabel('佐证材料（照片、文件）').setInputFiles({ name: '管网改造完工照片.png', mimeType: 'image/png', buffer: await editor.screenshot({ type: 'png' }) });
      await panel.getByRole('button', { name: '申请销号' }).click();
      await panel.locator('[data-closure="pending"]').getByText('待审核').waitFor();
      assert((await panel.locator('form').count()) === 0, 'no second request while one waits');

      // The supervisor sees item, unit, note and file, and refuses: a reason is required.
      const supervisor = await signedInPage(context, supervisorSession.cookies);
      await supervisor.goto(reviewUrl);
      const request = supervisor.getByRole('listitem', { name: ITEM });
      await request.getByText(NOTE).waitFor();
      await request.getByText(`申请单位：${UNIT}`).waitFor();
      assert((await request.locator('.evidence img').count()) === 1, 'the reviewer sees the photo');
      await screenshotBoth(supervisor, 'staff-closure-review');
      // In English, at phone width, the same request reads in English and does not scroll sideways.
      const english = await signedInContext(context, supervisorSession.cookies, 'phone', 'en');
      const englishPage = await english.newPage();
      await englishPage.goto(reviewUrl);
      await englishPage.getByRole('listitem', { name: ITEM }).getByRole('button', { name: 'Approve closing' }).waitFor();
      await englishPage.screenshot({ path: join(SCREENSHOT_DIR, 'staff-closure-review-phone-en.png'), fullPage: true });
      const englishSideways = await englishPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(englishSideways <= 0, `the English review scrolls sideways by ${englishSideways}px`);
      await english.close();
      await request.getByRole('button', { name: '不同意' }).click();
      await request.getByRole('alert').getByText('请填写不同意的原因').waitFor();
      await request.getByLabel('不同意的原因').fill(REASON);
      await request.getByRole('button', { name: '不同意' }).click();
      await expectText(supervisor, '没有待审核的销号申请');

      // The editor reads the reason and asks again.
      await editor.reload();
      await panel.locator('[data-closure="refused"]').getByText(`未通过：${REASON}`).waitFor();
      await screenshotBoth(editor, 'staff-closure-refused');
      await panel.getByLabel('销号说明（必填）').fill(`${NOTE}，已补充竣工验收单`);
      await panel.getByRole('button', { name: '重新申请销号' }).click();
      await panel.locator('[data-closure="pending"]').waitFor();

      // The supervisor approves; the item is closed and done.
      await supervisor.reload();
      await supervisor.getByRole('listitem', { name: ITEM }).getByRole('button', { name: '同意销号' }).click();
      await expectText(supervisor, '没有待审核的销号申请');
      await editor.reload();
      await panel.locator('[data-closure="approved"]').getByText('已销号').waitFor();
      // The item's own row shows it done (approval records a 'done' report).
      await editor.locator(`.commitment-item:has-text("${ITEM}") .badge`).getByText('已完成').waitFor();
      await screenshotBoth(editor, 'staff-closure-approved');
      await editor.context().close();
      await supervisor.context().close();
    },
  },
];
