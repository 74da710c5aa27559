/**
 * Time to first render of the overview on the demo data: from navigation start to the page's own mark
 * 'duixian:overview-rendered' (set when the figures are on screen) or 'duixian:chart-rendered' (the category chart
 * drawn), in a fresh browser context each time.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, VIEWPORTS } from './harness.ts';

export { CHROMIUM_ARGS };

export async function measureFirstRender(browser: Browser, baseUrl: string, runs: number, mark = 'duixian:overview-rendered'): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/r/630105/2024`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000 });
    times.push(await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark));
    await context.close();
  }
  return times;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
