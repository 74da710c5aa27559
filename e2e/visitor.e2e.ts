/**
 * The visitor: opens the overview and sees the demo's 21.98亿元, 44.4% and 87.8% with the category chart drawn;
 * opens the seed document, clicks 52.8% and sees it judged consistent with the arithmetic (6.66 ÷ (19.3 − 6.66)).
 */
import { readFile } from 'node:fs/promises';
import { assert, DEMO_FILE, expectText, type Scenario } from './harness.ts';

export const visitorScenarios: Scenario[] = [
  {
    name: 'visitor sees 21.98亿元, 44.4% and 87.8% with the category chart on the overview',
    async run({ server, newContext }) {
      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/`);
      await expectText(page, '21.98亿元');
      await expectText(page, '44.4%');
      await expectText(page, '87.8%');
      await page.locator('#categories-heading ~ figure svg path').first().waitFor();
      const bars = await page.locator('#categories-heading ~ figure svg path').count();
      const labels = await page.locator('#categories-heading ~ figure svg text').allTextContents();
      assert(bars >= 6, `the category chart should draw a bar per category, found ${bars} paths`);
      assert(labels.some((label) => label.includes('3522万元')), `the chart should label 文化科技 with 3522万元, labels: ${labels.join(' | ')}`);
      assert(labels.some((label) => label.includes('教育建设')), 'the chart should name 教育建设 on its axis');
      const exact = await page.locator('data.figure', { hasText: '21.98亿元' }).first().getAttribute('title');
      assert(exact === '2,198,000,000元', `hovering 21.98亿元 should show the exact 2,198,000,000元, got ${exact}`);
      await context.close();
    },
  },
  {
    name: 'visitor clicks 52.8% in the seed document and sees it judged consistent with the arithmetic',
    async run({ server, newContext, shared }) {
      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('navigation').getByRole('link', { name: '文件' }).click();
      await page.getByRole('main').getByRole('link', { name: /民生账本/ }).first().click();
      const figure = page.locator('button.mark', { hasText: '52.8%' }).first();
      await figure.waitFor();
      await figure.click();
      const panel = page.locator('aside.document-panel');
      await panel.getByText('一致', { exact: true }).first().waitFor();
      const text = await panel.innerText();
      assert(/6\.66 ÷ \(19\.3 − 6\.66\) = 52\.69%/.test(text), `the panel should show the arithmetic 6.66 ÷ (19.3 − 6.66) = 52.69%, shows: ${text}`);
      assert(!text.includes('不一致'), 'no relation of 52.8% should be judged inconsistent');
      assert((await figure.getAttribute('aria-pressed')) === 'true', 'the clicked figure is marked as selected');
      const fileHref = await page.getByRole('link', { name: /下载原文件/ }).getAttribute('href');
      const original = await page.request.get(new URL(fileHref!, server.baseUrl).href);
      const demo = await readFile(DEMO_FILE);
      assert(Buffer.compare(await original.body(), demo) === 0, 'the original file downloads byte for byte');
      shared.set('seedDocumentUrl', page.url());
      await context.close();
    },
  },
  {
    name: 'visitor reads commitment targets with comparators as words on the public list',
    async run({ server, newContext }) {
      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/#/r/630105/2024/commitments`);
      await expectText(page, '不低于92%'); // a rate: 不低于, as the report's 以上 means
      await expectText(page, 'Ⅲ类及以上');
      const list = await page.getByRole('main').innerText();
      assert(!/at_least_class|at_most_class|>=|<=|≥|≤/.test(list), 'no comparator code or sign on the public list');
      await context.close();
    },
  },
  {
    name: 'the infographic endpoint returns SVG and PNG with the figures of the dashboard',
    async run({ server }) {
      const summary = (await (await fetch(`${server.baseUrl}/api/dashboard/summary?region=630105`)).json()) as {
        year: number;
        budget: { total: { amount_yuan: string; growth_percent: string }; livelihood: { share_percent: string } };
      };
      assert(summary.budget.total.amount_yuan === '2198000000', 'the database holds 2198000000 元 as the total');
      const svg = await fetch(`${server.baseUrl}/api/infographic/630105/${summary.year}/ledger.svg`);
      assert(svg.headers.get('content-type')?.includes('image/svg+xml'), 'SVG content type');
      const body = await svg.text();
      for (const figure of ['21.98亿元', `${summary.budget.total.growth_percent}%`, `${summary.budget.livelihood.share_percent}%`, '3522万元']) {
        assert(body.includes(figure), `the SVG should show ${figure}`);
      }
      const png = await fetch(`${server.baseUrl}/api/infographic/630105/${summary.year}/ledger.png`);
      const bytes = new Uint8Array(await png.arrayBuffer());
      assert(png.headers.get('content-type') === 'image/png', 'PNG content type');
      assert(bytes[0] === 0x89 && bytes[1] === 0x50 && bytes.length > 20_000, `a real PNG is returned (${bytes.length} bytes)`);
    },
  },
];
