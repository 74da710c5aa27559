/**
 * Promises kept: an administrator uploads 北京's 2024 and 2025 work reports; a visitor opens 承诺兑现 for 2025 and sees
 * 2024's 地区生产总值增长 5%左右 kept with 5.2% and 一般公共预算收入增长 5% missed with 3.1%, the counts drawn, each row
 * linked to the sentence in both reports, and the same page in English.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { apiSession, assert, expectText, ROOT, type Scenario } from './harness.ts';

const CORPUS = join(ROOT, 'testdata/corpus');
const BEIJING = { code: '110000', name: '北京市' };

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
];
