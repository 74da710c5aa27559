/**
 * The admin's account work on the 管理 page: moving a unit editor to another unit (they then see that unit's items and
 * no longer their old one's), disabling them (their open session ends, their sign-in is refused), and a unit's
 * contact person, which the assign page then shows beside the unit chosen to lead. Uses the units and items of staff.e2e.ts.
 * Example: npx tsx e2e/run.ts --no-build --only 调岗.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, signedInContext, type Scenario } from './harness.ts';

const FIRST = '完成北山造林绿化1.5万亩'; // led by 区林业和草原局 (staff.e2e.ts)
const SECOND = '新建社区养老服务站6个'; // led by 区民政局
const CIVIL = '区民政局';
const MOVER = { username: 'tiaogang', password: 'mover-Pw-2025-x', displayName: '调岗填报员' };
const CONTACT = { name: '王芳', phone: '0971-8123456', email: 'wangfang@cb.gov.cn' };

async function signInOnPage(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/staff/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export const adminFlowScenarios: Scenario[] = [
  {
    name: 'the admin moves a unit editor to another unit (调岗: they see its items), sets a unit contact the assign page shows, and disables the editor (sign-in refused)',
    async run(context) {
      const { server, shared, newContext } = context;
      const [forestryId, civilId] = shared.get('unitIds') as [number, number];
      await server.addUser({ username: MOVER.username, password: MOVER.password, role: 'unit_editor', unitId: forestryId, displayName: MOVER.displayName });
      const session = await apiSignIn(server.baseUrl, server.admin.username, server.admin.password);

      // The editor, signed in on their phone, sees the forestry bureau's item only.
      const phone = await newContext('phone', 'zh');
      const editorPage = await phone.newPage();
      await signInOnPage(editorPage, server.baseUrl, MOVER.username, MOVER.password);
      await editorPage.getByRole('button', { name: '退出' }).waitFor();
      await editorPage.goto(`${server.baseUrl}/#/staff/progress?region=630105&year=2025`);
      await expectText(editorPage, FIRST);
      assert((await editorPage.getByText(SECOND).count()) === 0, `before the move the editor must not see ${SECOND}`);

      // 管理 → 用户: move them to 区民政局.
      const desktop = await signedInContext(context, session.cookies, 'desktop');
      const admin = await desktop.newPage();
      await admin.goto(`${server.baseUrl}/#/staff/admin`);
      const users = admin.getByRole('list', { name: '用户', exact: true });
      await users.getByText(MOVER.username).waitFor();
      await users.getByRole('button', { name: `修改用户 ${MOVER.username}` }).click();
      const editor = admin.getByRole('form', { name: `修改用户 ${MOVER.username}` });
      await editor.getByLabel('所属单位').selectOption({ label: `城北区 · ${CIVIL}` });
      await editor.getByRole('button', { name: '保存' }).click();
      const row = users.locator(`li[data-username="${MOVER.username}"]`);
      await row.getByText(`单位填报员 · 城北区 · ${CIVIL}`).waitFor();

      // Same session, next request: the civil affairs bureau's item, not the forestry one.
      await editorPage.reload();
      await expectText(editorPage, SECOND);
      assert((await editorPage.getByText(FIRST).count()) === 0, `after the move the editor must no longer see ${FIRST}`);
      await editorPage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-moved-editor-phone-zh.png'), fullPage: true });

      // 管理 → 单位: the civil affairs bureau's contact person; the warnings page shows it beside the unit.
      await admin.getByLabel('所属地区').selectOption('630105');
      const units = admin.getByRole('list', { name: '单位', exact: true });
      await units.getByRole('button', { name: `修改单位 ${CIVIL}` }).click();
      const unitForm = admin.getByRole('form', { name: `修改单位 ${CIVIL}` });
      await unitForm.getByLabel('联系人姓名').fill(CONTACT.name);
      await unitForm.getByLabel('联系电话').fill(CONTACT.phone);
      await unitForm.getByLabel('电子邮箱').fill(CONTACT.email);
      await unitForm.getByRole('button', { name: '保存' }).click();
      await units.getByText(CONTACT.phone).waitFor();
      await admin.screenshot({ path: join(SCREENSHOT_DIR, 'admin-flows-desktop-zh.png'), fullPage: true });
      await admin.goto(`${server.baseUrl}/#/staff/assign?region=630105&year=2025`);
      await admin.getByRole('button', { name: `修改：${SECOND}` }).click();
      await admin.getByRole('form', { name: `修改：${SECOND}` }).getByText(CONTACT.phone).waitFor();
      await admin.screenshot({ path: join(SCREENSHOT_DIR, 'assign-contact-desktop-zh.png') });

      // 停用: confirmed, shown as 已停用; the editor's open session ends and a new sign-in is refused.
      await admin.goto(`${server.baseUrl}/#/staff/admin`);
      admin.once('dialog', (dialog) => void dialog.accept());
      await users.locator(`li[data-username="${MOVER.username}"]`).getByRole('button', { name: '停用' }).click();
      await users.locator(`li[data-username="${MOVER.username}"]`).getByText('已停用').waitFor();
      const ids = (shared.get('unitIds') as number[]) ?? [];
      assert(ids.includes(civilId), 'the unit ids of staff.e2e.ts are shared');
      await editorPage.reload();
      await editorPage.getByRole('button', { name: '登录' }).waitFor();
      await signInOnPage(editorPage, server.baseUrl, MOVER.username, MOVER.password);
      await expectText(editorPage, '账号已停用');
      const refused = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: MOVER.username, password: MOVER.password }),
      });
      assert(refused.status === 403, `a disabled editor's sign-in answers 403, got ${refused.status}`);
      await editorPage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-disabled-sign-in-phone-zh.png'), fullPage: true });

      // Phone width: the 管理 page with its edit forms fits without sideways scroll.
      const adminPhone = await signedInContext(context, session.cookies, 'phone');
      const phonePage = await adminPhone.newPage();
      await phonePage.goto(`${server.baseUrl}/#/staff/admin`);
      await phonePage.getByRole('list', { name: '用户', exact: true }).getByText(MOVER.username).waitFor();
      await phonePage.getByLabel('所属地区').selectOption('630105');
      await phonePage.getByRole('list', { name: '单位', exact: true }).getByRole('button', { name: `修改单位 ${CIVIL}` }).click();
      const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert(overflow <= 0, `the 管理 page scrolls sideways on a phone by ${overflow}px`);
      await phonePage.screenshot({ path: join(SCREENSHOT_DIR, 'admin-flows-phone-zh.png'), fullPage: true });
      await Promise.all([desktop.close(), phone.close(), adminPhone.close()]);
    },
  },
];
