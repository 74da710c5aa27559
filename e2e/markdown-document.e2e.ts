/**
 * A Markdown report reads as a document: its headings are headings, its list a list, its bold words bold — and the
 * figures inside them are still the highlight buttons that open their panel. Uploaded through the API to 城南区
 * (added by admin.e2e.ts). Example: npx tsx e2e/run.ts --no-build --only Markdown.
 */
import { join } from 'node:path';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, sessionCaller, signedInContext, type Scenario } from './harness.ts';

const SOURCE = [
  '# 城南区2024年政府工作报告',
  '',
  '## 一、2023年工作回顾',
  '',
  '全区地区生产总值增长**6.5%**，一般公共预算收入完成*12.3亿元*。',
  '',
  '## 二、2024年重点工作',
  '',
  '- 新建幼儿园3所，新增学位1200个',
  '- 改造老旧小区12个',
  '',
  '> 以上数据均为初步统计数。',
  '',
].join('\n');

export const markdownDocumentScenarios: Scenario[] = [
  {
    name: 'a Markdown report reads as a document: headings, a list and bold figures, each figure still a highlight',
    async run(context) {
      const { server } = context;
      const session = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);
      const admin = sessionCaller(server.baseUrl, session);
      const form = new FormData();
      form.set('region_code', '630106');
      form.set('year', '2024');
      form.set('file', new Blob([SOURCE], { type: 'text/markdown' }), 'chengnan-2024.md');
      const upload = await admin<{ document: { id: number } }>('POST', '/api/documents', form);
      assert(upload.status === 201, `uploading the Markdown report answered ${upload.status}`);
      const id = upload.body.document.id;

      for (const viewport of ['desktop', 'phone'] as const) {
        const browser = await signedInContext(context, [], viewport);
        const page = await browser.newPage();
        await page.goto(`${server.baseUrl}/#/documents/${id}`);
        const article = page.locator('article.document-markdown');
        await article.getByRole('heading', { name: '一、2023年工作回顾' }).waitFor();
        await article.getByRole('heading', { name: '二、2024年重点工作' }).waitFor();
        const items = article.getByRole('listitem');
        assert((await items.count()) === 2, `the list has two items, got ${await items.count()}`);
        assert((await items.first().innerText()).startsWith('新建幼儿园'), 'a list item is drawn without its "- " marker');
        const text = await article.innerText();
        assert(!/[#*]/.test(text), `no Markdown markup on screen, got: ${text.slice(0, 200)}`);
        // The bold growth rate is a highlight inside <strong>; clicking it opens its panel.
        const bold = article.locator('strong button.mark', { hasText: '6.5%' });
        assert((await bold.count()) === 1, 'the bold 6.5% is one highlight inside <strong>');
        assert((await article.locator('em button.mark', { hasText: '12.3亿元' }).count()) === 1, 'the emphasised 12.3亿元 is a highlight inside <em>');
        await article.locator('blockquote').getByText('以上数据均为初步统计数').waitFor();
        await bold.click();
        await expectText(page, '「6.5%」');
        if (viewport === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert(overflow <= 0, `the Markdown document scrolls sideways on a phone by ${overflow}px`);
        }
        await page.screenshot({ path: join(SCREENSHOT_DIR, `markdown-document-${viewport}-zh.png`), fullPage: true });
        await browser.close();
      }
    },
  },
];
