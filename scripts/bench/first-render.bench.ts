/**
 * Time to first render of the overview (民生账本) on the demo data, in Debian's Chromium: from navigation start to the
 * page's mark 'duixian:overview-rendered' (figures and chart on screen), beside a reference page on the same server
 * that fetches the same dashboard summary and writes the three headline figures with no framework and no chart.
 * Example row: { page: 'overview (React + ECharts)', 'median ms': 640, 'p90 ms': 820, … }.
 * Run alone: `npx tsx scripts/bench/first-render.bench.ts [--runs N]` (builds packages/web when dist/ is missing).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildWeb, launchBrowser, startDuixian, VIEWPORTS, WEB_DIST } from '../../e2e/harness.ts';
import type { BenchRow, BenchSectionResult } from './bench-section.ts';

const MARK = 'duixian:overview-rendered';

/** The reference: one fetch, three figures written with textContent, the same mark. */
const REFERENCE_HTML = `<!doctype html><meta charset="utf-8"><title>reference</title><main id="m">…</main><script>
fetch('/api/dashboard/summary?region=630105').then((r) => r.json()).then((s) => {
  const b = s.budget;
  document.getElementById('m').textContent = [b.total.amount_yuan, b.total.growth_percent + '%', b.livelihood.share_percent + '%'].join(' ');
  performance.mark('${MARK}');
});
</script>`;

async function timeRuns(browser: Browser, url: string, runs: number, route?: { path: string; html: string }, mark = MARK): Promise<number[]> {
  const times: number[] = [];
  // One warm-up run so the server's first-query costs are not counted against either page.
  for (let run = 0; run <= runs; run += 1) {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    if (route) await context.route(`**${route.path}`, (request) => request.fulfill({ contentType: 'text/html; charset=utf-8', body: route.html }));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: 30_000 });
    const time = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
    if (run > 0) times.push(time);
    await context.close();
  }
  return times;
}

function summarize(page: string, times: readonly number[]): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { page, runs: sorted.length, 'median ms': Math.round(at(0.5)), 'p90 ms': Math.round(at(0.9)), 'min ms': Math.round(sorted[0] ?? 0), 'max ms': Math.round(sorted.at(-1) ?? 0) };
}

/** Measures both pages `runs` times each in fresh browser contexts against one server on a fresh demo database. */
export async function benchFirstRender(options: { runs?: number } = {}): Promise<BenchSectionResult> {
  const runs = options.runs ?? 10;
  if (!existsSync(join(WEB_DIST, 'index.html'))) await buildWeb();
  const server = await startDuixian();
  const browser = await launchBrowser();
  try {
    const app = await timeRuns(browser, `${server.baseUrl}/#/r/630105/2024`, runs);
    const chart = await timeRuns(browser, `${server.baseUrl}/#/r/630105/2024`, runs, undefined, 'duixian:chart-rendered');
    const reference = await timeRuns(browser, `${server.baseUrl}/__bench-reference.html`, runs, { path: '/__bench-reference.html', html: REFERENCE_HTML });
    return {
      title: 'Web: time to first render of the overview (demo data)',
      rows: [summarize('overview: headline figures (React)', app), summarize('overview: category chart drawn (ECharts SVG)', chart), summarize('reference: fetch + 3 figures, no framework', reference)],
      notes: [
        `Debian Chromium headless, ${VIEWPORTS.desktop.width}×${VIEWPORTS.desktop.height}, fresh browser context per run, one warm-up run each; server in-process on PGlite.`,
        'Time from navigation start to the page mark set once the figures are on screen; includes fetching the bundle and the API answers over loopback.',
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const index = process.argv.indexOf('--runs');
  const result = await benchFirstRender(index > 0 ? { runs: Number(process.argv[index + 1]) } : {});
  console.log(result.title);
  const columns = Object.keys(result.rows[0] ?? {});
  console.log(columns.join('\t'));
  for (const row of result.rows) console.log(columns.map((column) => String(row[column])).join('\t'));
  for (const note of result.notes ?? []) console.log(`  ${note}`);
}
