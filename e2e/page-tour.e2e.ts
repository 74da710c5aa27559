/**
 * A look at every page of the staff app and the public app, for two regions, at desktop (1280) and phone (390) width:
 * a full-page screenshot of each (e2e-screenshots/tour-*.png) to read by eye, and on each the checks a reader would
 * trip over — sideways scroll, an interface key instead of words (admin.save), a raw timestamp (2025-03-01T08:00:00Z).
 * Example: npx tsx e2e/run.ts --no-build --only 每一页.
 */
import { join } from 'node:path';
import { apiSignIn, assert, SCREENSHOT_DIR, signedInContext, type Scenario } from './harness.ts';

/** The pages of one place, public then staff. */
function pagesOf(region: string, year: number): { name: string; path: string; isStaff: boolean }[] {
  const place = `region=${region}&year=${year}`;
  return [
    { name: 'overview', path: `/#/r/${region}/${year}`, isStaff: false },
    { name: 'budget', path: `/#/r/${region}/${year}/budget`, isStaff: false },
    { name: 'commitments', path: `/#/r/${region}/${year}/commitments`, isStaff: false },
    { name: 'follow-up', path: `/#/r/${region}/${year}/follow-up`, isStaff: false },
    { name: 'documents', path: `/#/r/${region}/${year}/documents`, isStaff: false },
    ...['upload', 'review', 'assign', 'progress', 'progress-review', 'warnings', 'exports', 'admin'].map((page) => ({ name: `staff-${page}`, path: `/#/staff/${page}?${place}`, isStaff: true })),
  ];
}

const MESSAGE_KEY = /\b(app|staff|admin|tasks|warnings|reviewQueue|documents|commitments|followUp|budget|overview|role|action|history|verdict|check)\.[a-z][A-Za-z.]+\b/;
const RAW_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export const pageTourScenarios: Scenario[] = [
  {
    name: '每一页: every public and staff page of two regions at desktop and phone width, screenshots and what a reader would trip over',
    async run(context) {
      const { server, log } = context;
      const session = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);
      const places: [string, number][] = [['630105', 2024], ['630105', 2025], ['630104', 2025], ['110000', 2025]];
      const problems: string[] = [];
      for (const viewport of ['desktop', 'phone'] as const) {
        const browser = await signedInContext(context, session.cookies, viewport);
        const page = await browser.newPage();
        for (const [region, year] of places) {
          for (const item of pagesOf(region, year)) {
            await page.goto(`${server.baseUrl}${item.path}`);
            await page.waitForLoadState('networkidle');
            await page.waitForTimeout(300);
            const where = `${item.name} ${region}/${year} ${viewport}`;
            const text = await page.locator('main').innerText().catch(() => '');
            const key = [...text.matchAll(new RegExp(MESSAGE_KEY, 'g'))].find((match) => !/\.(csv|xlsx|json|pdf|docx|txt|md)$/.test(match[0]));
            if (key) problems.push(`${where}: interface key on screen "${key[0]}"`);
            const stamp = RAW_TIMESTAMP.exec(text);
            if (stamp) problems.push(`${where}: raw timestamp "${stamp[0]}"`);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 0) problems.push(`${where}: scrolls sideways by ${overflow}px`);
            await page.screenshot({ path: join(SCREENSHOT_DIR, `tour-${region}-${year}-${item.name}-${viewport}.png`), fullPage: true });
          }
        }
        await browser.close();
      }
      for (const problem of problems) log(`  ${problem}`);
      assert(problems.length === 0, `${problems.length} pages with problems:\n${problems.join('\n')}`);
    },
  },
];
