/**
 * The task table (任务分解) at the demo plan's size: a supervisor lists the 未分派 items of 城北区's 2024 plan, selects
 * several, assigns them a lead and a supporting unit with a deadline in one confirmed step, and the API then shows
 * them assigned with both units. Runs after the staff scenarios, which create the supervisor and the two units.
 */
import { join } from 'node:path';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, signedInContext, type Scenario } from './harness.ts';

const FORESTRY = '区林业和草原局';
const CIVIL = '区民政局';
const DEADLINE = '2024-12-31';
const CHOSEN = 3;

interface Listed {
  id: number;
  deadline: string | null;
  units: { name: string; role: 'lead' | 'supporting' }[];
}

async function staffList(baseUrl: string, cookies: string[], filter: string): Promise<Listed[]> {
  const answer = await fetch(`${baseUrl}/api/staff/commitments?region=630105&year=2024&page_size=500${filter}`, { headers: { cookie: cookies.join('; ') } });
  assert(answer.ok, `the staff list answered ${answer.status}`);
  return ((await answer.json()) as { items: Listed[] }).items;
}

export const taskScenarios: Scenario[] = [
  {
    name: 'supervisor filters 未分派 items of the 2024 demo plan and bulk-assigns a lead and a supporting unit with a deadline',
    async run(context) {
      const { server } = context;
      const { cookies } = await apiSignIn(server.baseUrl, 'duchashi', 'supervisor-Pw-2025');
      const unassignedBefore = await staffList(server.baseUrl, cookies, '&assigned=false');
      assert(unassignedBefore.length > CHOSEN, `the demo plan has unassigned items (found ${unassignedBefore.length})`);

      const browser = await signedInContext(context, cookies, 'desktop', 'zh');
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/#/staff/assign?region=630105&year=2024`);
      await page.getByRole('button', { name: '退出' }).waitFor();
      await page.getByRole('search').getByLabel('责任单位').selectOption({ label: '未分派' });
      await expectText(page, `共 ${unassignedBefore.length} 项`);
      await page.getByRole('table').getByText('未分派', { exact: true }).first().waitFor();
      const rows = page.locator('tr.task-row');
      const ids: number[] = [];
      for (let index = 0; index < CHOSEN; index += 1) {
        const row = rows.nth(index);
        ids.push(Number(await row.getAttribute('data-commitment-id')));
        await row.getByRole('checkbox').check();
      }
      const bulk = page.getByRole('region', { name: /批量分派/ });
      await bulk.getByLabel('牵头单位').selectOption({ label: FORESTRY });
      await bulk.getByText(/配合单位（已选 0）/).click();
      await bulk.getByRole('checkbox', { name: CIVIL }).check();
      await bulk.getByLabel('时限').fill(DEADLINE);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'staff-tasks-desktop-zh.png'), fullPage: true });
      await bulk.getByRole('button', { name: `分派所选（${CHOSEN} 项）` }).click();
      await expectText(page, `将 ${CHOSEN} 项分派给${FORESTRY}，配合：${CIVIL}，时限 ${DEADLINE}，确认吗？`);
      await bulk.getByRole('button', { name: '确认分派' }).click();
      await expectText(page, `已分派 ${CHOSEN} 项`);
      // The filter still reads 未分派: the assigned rows leave the table.
      await expectText(page, `共 ${unassignedBefore.length - CHOSEN} 项`);

      const all = await staffList(server.baseUrl, cookies, '');
      for (const id of ids) {
        const item = all.find((candidate) => candidate.id === id);
        assert(item, `commitment ${id} is listed`);
        const lead = item.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name);
        const supporting = item.units.filter((unit) => unit.role === 'supporting').map((unit) => unit.name);
        assert(lead.join() === FORESTRY && supporting.join() === CIVIL, `commitment ${id} is led by ${FORESTRY} with ${CIVIL}: ${JSON.stringify(item.units)}`);
        assert(item.deadline === DEADLINE, `commitment ${id} is due ${DEADLINE}, not ${item.deadline}`);
      }
      assert((await staffList(server.baseUrl, cookies, '&assigned=false')).length === unassignedBefore.length - CHOSEN, 'the assigned items are no longer 未分派');
      await browser.close();

      // The whole table on a phone, in both languages: the page never scrolls sideways (the table scrolls in its box).
      for (const locale of ['zh', 'en'] as const) {
        const phone = await signedInContext(context, cookies, 'phone', locale);
        const phonePage = await phone.newPage();
        await phonePage.goto(`${server.baseUrl}/#/staff/assign?region=630105&year=2024`);
        await phonePage.locator('tr.task-row').first().waitFor();
        // One row's editor open, to see it fit the phone too.
        await phonePage.locator('tr.task-row').first().getByRole('button').click();
        await phonePage.locator('tr.task-editor').waitFor();
        await phonePage.screenshot({ path: join(SCREENSHOT_DIR, `staff-tasks-phone-${locale}.png`), fullPage: true });
        const overflow = await phonePage.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // Elements past the right edge (a table's own cells among them): where to look when this fails.
          const wide = [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
          return { by: document.documentElement.scrollWidth - width, wide };
        });
        assert(overflow.by <= 0, `the task table page scrolls sideways by ${overflow.by}px on a phone (${locale}): ${overflow.wide.join(', ')}`);
        await phone.close();
      }
    },
  },
];
