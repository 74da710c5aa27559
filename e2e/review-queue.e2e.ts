/**
 * The review queue at the size of a real report: a supervisor uploads the 亳州 2024 work report (a public government
 * document, ~420 candidates), narrows the queue to quantified commitments of one theme, selects the filtered set and
 * accepts it through the in-page confirmation that shows the count; the API then shows them accepted and not public,
 * until the supervisor publishes them as a separate step. Phone width: no sideways scroll.
 */
import { join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { apiSignIn, assert, expectText, ROOT, SCREENSHOT_DIR, sessionCaller, signedInContext, type E2eContext, type Scenario } from './harness.ts';

const REPORT = join(ROOT, 'e2e/fixtures/bozhou-2024-work-report.txt');
const REGION = { code: '341600', name: '亳州市' };
const THEME = '加快新型工业化进程';

interface QueueItem {
  id: number;
  status: string;
  entity_id: number | null;
}

async function hasNoSideways(page: import('playwright-core').Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

export const reviewQueueScenarios: Scenario[] = [
  {
    name: 'review queue: 亳州 2024 report, filter to one theme, confirmed bulk accept, nothing public until published',
    async run(context: E2eContext) {
      const { server, log } = context;
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const admin = sessionCaller(server.baseUrl, await apiSignIn(server.baseUrl, server.admin.username, server.admin.password));
      const region = await admin('POST', '/api/regions', { code: REGION.code, name: REGION.name });
      assert(region.status === 201, `creating 亳州市 answered ${region.status}`);

      // The supervisor of the staff scenarios uploads the report.
      const session = await apiSignIn(server.baseUrl, 'duchashi', 'supervisor-Pw-2025');
      const supervisor = sessionCaller(server.baseUrl, session);
      const form = new FormData();
      form.set('region_code', REGION.code);
      form.set('year', '2024');
      form.set('file', new Blob([await readFile(REPORT)], { type: 'text/plain' }), 'bozhou-2024-work-report.txt');
      const uploaded = await supervisor<{ document: { id: number }; review: { pending: number } }>('POST', '/api/documents', form);
      assert(uploaded.status === 201, `uploading the 亳州 report answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
      const documentId = uploaded.body.document.id;
      log(`亳州 2024: ${uploaded.body.review.pending} candidates pending`);
      assert(uploaded.body.review.pending >= 400, `the report gives about 400 candidates, got ${uploaded.body.review.pending}`);

      const filterQuery = `document_id=${documentId}&status=pending&kind=commitment&has_target=true&theme=${encodeURIComponent(THEME)}`;
      const expected = await supervisor<{ ids: number[] }>('GET', `/api/review-items/ids?${filterQuery}`);
      const ids = expected.body.ids;
      assert(ids.length > 5 && ids.length < uploaded.body.review.pending, `the filter narrows the queue, got ${ids.length}`);

      const browser = await signedInContext(context, session.cookies, 'desktop');
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/#/staff/review?document=${documentId}`);
      await page.locator(`.review-count[data-total="${uploaded.body.review.pending}"]`).waitFor();
      // 400 candidates in pages of compact rows, not one 45,000-pixel page.
      const height = (await page.locator('.review-queue').boundingBox())?.height ?? Infinity;
      log(`queue of ${uploaded.body.review.pending} candidates: first page ${height} px high, ${await page.locator('.review-row').count()} rows`);
      assert(height < 12_000, `a page of the queue stays compact, got ${height} px`);
      await page.getByText(`第 1 / ${Math.ceil(uploaded.body.review.pending / 100)} 页`).waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-review-queue-desktop-zh.png') });

      const filters = page.getByRole('form', { name: '筛选' });
      await filters.getByLabel('类型').selectOption('commitment');
      await filters.getByLabel('量化目标').selectOption('true');
      await filters.getByLabel('主题').selectOption(THEME);
      await page.locator(`.review-count[data-total="${ids.length}"]`).waitFor();
      const source = page.locator('.review-row').first().locator('.review-source mark');
      assert((await source.count()) === 1, 'each row shows its source sentence with the span highlighted');
      await page.getByRole('button', { name: `全选筛选结果（${ids.length}）` }).click();
      await page.getByRole('button', { name: `采纳所选（${ids.length}）` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(`确认采纳 ${ids.length} 条候选事项？`).waitFor();
      assert(!(await dialog.getByLabel('同时公开（公众可见）').isChecked()), 'publishing is not chosen by default');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-review-confirm-desktop-zh.png') });
      await dialog.getByRole('button', { name: '确认' }).click();
      await expectText(page, `已处理 ${ids.length} 条。`);

      // Accepted, each a commitment, none public.
      const decided = await supervisor<{ items: QueueItem[]; total: number }>('GET', `/api/review-items?document_id=${documentId}&kind=commitment&has_target=true&theme=${encodeURIComponent(THEME)}&page_size=500`);
      const mine = decided.body.items.filter((item) => ids.includes(item.id));
      assert(mine.length === ids.length && mine.every((item) => item.status === 'accepted' && item.entity_id !== null), 'every filtered candidate is accepted');
      const publicList = async () => ((await (await fetch(`${server.baseUrl}/api/commitments?region=${REGION.code}&year=2024&page_size=500`)).json()) as { total: number }).total;
      assert((await publicList()) === 0, 'nothing is public before it is published');
      const one = await supervisor<{ published: boolean }>('GET', `/api/commitments/${mine[0]!.entity_id}`);
      assert(one.status === 200 && one.body.published === false, 'staff read the accepted commitment, unpublished');
      const anonymous = await fetch(`${server.baseUrl}/api/commitments/${mine[0]!.entity_id}`);
      assert(anonymous.status === 404, `the public cannot read it, got ${anonymous.status}`);

      // Publishing is its own step, with its own confirmation.
      await filters.getByLabel('状态').selectOption('accepted');
      await page.locator(`.review-count[data-total="${ids.length}"]`).waitFor();
      await page.getByRole('button', { name: `全选筛选结果（${ids.length}）` }).click();
      await page.getByRole('button', { name: `公开所选（${ids.length}）` }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
      await expectText(page, `已公开 ${ids.length} 条。`);
      assert((await publicList()) === ids.length, 'the published commitments are public');
      await browser.close();

      // The phone: the queue fits the width.
      const phone = await signedInContext(context, session.cookies, 'phone');
      const phonePage = await phone.newPage();
      await phonePage.goto(`${server.baseUrl}/#/staff/review?document=${documentId}`);
      await phonePage.locator('.review-count').waitFor();
      await phonePage.locator('.review-row').first().getByRole('button', { name: '修改' }).click();
      await phonePage.locator('.review-editor').waitFor();
      assert(await hasNoSideways(phonePage), 'the review queue does not scroll sideways at phone width');
      await phonePage.screenshot({ path: join(SCREENSHOT_DIR, 'staff-review-queue-phone-zh.png') });
      await phone.close();
    },
  },
];
