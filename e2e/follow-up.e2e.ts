/**
 * Promises kept: an administrator uploads 北京's 2024 and 2025 work reports; a visitor opens 承诺兑现 for 2025 and sees
 * 2024's 地区生产总值增长 5%左右 kept with 5.2% and 一般公共预算收入增长 5% missed with 3.1%, the counts drawn, each row
 * linked to the sentence in both reports, and the same page in English. Then 己市's three 民生实事, reported only as
 * "10件民生实事全部完成", read 按陈述完成 / met by statement on its follow-up page and in the league table, in both
 * languages at desktop and phone width. Screenshots: e2e-screenshots/follow-up-statement-*.png, league-statement-*.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiSession, assert, expectText, ROOT, SCREENSHOT_DIR, type ApiCaller, type Scenario } from './harness.ts';

const CORPUS = join(ROOT, 'testdata/corpus');
const BEIJING = { code: '110000', name: '北京市' };
// Made up for this scenario: two main targets missed, three 民生实事 met by the review's completion statement only. At
// 3 of 5 kept (60.0%) 己市 ranks below 甲市 (66.7%) in the league scenario that runs after this one.
const JI = { code: '990106', name: '己市' };
const JI_PLAN = [
  '己市2030年政府工作报告',
  '一、2029年工作回顾',
  '过去一年，全市经济平稳运行。',
  '二、2030年重点工作',
  '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业1.5万人以上。',
  '（八）办好十件民生实事。新建社区食堂15个，改造农村户厕800户，新增养老床位300张。',
].join('\n');
const JI_REVIEW = ['己市2031年政府工作报告', '一、2030年工作回顾', '过去一年，地区生产总值增长5.1%，城镇新增就业1.3万人，10件民生实事全部完成。', '二、2031年重点工作', '今年继续办好民生实事。'].join('\n');

async function uploadText(admin: ApiCaller, text: string, fileName: string, year: number): Promise<void> {
  const form = new FormData();
  form.set('region_code', JI.code);
  form.set('year', String(year));
  form.set('file', new Blob([text]), fileName);
  const answer = await admin('POST', '/api/documents', form);
  assert(answer.status === 201, `uploading ${fileName} should answer 201, got ${answer.status}: ${JSON.stringify(answer.body)}`);
}

async function upload(baseUrl: string, cookie: string, csrf: string, file: string, year: number): Promise<number> {
  const form = new FormData();
  form.set('region_code', BEIJING.code);
  form.set('year', String(year));
  form.set('file', new Blob([await readFile(join(CORPUS, file))]), file);
  const response = await fetch(`${baseUrl}/api/documents`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
  const body = (await response.json()) as { document: { id: number } };
  assert(response.status === 201, `uploading ${file} should answer 201, got ${response.status}: ${JSON.stringify(body)}`);
  return body.document.id;
}

export const followUpScenarios: Scenario[] = [
  {
    name: 'visitor sees 北京 2024 targets kept and missed against the 2025 report, linked to both sentences, in Chinese and English',
    async run({ server, newContext }) {
      const call = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
      const region = await call('POST', '/api/regions', BEIJING);
      assert(region.status === 201, `adding 北京市 should answer 201, got ${region.status}`);
      const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: server.admin.username, password: server.admin.password }),
      });
      const { csrf_token: csrf } = (await signIn.json()) as { csrf_token: string };
      const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
      const lastId = await upload(server.baseUrl, cookie, csrf, '09-province-beijing-gwr-2024.txt', 2024);
      const thisId = await upload(server.baseUrl, cookie, csrf, '10-province-beijing-gwr-2025.txt', 2025);

      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/#/r/${BEIJING.code}/2025/follow-up`);
      await expectText(page, '去年的承诺兑现了吗');
      await expectText(page, '北京市2024年报告提出的目标，对照2025年报告所述的结果');
      const gdp = page.locator('tbody tr', { hasText: '地区生产总值增长' }).first();
      await gdp.waitFor();
      const gdpText = await gdp.innerText();
      assert(gdpText.includes('5.2%') && gdpText.includes('已兑现'), `the GDP row should show 5.2% kept, shows: ${gdpText}`);
      const revenue = await page.locator('tbody tr', { hasText: '一般公共预算收入增长' }).first().innerText();
      assert(revenue.includes('3.1%') && revenue.includes('未兑现'), `the revenue row should show 3.1% missed, shows: ${revenue}`);
      const links = await gdp.locator('a.source-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
      assert(links[0]?.startsWith(`#/documents/${lastId}?at=`) && links[1]?.startsWith(`#/documents/${thisId}?at=`), `the row links both sentences: ${links.join(' ')}`);
      await page.locator('#follow-up-counts ~ figure svg path').first().waitFor();
      const labels = await page.locator('#follow-up-counts ~ figure svg text').allTextContents();
      assert(labels.includes('已兑现') && labels.includes('未兑现') && labels.includes('未报告'), `the chart names the three verdicts: ${labels.join(' | ')}`);
      const current = await page.getByRole('navigation').getByRole('link', { name: '承诺兑现' }).getAttribute('aria-current');
      assert(current === 'page', 'the navigation marks 承诺兑现 as the current page');

      await gdp.locator('a.source-link').nth(1).click();
      await page.waitForURL(new RegExp(`#/documents/${thisId}\\?at=`));
      await expectText(page, '5.2%');

      await page.goto(`${server.baseUrl}/#/r/${BEIJING.code}/2025/follow-up`);
      await page.getByRole('button', { name: /English/ }).click();
      await expectText(page, 'Promises kept?');
      await expectText(page, 'Kept');
      await expectText(page, 'Missed');
      await context.close();
    },
  },
  {
    name: 'visitor sees follow-up targets met by statement (按陈述完成) on the follow-up page and in the league table, in Chinese, English and at phone width',
    async run({ server, newContext, log }) {
      const admin = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
      const region = await admin('POST', '/api/regions', JI);
      assert(region.status === 201, `adding 己市 should answer 201, got ${region.status}`);
      await uploadText(admin, JI_PLAN, '己市2030.txt', 2030);
      await uploadText(admin, JI_REVIEW, '己市2031.txt', 2031);
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const errors: string[] = [];
      const followUpPath = `/#/r/${JI.code}/2031/follow-up`;
      const regionPath = `/#/league/2030?region=${JI.code}&verdict=met`;

      for (const [viewport, locale] of [['desktop', 'zh'], ['desktop', 'en'], ['phone', 'zh'], ['phone', 'en']] as const) {
        const context = await newContext(viewport, locale);
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(error.message));
        const byStatement = locale === 'zh' ? '按陈述完成' : 'met by statement';

        await page.goto(`${server.baseUrl}${followUpPath}`);
        const canteens = page.locator('tbody tr', { hasText: '新建社区食堂' }).first();
        await canteens.waitFor();
        const canteensText = (await canteens.innerText()).replace(/\s+/g, ' ');
        assert(canteensText.includes('“10件民生实事全部完成”') && canteensText.includes(byStatement), `the 新建社区食堂 row shows the statement and ${byStatement}: ${canteensText}`);
        const gdpText = await page.locator('tbody tr', { hasText: '地区生产总值增长' }).first().innerText();
        assert(gdpText.includes('5.1%') && !gdpText.includes(byStatement), `the GDP row is judged on its figure: ${gdpText}`);
        await expectText(page, locale === 'zh' ? '已兑现的3项按陈述完成' : '3 of those kept were met by statement');
        await page.locator('#follow-up-counts ~ figure svg path').first().waitFor();
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(sideways <= 1, `${followUpPath} at ${viewport} width scrolls sideways by ${sideways}px`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `follow-up-statement-${viewport}-${locale}.png`), fullPage: true });

        await page.goto(`${server.baseUrl}${regionPath}`);
        const row = page.locator('.league-table tbody tr', { hasText: '己市' });
        await row.waitFor();
        const rowText = (await row.innerText()).replace(/\s+/g, ' ');
        assert(rowText.includes('60.0%'), `己市 keeps 3 of 5: ${rowText}`);
        // At phone width the table's fractions give way (styles.css); the cards below still say it per target.
        if (viewport === 'desktop') assert(rowText.includes(locale === 'zh' ? '其中3项按陈述完成' : '3 of them met by statement'), `the met count says how many by statement: ${rowText}`);
        const cards = page.locator('.league-pair');
        await cards.first().waitFor();
        assert((await cards.count()) === 3, `己市 has three targets met, the page shows ${await cards.count()}`);
        // The three targets stand in one sentence: the card is found by its heading.
        const canteenCard = cards.filter({ has: page.locator('h3', { hasText: '新建社区食堂' }) });
        const card = (await canteenCard.innerText()).replace(/\s+/g, ' ');
        assert(card.includes(byStatement) && card.includes('10件民生实事全部完成'), `the card names the basis and the statement's sentence: ${card}`);
        if (locale === 'en') assert(card.includes('gives no figure for it but says “10件民生实事全部完成”: met by statement.'), `the English explanation says so: ${card}`);
        const marked = await canteenCard.locator('mark').allTextContents();
        assert(marked.join(' ') === '15个 10件民生实事全部完成', `the target and the statement are marked: ${marked.join(' ')}`);
        await page.locator('#league-chart ~ figure svg path').first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 1, `${regionPath} at ${viewport} width scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `league-statement-${viewport}-${locale}.png`), fullPage: true });
        await context.close();
      }
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      log('saved follow-up-statement-*.png and league-statement-*.png to e2e-screenshots/');
    },
  },
];
