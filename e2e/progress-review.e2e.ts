/**
 * The 督查室 reviews the units' progress before it is public: the unit editor's report from the staff scenarios waits,
 * unseen by the public, in 进展审核; the supervisor returns it with a reason, the editor reads the reason and reports
 * again, the supervisor approves, and the visitor sees the progress, its photo and the schedule status.
 */
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, signedInContext, VIEWPORTS, type E2eContext, type Scenario } from './harness.ts';

const FIRST = '完成北山造林绿化1.5万亩';
const NOTE = '已完成北山片区6000亩造林';
const REASON = '照片看不清造林地块，请补充清晰照片';

/** A browser context signed in as this user through the API. */
async function contextSignedInAs(context: E2eContext, viewport: 'desktop' | 'phone', username: string, password: string): Promise<BrowserContext> {
  return signedInContext(context, (await apiSignIn(context.server.baseUrl, username, password)).cookies, viewport);
}

/** Full-page screenshots of the open page at desktop and phone width. */
async function screenshotBoth(page: import('playwright-core').Page, name: string): Promise<void> {
  for (const viewport of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}-zh.png`), fullPage: true });
  }
}

export const progressReviewScenarios: Scenario[] = [
  {
    name: "the unit editor's report waits for review: not on the public page; the supervisor returns it with a reason",
    async run(context) {
      const { server, newContext, shared } = context;
      const firstId = String(shared.get('firstId'));
      const visitor = await newContext('desktop', 'zh');
      const publicPage = await visitor.newPage();
      await publicPage.goto(`${server.baseUrl}/#/commitments/${firstId}`);
      await expectText(publicPage, FIRST);
      await expectText(publicPage, '还没有进展填报');
      assert((await publicPage.getByText(NOTE).count()) === 0, 'the pending report must not be on the public page');
      await visitor.close();

      const supervisor = await contextSignedInAs(context, 'desktop', 'duchashi', 'supervisor-Pw-2025');
      const page = await supervisor.newPage();
      // Staff read the report on the commitment page, marked as waiting.
      await page.goto(`${server.baseUrl}/#/commitments/${firstId}`);
      await expectText(page, NOTE);
      await page.locator('.timeline [data-review="pending"]').first().waitFor();
      await screenshotBoth(page, 'commitment-staff-pending');
      await page.setViewportSize(VIEWPORTS.desktop);

      await page.goto(`${server.baseUrl}/#/staff/progress-review?region=630105&year=2025`);
      const report = page.getByRole('listitem', { name: FIRST });
      await report.getByText(NOTE).waitFor();
      assert((await report.locator('.evidence img').count()) === 1, 'the reviewer sees the photo');
      await screenshotBoth(page, 'staff-progress-review');
      await page.setViewportSize(VIEWPORTS.desktop);
      // A return needs a reason.
      await report.getByRole('button', { name: '退回' }).click();
      await report.getByRole('alert').getByText('请填写退回原因').waitFor();
      await report.getByLabel('退回原因').fill(REASON);
      await report.getByRole('button', { name: '退回' }).click();
      await expectText(page, '没有待审核的进展填报');
      await supervisor.close();
    },
  },
  {
    name: 'the unit editor reads the reason and reports again',
    async run(context) {
      const { server } = context;
      const editor = await contextSignedInAs(context, 'phone', 'linye', 'unit-editor-Pw-2025');
      const page = await editor.newPage();
      await page.goto(`${server.baseUrl}/#/staff/progress?year=2025`);
      await expectText(page, `已退回：${REASON}`);
      await expectText(page, '请按退回原因修改后重新填报');
      await screenshotBoth(page, 'staff-progress-returned');
      await page.setViewportSize(VIEWPORTS.phone);
      const form = page.getByRole('form', { name: `填报进展: ${FIRST}` });
      await form.getByLabel('完成百分比').fill('40');
      await form.getByLabel('说明').fill(NOTE);
      const photo = await page.screenshot({ type: 'png' });
      await form.getByLabel('佐证材料（照片、文件）').setInputFiles({ name: 'beishan-planting-clear.png', mimeType: 'image/png', buffer: photo });
      await form.getByRole('button', { name: '提交' }).click();
      await form.getByText('已提交').waitFor({ timeout: 15_000 }).catch(async () => {
        throw new Error(`progress was not accepted: ${await form.innerText()}`);
      });
      await page.locator(`[aria-label="本事项的填报: ${FIRST}"] [data-review="pending"]`).first().waitFor();
      await editor.close();
    },
  },
  {
    name: 'the supervisor approves the report made again',
    async run(context) {
      const { server } = context;
      const supervisor = await contextSignedInAs(context, 'desktop', 'duchashi', 'supervisor-Pw-2025');
      const page = await supervisor.newPage();
      await page.goto(`${server.baseUrl}/#/staff/progress-review?region=630105&year=2025`);
      const report = page.getByRole('listitem', { name: FIRST });
      await report.getByText(NOTE).waitFor();
      await report.getByRole('button', { name: '通过' }).click();
      await expectText(page, '没有待审核的进展填报');
      await supervisor.close();
    },
  },
];
