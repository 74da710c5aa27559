/**
 * The league table of promises kept: an administrator uploads the 2030 and 2031 reports of 甲市 and 乙市 (small
 * reports in testdata/league); a visitor opens 兑现排行 and sees 乙市 first (2 of 2 kept) and 甲市 second (4 of 6),
 * the chart of shares, opens 甲市's missed targets and reads both sentences with the figures marked and the verdict
 * explained, then the same page in English and at phone width. Screenshots: e2e-screenshots/league-*.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiSession, assert, expectText, ROOT, SCREENSHOT_DIR, type ApiCaller, type Scenario } from './harness.ts';

const LEAGUE = join(ROOT, 'testdata/league');
const JIA = { code: '990101', name: '甲市' };
const YI = { code: '990102', name: '乙市' };

async function upload(admin: ApiCaller, region: { code: string }, file: string, year: number): Promise<void> {
  const form = new FormData();
  form.set('region_code', region.code);
  form.set('year', String(year));
  form.set('file', new Blob([await readFile(join(LEAGUE, file))]), file.split('/')[1]!);
  const answer = await admin('POST', '/api/documents', form);
  assert(answer.status === 201, `uploading ${file} should answer 201, got ${answer.status}: ${JSON.stringify(answer.body)}`);
}

export const leagueScenarios: Scenario[] = [
  {
    name: 'visitor reads the league table of promises kept, opens a region\'s missed targets, in Chinese, English and at phone width',
    async run({ server, newContext, log }) {
      const admin = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
      for (const region of [JIA, YI]) {
        const added = await admin('POST', '/api/regions', region);
        assert(added.status === 201, `adding ${region.name} should answer 201, got ${added.status}`);
      }
      await upload(admin, JIA, '2030/甲市.txt', 2030);
      await upload(admin, YI, '2030/乙市.txt', 2030);
      await upload(admin, JIA, '2031/甲市.md', 2031);
      await upload(admin, YI, '2031/乙市.txt', 2031);
      await mkdir(SCREENSHOT_DIR, { recursive: true });

      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.baseUrl}/#/`);
      await page.getByRole('navigation').getByRole('link', { name: '兑现排行' }).click();
      await expectText(page, '各地去年的目标兑现了吗');
      await expectText(page, '各地2030年政府工作报告提出的量化目标，对照2031年报告所述的结果');
      const current = await page.getByRole('navigation').getByRole('link', { name: '兑现排行' }).getAttribute('aria-current');
      assert(current === 'page', 'the navigation marks 兑现排行 as the current page');

      const rows = page.locator('.league-table tbody tr');
      await rows.first().waitFor();
      const first = (await rows.nth(0).innerText()).replace(/\s+/g, ' ');
      const second = (await rows.nth(1).innerText()).replace(/\s+/g, ' ');
      assert(/^1 乙市 2 2 0 0 100\.0% 2\/2 100\.0% 2\/2$/.test(first), `乙市 ranks first with 2 of 2 kept, row reads: ${first}`);
      assert(/^2 甲市 7 4 2 1 66\.7% 4\/6 57\.1% 4\/7$/.test(second), `甲市 ranks second with 4 of 6 kept, row reads: ${second}`);

      await page.locator('#league-chart ~ figure svg path').first().waitFor();
      const labels = await page.locator('#league-chart ~ figure svg text').allTextContents();
      assert(labels.includes('乙市') && labels.includes('甲市') && labels.includes('100.0%') && labels.includes('66.7%'), `the chart names the regions and their shares: ${labels.join(' | ')}`);
      const images = await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().then(() => image.naturalWidth > 0, () => false))));
      assert(images.length > 0 && images.every(Boolean), 'the league infographic loads');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'league-desktop-zh.png'), fullPage: true });

      await page.getByRole('link', { name: '甲市：未兑现2项，查看原句' }).click();
      await page.waitForURL(/#\/league\/2030\?region=990101&verdict=missed$/);
      await expectText(page, '甲市：2030年目标与2031年结果');
      const cards = page.locator('.league-pair');
      await cards.first().waitFor();
      assert((await cards.count()) === 2, `甲市 has two missed targets, the page shows ${await cards.count()}`);
      const unemployment = cards.filter({ hasText: '城镇调查失业率' });
      const marked = await unemployment.locator('mark').allTextContents();
      assert(marked.join(' ') === '5.5% 5.6%', `the two figures are marked in their sentences: ${marked.join(' ')}`);
      const card = (await unemployment.innerText()).replace(/\s+/g, ' ');
      assert(card.includes('城镇调查失业率5.5%以内') && card.includes('城镇调查失业率平均为5.6%') && card.includes('未兑现'), `both sentences and the verdict are shown: ${card}`);
      assert(/判定依据：.*5\.5%.*5\.6%/.test(card), `the verdict is explained with both figures: ${card}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'league-region-desktop-zh.png'), fullPage: true });

      await page.getByRole('button', { name: /English/ }).click();
      await expectText(page, 'Which regions kept last year’s promises?');
      await expectText(page, '甲市: targets of 2030 and results reported in 2031');
      await expectText(page, 'The target was at most 5.5%; the result, 5.6%, falls short of it.');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'league-region-desktop-en.png'), fullPage: true });
      await context.close();

      const phone = await newContext('phone', 'zh');
      const small = await phone.newPage();
      small.on('pageerror', (error) => errors.push(error.message));
      for (const path of ['/#/league', '/#/league/2030?region=990101']) {
        await small.goto(`${server.baseUrl}${path}`);
        await expectText(small, '各地去年的目标兑现了吗');
        await small.locator('#league-chart ~ figure svg path').first().waitFor();
        if (path.includes('region')) await small.locator('.league-pair').first().waitFor();
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 1, `${path} at phone width scrolls sideways by ${overflow}px`);
      }
      await small.screenshot({ path: join(SCREENSHOT_DIR, 'league-region-phone-zh.png'), fullPage: true });
      await small.screenshot({ path: join(SCREENSHOT_DIR, 'league-region-phone-zh-top.png') });
      await small.goto(`${server.baseUrl}/#/league`);
      await small.locator('#league-chart ~ figure svg path').first().waitFor();
      await small.screenshot({ path: join(SCREENSHOT_DIR, 'league-phone-zh.png'), fullPage: true });
      await phone.close();
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      log('saved league-*.png to e2e-screenshots/');
    },
  },
];
