/**
 * Runs the browser tests: builds the web app, starts duixian on a fresh data folder and a free port, drives Debian's
 * Chromium through the visitor, supervisor and unit-editor scenarios and the screenshots, prints the time to first
 * render of the overview, and ends with 'N passed, N failed' (exit code 1 when any failed).
 * Usage: npx tsx e2e/run.ts [--no-build] [--only WORD]
 */
import { buildWeb, launchBrowser, startDuixian, VIEWPORTS, type E2eContext, type Scenario } from './harness.ts';
import { measureFirstRender, median } from './first-render.ts';
import { accessibilityScenarios } from './accessibility.e2e.ts';
import { closureScenarios } from './closure.e2e.ts';
import { adminScenarios } from './admin.e2e.ts';
import { documentScenarios } from './documents.e2e.ts';
import { adminFlowScenarios } from './admin-flows.e2e.ts';
import { markdownDocumentScenarios } from './markdown-document.e2e.ts';
import { pageTourScenarios } from './page-tour.e2e.ts';
import { followUpScenarios } from './follow-up.e2e.ts';
import { leagueScenarios } from './league.e2e.ts';
import { regionScenarios } from './regions.e2e.ts';
import { reviewQueueScenarios } from './review-queue.e2e.ts';
import { screenshotScenarios } from './screenshots.e2e.ts';
import { progressReviewScenarios } from './progress-review.e2e.ts';
import { reportingLoopScenarios } from './reporting-loop.e2e.ts';
import { staffScenarios, visitorSeesProgressScenario } from './staff.e2e.ts';
import { taskScenarios } from './tasks.e2e.ts';
import { taskSheetScenarios } from './task-sheet.e2e.ts';
import { visitorScenarios } from './visitor.e2e.ts';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

// Order matters: the staff scenarios create the progress the 督查室 then reviews, which the visitor sees once approved
// and the screenshots show; they also create the supervisor and units the task table's scenario uses, and the 2025
// plan of 城北区 that the region scenario sets a second region's plan beside.
const scenarios: Scenario[] = [
  ...visitorScenarios,
  ...staffScenarios,
  ...progressReviewScenarios,
  visitorSeesProgressScenario,
  ...followUpScenarios,
  ...leagueScenarios,
  ...taskScenarios,
  ...documentScenarios,
  ...reviewQueueScenarios,
  ...regionScenarios,
  ...adminScenarios,
  ...adminFlowScenarios,
  ...markdownDocumentScenarios,
  ...accessibilityScenarios,
  ...screenshotScenarios,
  ...pageTourScenarios,
  ...closureScenarios,
  // Last: it adds tasks to the demo plan, which the screenshots before it show as they were.
  ...taskSheetScenarios,
  // Last: it sets the server's clock to June of the plan year while it runs.
  ...reportingLoopScenarios,
].filter(
  (scenario) => !only || scenario.name.includes(only),
);

const started = Date.now();
if (!args.includes('--no-build')) {
  console.log('building packages/web …');
  await buildWeb();
}
const server = await startDuixian();
const browser = await launchBrowser();
const context: E2eContext = {
  server,
  browser,
  shared: new Map(),
  log: (line) => console.log(`    ${line}`),
  async newContext(viewport = 'desktop', locale = 'zh') {
    const created = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      deviceScaleFactor: 1,
      isMobile: viewport === 'phone',
      hasTouch: viewport === 'phone',
      locale: locale === 'zh' ? 'zh-CN' : 'en-US',
    });
    await created.addInitScript((lang) => window.localStorage.setItem('duixian.locale', lang), locale);
    return created;
  },
};

let passed = 0;
let failed = 0;
try {
  for (const scenario of scenarios) {
    const begin = Date.now();
    try {
      await scenario.run(context);
      passed += 1;
      console.log(`  ✓ ${scenario.name} (${Date.now() - begin} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${scenario.name}\n      ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const figures = await measureFirstRender(browser, server.baseUrl, 5);
  const chart = await measureFirstRender(browser, server.baseUrl, 5, 'duixian:chart-rendered');
  const runsText = (times: number[]) => times.map((time) => time.toFixed(0)).join(', ');
  console.log(`bench: first render of the overview on the demo data: figures ${median(figures).toFixed(0)} ms, chart ${median(chart).toFixed(0)} ms (medians of 5; figures ${runsText(figures)}; chart ${runsText(chart)})`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
