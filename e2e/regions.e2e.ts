/**
 * Two regions with plans for the same year: 城西区 gets a 2025 plan next to 城北区's (made by the staff scenarios).
 * Each is reachable from the header's picker, the landing page remembers the last one, and each region's unit editor
 * opens the workbench on its own region's items without choosing anything.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { apiSession, apiSignIn, assert, expectText, ROOT, signedInContext, type E2eContext, type Scenario } from './harness.ts';

const REPORT = join(ROOT, 'e2e/fixtures/chengxi-2025-work-plan.txt');
const WEST = { code: '630104', name: '城西区' };
const WEST_ITEM = '新建城市书房8个';
const NORTH_ITEM = '完成北山造林绿化1.5万亩';

/** Creates 城西区 with a unit, an editor and a one-item 2025 plan; returns the plan document's id. */
async function prepareWestRegion(context: E2eContext): Promise<number> {
  const { server } = context;
  const admin = await apiSession(server.baseUrl, server.admin.username, server.admin.password);
  const region = await admin('POST', '/api/regions', { code: WEST.code, name: WEST.name });
  assert(region.status === 201, `creating 城西区 answered ${region.status}`);
  const unit = await admin<{ id: number }>('POST', '/api/units', { region_code: WEST.code, name: '城西区文化和旅游局' });
  assert(unit.status === 201, `creating the unit answered ${unit.status}`);
  await server.addUser({ username: 'xiwenlv', password: 'west-editor-Pw-2025', role: 'unit_editor', unitId: unit.body.id, displayName: '城西文旅填报员' });

  const form = new FormData();
  form.set('region_code', WEST.code);
  form.set('year', '2025');
  form.set('file', new Blob([await readFile(REPORT)], { type: 'text/plain' }), 'chengxi-2025-work-plan.txt');
  const uploaded = await admin<{ document: { id: number } }>('POST', '/api/documents', form);
  assert(uploaded.status === 201, `uploading the 城西区 report answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
  const queue = await admin<{ items: { id: number }[] }>('GET', `/api/review-items?document_id=${uploaded.body.document.id}&kind=commitment&page_size=100`);
  const item = queue.body.items.find((candidate) => JSON.stringify(candidate).includes(WEST_ITEM));
  assert(item, `the review queue offers ${WEST_ITEM}`);
  const decided = await admin('POST', '/api/review-items/decisions', { decisions: [{ id: item.id, decision: 'accept' }], publish: true });
  assert(decided.status === 200, `accepting answered ${decided.status}`);
  const list = await admin<{ items: { id: number; title: string; version: number }[] }>('GET', `/api/commitments?region=${WEST.code}&year=2025&page_size=100`);
  const accepted = list.body.items.find((commitment) => commitment.title === WEST_ITEM);
  assert(accepted, `${WEST_ITEM} is in 城西区's 2025 plan`);
  const assigned = await admin('PATCH', `/api/commitments/${accepted.id}`, { version: accepted.version, lead_unit_id: unit.body.id });
  assert(assigned.status === 200, `assigning answered ${assigned.status}: ${JSON.stringify(assigned.body)}`);
  return uploaded.body.document.id;
}

export const regionScenarios: Scenario[] = [
  {
    name: 'two regions with plans for the same year: both reachable, the landing page remembers, each unit editor sees its own items',
    async run(context) {
      const westDocument = await prepareWestRegion(context);
      const { server, newContext } = context;
      const browser = await newContext('desktop', 'zh');
      const page = await browser.newPage();

      // Public: each region's 2025 commitments by address, and the picker moves between them.
      await page.goto(`${server.baseUrl}/#/r/630105/2025/commitments`);
      await expectText(page, NORTH_ITEM);
      const picker = page.getByRole('banner').getByLabel('地区和年度');
      await picker.selectOption({ label: `${WEST.name} · 2025` });
      await expectText(page, WEST_ITEM);
      assert(page.url().includes(`/r/${WEST.code}/2025/commitments`), `the picker keeps the page and changes the place, got ${page.url()}`);
      assert((await page.getByText(NORTH_ITEM).count()) === 0, '城西区 does not list 城北区 items');
      // The landing page opens where the visitor was last.
      await page.goto(`${server.baseUrl}/#/`);
      await page.waitForURL(new RegExp(`#/r/${WEST.code}/2025$`)).catch(() => {
        throw new Error(`the landing page should open the last place seen (${WEST.name} 2025), went to ${page.url()}`);
      });
      await page.goto(`${server.baseUrl}/#/r/630105/2025`);
      await expectText(page, '城北区 · 2025'); // the page is shown, so it is remembered
      await page.goto(`${server.baseUrl}/#/`);
      await page.waitForURL(/#\/r\/630105\/2025$/).catch(() => {
        throw new Error(`the landing page should open the last place seen (城北区 2025), went to ${page.url()}`);
      });
      // A document page names the document's own region in the header, not the place seen last (城北区).
      await page.goto(`${server.baseUrl}/#/documents/${westDocument}`);
      await expectText(page, '城西区2025年重点工作安排');
      await page.waitForFunction((code) => (document.querySelector('header select') as HTMLSelectElement | null)?.value === `${code}:2025`, WEST.code, { timeout: 5000 }).catch(async () => {
        throw new Error(`the header should name ${WEST.name} · 2025 on its document, shows ${await page.getByRole('banner').getByLabel('地区和年度').inputValue()}`);
      });
      await browser.close();

      // Each unit editor opens the workbench on its own region, with no region or year in the address.
      for (const [username, password, own, other] of [
        ['xiwenlv', 'west-editor-Pw-2025', WEST_ITEM, NORTH_ITEM],
        ['linye', 'unit-editor-Pw-2025', NORTH_ITEM, WEST_ITEM],
      ] as const) {
        // Signed in through the API (the sign-in page itself is driven by the staff scenarios), cookies handed over.
        const session = await apiSignIn(server.baseUrl, username, password);
        const editorContext = await signedInContext(context, session.cookies, 'phone');
        const editorPage = await editorContext.newPage();
        await editorPage.goto(`${server.baseUrl}/#/staff/progress`);
        await editorPage.getByRole('button', { name: '退出' }).waitFor();
        await expectText(editorPage, own);
        assert((await editorPage.getByText(other).count()) === 0, `${username} must not see ${other}`);
        await editorContext.close();
      }
    },
  },
];
