/**
 * The admin's 管理 page: adds the region 630106 城南区, a unit there and a unit editor for it through the page, reads
 * the one-time password the page shows once, and the API then lists all three. Screenshots at desktop and phone width.
 * Example: npx tsx e2e/run.ts --only 管理.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, signedInContext, type Scenario } from './harness.ts';

const SOUTH = { code: '630106', name: '城南区' };
const UNIT = '城南区教育局';
const EDITOR = { username: 'chengnan_edu', displayName: '城南教育填报员' };

export const adminScenarios: Scenario[] = [
  {
    name: 'the admin\'s 管理 page adds a region, a unit and a unit editor, and shows the one-time password once',
    async run(context) {
      const { server } = context;
      const session = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);
      const desktop = await signedInContext(context, session.cookies, 'desktop');
      const page = await desktop.newPage();
      await page.goto(`${server.baseUrl}/#/staff/admin`);
      await page.getByRole('heading', { name: '地区', exact: true }).waitFor();
      await expectText(page, '630105');

      // 地区: the new district (no parent), then its unit and its editor, each through the page's forms.
      await page.getByLabel('行政区划代码（6位数字）').fill(SOUTH.code);
      await page.locator('#region-name').fill(SOUTH.name);
      await page.getByRole('button', { name: '新增地区' }).click();
      await page.getByRole('list', { name: '地区', exact: true }).getByText(SOUTH.code).waitFor();

      await page.getByLabel('所属地区').selectOption(SOUTH.code);
      await page.locator('#unit-name').fill(UNIT);
      await page.getByRole('button', { name: '新增单位' }).click();
      await page.getByRole('list', { name: '单位', exact: true }).getByText(UNIT).waitFor();

      await page.getByLabel('登录名').fill(EDITOR.username);
      await page.getByLabel('姓名（可选）').fill(EDITOR.displayName);
      await page.getByLabel('角色').selectOption({ label: '单位填报员' });
      await page.getByLabel('所属单位').selectOption({ label: `${SOUTH.name} · ${UNIT}` });
      await page.getByRole('button', { name: '新增用户' }).click();
      const shown = page.getByTestId('one-time-password');
      await shown.waitFor();
      const oneTime = (await shown.textContent())?.trim() ?? '';
      assert(oneTime.length >= 8, `the page shows a one-time password, got "${oneTime}"`);
      await expectText(page, `${EDITOR.username} 的一次性密码`);
      await expectText(page, '此密码只显示这一次');
      const row = page.getByRole('list', { name: '用户', exact: true }).getByRole('listitem').filter({ hasText: EDITOR.username });
      await row.getByText(`单位填报员 · ${SOUTH.name} · ${UNIT}`).waitFor();

      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-desktop-zh.png'), fullPage: true });

      // The API agrees: the region, its unit, the user with that unit; and the one-time password signs the editor in.
      const headers = { cookie: session.cookies.join('; ') };
      const regions = (await (await fetch(`${server.baseUrl}/api/regions`)).json()) as { items: { code: string; name: string }[] };
      assert(regions.items.some((region) => region.code === SOUTH.code && region.name === SOUTH.name), 'GET /api/regions lists 城南区 630106');
      const units = (await (await fetch(`${server.baseUrl}/api/units?region=${SOUTH.code}`)).json()) as { items: { id: number; name: string }[] };
      const unit = units.items.find((candidate) => candidate.name === UNIT);
      assert(unit, `GET /api/units?region=${SOUTH.code} lists ${UNIT}`);
      const users = (await (await fetch(`${server.baseUrl}/api/users`, { headers })).json()) as { items: { username: string; role: string; unit_id: number | null; display_name: string | null }[] };
      const user = users.items.find((candidate) => candidate.username === EDITOR.username);
      assert(user?.role === 'unit_editor' && user.unit_id === unit.id && user.display_name === EDITOR.displayName, `GET /api/users lists the editor with its unit, got ${JSON.stringify(user)}`);
      const editor = await apiSignIn(server.baseUrl, EDITOR.username, oneTime);
      assert(editor.cookies.length > 0, 'the one-time password signs the new editor in');
      await desktop.close();

      // Phone width: the page fits without sideways scroll.
      const phone = await signedInContext(context, session.cookies, 'phone');
      const phonePage = await phone.newPage();
      await phonePage.goto(`${server.baseUrl}/#/staff/admin`);
      await phonePage.getByRole('list', { name: '用户', exact: true }).getByText(EDITOR.username).waitFor();
      const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `the 管理 page scrolls sideways on a phone by ${overflow}px`);
      await phonePage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-phone-zh.png'), fullPage: true });
      await phone.close();
    },
  },
];
