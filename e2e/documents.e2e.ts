/**
 * The 通报 and the 督办单 downloaded from the staff app: the supervisor takes the month's 通报 from the warnings page as
 * a Word file (read back: its counts by colour are the task table's) and as a printable page, then issues 区林业和草原局
 * a 督办单 from the task table and downloads it. Runs after the task scenario, which assigned that unit three items.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, signedInContext, type E2eContext, type Scenario } from './harness.ts';

const FORESTRY = '区林业和草原局';

interface Listed {
  units: { name: string; role: 'lead' | 'supporting' }[];
  schedule: { colour: 'red' | 'yellow' | 'green' | null };
}

/** The paragraphs' text of a downloaded DOCX. */
async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  assert(path, 'the download was saved');
  return { path, name: file.suggestedFilename() };
}

/** The printable page at desktop and phone width, screenshots named for it. */
async function shootPrintable(context: E2eContext, cookies: string[], href: string, name: string): Promise<void> {
  for (const viewport of ['desktop', 'phone'] as const) {
    const browser = await signedInContext(context, cookies, viewport, 'zh');
    const page = await browser.newPage();
    const answer = await page.goto(`${context.server.baseUrl}${href}`);
    assert(answer?.status() === 200, `${href} answered ${answer?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}.png`), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (viewport === 'phone') assert(width <= 390, `${name} scrolls sideways on a phone (${width} px)`);
    await browser.close();
  }
}

export const documentScenarios: Scenario[] = [
  {
    name: 'supervisor downloads the month\'s 通报 (Word, read back) and issues and downloads a 督办单 from the staff app',
    async run(context) {
      const { server } = context;
      const session = await apiSignIn(server.baseUrl, 'duchashi', 'supervisor-Pw-2025');
      const listed = await fetch(`${server.baseUrl}/api/staff/commitments?region=630105&year=2024&page_size=500&assigned=true`, { headers: { cookie: session.cookies.join('; ') } });
      const tasks = ((await listed.json()) as { items: Listed[] }).items;
      const red = tasks.filter((task) => task.schedule.colour === 'red').length;
      const yellow = tasks.filter((task) => task.schedule.colour === 'yellow').length;
      const green = tasks.filter((task) => task.schedule.colour === 'green').length;
      assert(tasks.length > 0, 'the earlier scenarios assigned tasks of the 2024 plan');

      const browser = await signedInContext(context, session.cookies, 'desktop', 'zh');
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/#/staff/warnings?region=630105&year=2024`);
      const panel = page.getByRole('region', { name: '月度通报' });
      await panel.waitFor();
      // The plan year is over: the 通报 defaults to its December.
      assert((await panel.getByLabel('通报月份').inputValue()) === '2024-12', 'the month defaults to the plan year\'s December');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-warnings-bulletin-desktop-zh.png'), fullPage: true });
      const bulletin = await download(page, () => panel.getByRole('link', { name: '下载 Word' }).click());
      assert(bulletin.name === '城北区2024年12月重点工作任务推进情况通报.docx', `the 通报 is named for its month: ${bulletin.name}`);
      const text = await docxText(bulletin.path);
      assert(text.includes(`纳入督办的${tasks.length}项任务中，红色预警${red}项、黄色预警${yellow}项、绿色${green}项`), `the 通报's counts are the task table's (${tasks.length}: ${red}/${yellow}/${green}): ${text.slice(0, 300)}`);
      assert(text.includes(FORESTRY), 'the 通报 ranks 区林业和草原局');
      await shootPrintable(context, session.cookies, '/api/bulletins/630105/2024-12/document?format=html', 'document-bulletin');

      await page.goto(`${server.baseUrl}/#/staff/assign?region=630105&year=2024`);
      await page.getByRole('search').getByLabel('责任单位').selectOption({ label: FORESTRY });
      const notices = page.getByRole('region', { name: `${FORESTRY}的督办单` });
      await notices.getByRole('button', { name: '签发督办单' }).click();
      const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
      await expectText(page, `已签发 城北督〔${year}〕`);
      const issued = (await notices.getByText(/^已签发 /).innerText()).replace('已签发 ', '').trim();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-tasks-notice-desktop-zh.png'), fullPage: true });
      const notice = await download(page, () => notices.getByRole('link', { name: '下载 Word' }).first().click());
      const noticeText = await docxText(notice.path);
      assert(noticeText.includes(issued) && noticeText.includes(`${FORESTRY}：`), `the 督办单 carries ${issued} and is addressed to ${FORESTRY}: ${noticeText.slice(0, 200)}`);
      const href = await notices.getByRole('link', { name: '打印版（网页）' }).first().getAttribute('href');
      assert(href, 'the printable 督办单 has a link');
      await shootPrintable(context, session.cookies, href, 'document-notice');
      await browser.close();

      // The two staff pages on a phone: the 通报 panel (in both languages) and a unit's 督办单 panel.
      for (const locale of ['zh', 'en'] as const) {
        const phone = await signedInContext(context, session.cookies, 'phone', locale);
        const phonePage = await phone.newPage();
        await phonePage.goto(`${server.baseUrl}/#/staff/warnings?region=630105&year=2024`);
        await phonePage.getByRole('region', { name: locale === 'zh' ? '月度通报' : 'Monthly bulletin' }).waitFor();
        await phonePage.screenshot({ path: join(SCREENSHOT_DIR, `staff-warnings-bulletin-phone-${locale}.png`), fullPage: true });
        await phone.close();
      }
      const phone = await signedInContext(context, session.cookies, 'phone', 'zh');
      const phonePage = await phone.newPage();
      await phonePage.goto(`${server.baseUrl}/#/staff/assign?region=630105&year=2024`);
      await phonePage.getByRole('search').getByLabel('责任单位').selectOption({ label: FORESTRY });
      await phonePage.getByRole('region', { name: `${FORESTRY}的督办单` }).getByText(issued).waitFor();
      await phonePage.screenshot({ path: join(SCREENSHOT_DIR, 'staff-tasks-notice-phone-zh.png'), fullPage: true });
      const width = await phonePage.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 390, `the task page scrolls sideways on a phone (${width} px)`);
      await phone.close();
    },
  },
];
