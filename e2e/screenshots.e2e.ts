/**
 * Screenshots of every public page at desktop and phone width, in Chinese and in English, saved to e2e-screenshots/.
 * Each page must show real data (no loading or error text) and every chart must have drawn its SVG.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assert, SCREENSHOT_DIR, VIEWPORTS, type Scenario, type ViewportName } from './harness.ts';

interface PublicPage {
  readonly name: string;
  readonly path: (shared: Map<string, unknown>) => string;
  /** Something the page must show once loaded, per language. */
  readonly expect: { readonly zh: string; readonly en: string };
  /** How many charts the page draws (they load in their own chunk, after the figures). */
  readonly charts?: number;
  readonly after?: (page: Page) => Promise<void>;
}

const PAGES: readonly PublicPage[] = [
  { name: 'overview', path: () => '/#/r/630105/2024', expect: { zh: '21.98亿元', en: '2.198 billion yuan' }, charts: 1 },
  { name: 'budget', path: () => '/#/r/630105/2024/budget', expect: { zh: '预算明细', en: 'Budget lines' }, charts: 2 },
  { name: 'commitments', path: () => '/#/r/630105/2024/commitments', expect: { zh: '实施退化林分改造', en: '实施退化林分改造' } },
  {
    name: 'commitment',
    path: (shared) => `/#/commitments/${String(shared.get('firstId') ?? 1)}`,
    expect: { zh: '序时进度', en: 'Expected by now' },
  },
  { name: 'follow-up', path: () => '/#/r/630105/2024/follow-up', expect: { zh: '去年的承诺兑现了吗', en: 'Promises kept' } },
  { name: 'documents', path: () => '/#/r/630105/2024/documents', expect: { zh: '民生账本', en: '民生账本' } },
  {
    name: 'document',
    path: () => '/#/documents/1',
    expect: { zh: '下载原文件', en: 'Download original file' },
    after: async (page) => {
      await page.locator('button.mark', { hasText: '52.8%' }).first().click();
      await page.locator('aside .relation').first().waitFor();
    },
  },
];

export const screenshotScenarios: Scenario[] = [];

for (const locale of ['zh', 'en'] as const) {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    screenshotScenarios.push({
      name: `screenshots of the public pages, ${viewport} width, ${locale === 'zh' ? 'Chinese' : 'English'}`,
      async run({ server, newContext, shared, log }) {
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        const context = await newContext(viewport, locale);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        // A visitor's console stays clean: a failed request (the anonymous session check once answered 401) logs an error.
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()} (${page.url()})`);
        });
        for (const item of PAGES) {
          await page.goto(`${server.baseUrl}${item.path(shared)}`);
          await page.getByText(item.expect[locale], { exact: false }).first().waitFor({ timeout: 15_000 });
          await item.after?.(page);
          if (item.charts) {
            await page.waitForFunction((count) => document.querySelectorAll('.chart-canvas svg path').length > 0 && document.querySelectorAll('.chart-canvas').length >= count, item.charts, { timeout: 15_000 });
          }
          await page.waitForLoadState('networkidle');
          // A request can start after the network was idle for a moment (a page's data after its code chunk): wait
          // for the loading notice to go rather than failing on a busy machine; an error or a stuck page still fails.
          await page
            .waitForFunction(() => !/正在加载|Loading…/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 15_000 })
            .catch(() => undefined);
          // Every image has arrived and decoded: a broken or missing picture fails the page.
          const images = await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().then(() => image.naturalWidth > 0, () => false))));
          assert(images.every(Boolean), `${item.name}: an image failed to load`);
          const body = await page.locator('main').innerText();
          assert(!/正在加载|Loading…|加载失败|Could not load/.test(body), `${item.name} still shows loading or an error: ${body.slice(0, 200)}`);
          for (const chart of await page.locator('.chart-canvas').all()) {
            const shapes = await chart.locator('svg path, svg rect').count();
            assert(shapes > 3, `${item.name}: a chart drew only ${shapes} shapes`);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert(overflow <= 1, `${item.name} at ${viewport} width scrolls sideways by ${overflow}px`);
          const file = join(SCREENSHOT_DIR, `${item.name}-${viewport}-${locale}.png`);
          await page.screenshot({ path: file, fullPage: true });
        }
        assert(errors.length === 0, `page or console errors: ${errors.join('; ')}`);
        log(`saved ${PAGES.length} screenshots (${viewport}, ${locale}) to e2e-screenshots/`);
        await context.close();
      },
    });
  }
}
