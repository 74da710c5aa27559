/**
 * One month of the 督办 loop (issue 18): the 督查室 sets a monthly cycle due on the 25th; two units share an item;
 * one reports on time and is approved, the other misses the due day → the reminder pass puts 逾期未报 in its bell and
 * sends an email (local SMTP receiver) and a webhook post (local receiver) → the 督查室 sends a 催办 from the warnings
 * page → the unit reports, is returned, resubmits and is approved; its slot counts as filled late (未按时报送).
 * The server's clock is set to June of the plan year for the scenario and given back at its end.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { apiSignIn, assert, expectText, SCREENSHOT_DIR, sessionCaller, signedInContext, VIEWPORTS, type E2eContext, type Scenario } from './harness.ts';

const REGION = '630105';
const ON_TIME_UNIT = '督办测试教育局';
const LATE_UNIT = '督办测试住建局';
const ITEM = '督办测试：新建普惠性幼儿园3所';
const URGE_NOTE = '请于今日内报送6月进展';
const LATE_EMAIL = 'zhujian@e2e.example';

/** 10:00 in Beijing on a day of June of `year`. */
const juneDay = (year: number, day: number) => new Date(Date.UTC(year, 5, day, 2, 0));

async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const viewport of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}-zh.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

async function callerFor(context: E2eContext, username: string, password: string) {
  const session = await apiSignIn(context.server.baseUrl, username, password);
  return { call: sessionCaller(context.server.baseUrl, session), cookies: session.cookies };
}

export const reportingLoopScenarios: Scenario[] = [
  {
    name: '督办 loop: a monthly cycle, one unit on time, one late → reminder in the bell, email and webhook → 催办 → returned → resubmitted → approved',
    async run(context) {
      const { server } = context;
      const admin = server.admin;
      try {
        let staff = await callerFor(context, admin.username, admin.password);
        const plans = await staff.call<{ items: { id: number; year: number }[] }>('GET', `/api/plans?region=${REGION}`);
        const plan = plans.body.items.sort((a, b) => a.year - b.year)[0];
        assert(plan, 'a plan of 城北区 exists (the demo)');
        const year = plan.year;
        server.setClock(juneDay(year, 20));
        staff = await callerFor(context, admin.username, admin.password);

        const onTimeUnit = (await staff.call<{ id: number }>('POST', '/api/units', { region_code: REGION, name: ON_TIME_UNIT })).body.id;
        const lateUnit = (await staff.call<{ id: number }>('POST', '/api/units', { region_code: REGION, name: LATE_UNIT })).body.id;
        const created = await staff.call<{ id: number }>('POST', '/api/commitments', { plan_id: plan.id, title: ITEM, target_value: '3', target_unit: '所', lead_unit_id: onTimeUnit, supporting_unit_ids: [lateUnit] });
        assert(created.status === 201, `the item is created (${created.status})`);
        const itemId = created.body.id;
        await server.addUser({ username: 'duban_jy', password: 'duban-jy-Pw-2025', role: 'unit_editor', unitId: onTimeUnit, displayName: '教育局填报员' });
        await server.addUser({ username: 'duban_zj', password: 'duban-zj-Pw-2025', role: 'unit_editor', unitId: lateUnit, displayName: '住建局填报员' });

        // The 督查室 sets the cycle on the warnings page.
        const staffBrowser = await signedInContext(context, staff.cookies, 'desktop');
        const staffPage = await staffBrowser.newPage();
        await staffPage.goto(`${server.baseUrl}/#/staff/warnings?region=${REGION}&year=${year}`);
        await expectText(staffPage, '按时报送');
        await staffPage.getByRole('combobox', { name: /^报送周期/ }).selectOption('monthly');
        await staffPage.getByRole('spinbutton', { name: /^截止日/ }).fill('25');
        await staffPage.getByRole('spinbutton', { name: /^提前提醒天数/ }).fill('3');
        await staffPage.getByRole('button', { name: '保存报送周期' }).click();
        await expectText(staffPage, '报送周期：每月，截止日 25');
        await staffBrowser.close();

        // The lead unit reports on 20 June and is approved; the supporting unit gives an email address for reminders.
        const onTime = await callerFor(context, 'duban_jy', 'duban-jy-Pw-2025');
        const report = await onTime.call<{ id: number }>('POST', `/api/commitments/${itemId}/progress`, { reported_on: `${year}-06-20`, amount: '1', note: '1所已竣工' });
        assert(report.status === 201, `the on-time report is accepted (${report.status})`);
        assert((await staff.call('POST', `/api/progress/${report.body.id}/approve`)).status === 200, 'the on-time report is approved');
        const late = await callerFor(context, 'duban_zj', 'duban-zj-Pw-2025');
        assert((await late.call('PUT', '/api/notifications/email', { email: LATE_EMAIL })).status === 204, 'the late unit sets its email');

        // 26 June: the due day has passed. The reminder pass (the scheduler's tick, run by hand) reminds the late unit.
        server.setClock(juneDay(year, 26));
        staff = await callerFor(context, admin.username, admin.password);
        const pass = await staff.call<{ reminders: number; sent: number; failed: number }>('POST', '/api/reminders/run');
        assert(pass.status === 200 && pass.body.reminders >= 1 && pass.body.failed === 0, `the reminder pass ran: ${JSON.stringify(pass.body)}`);
        const mail = server.mail.filter((message) => message.to.includes(LATE_EMAIL));
        assert(mail.length === 1, `one email reached the late unit (${mail.length})`);
        const posts = server.webhooks.filter((post) => (post as { duixian?: { unit_id?: number; kind?: string } }).duixian?.unit_id === lateUnit);
        assert(posts.length === 1 && (posts[0] as { duixian: { kind: string } }).duixian.kind === 'overdue', `one overdue webhook post names the late unit: ${JSON.stringify(posts)}`);
        const onTimePosts = server.webhooks.filter((post) => (post as { duixian?: { unit_id?: number } }).duixian?.unit_id === onTimeUnit);
        assert(onTimePosts.length === 0, 'the on-time unit got no reminder');
        context.log(`reminder pass: ${JSON.stringify(pass.body)}; email to ${mail[0]!.to.join(', ')}; webhook text: ${(posts[0] as { text: { content: string } }).text.content.slice(0, 40)}…`);

        // The late unit's editor sees it in the bell.
        const lateSession = await callerFor(context, 'duban_zj', 'duban-zj-Pw-2025');
        const lateBrowser = await signedInContext(context, lateSession.cookies, 'desktop');
        const latePage = await lateBrowser.newPage();
        await latePage.goto(`${server.baseUrl}/#/staff/warnings?region=${REGION}&year=${year}`);
        const bell = latePage.getByRole('button', { name: /通知/ });
        await bell.waitFor();
        assert((await latePage.locator('.bell-count').innerText()).trim() === '1', 'the bell counts one unread notification');
        await bell.click();
        await expectText(latePage, '逾期未报：' + ITEM);
        await expectText(latePage, `${year}-06-25`);
        await screenshotBoth(latePage, 'reporting-bell-overdue');

        // The 督查室 sees the late unit on the warnings page and sends a 催办 with a note.
        const staffAgain = await signedInContext(context, staff.cookies, 'desktop');
        const warnings = await staffAgain.newPage();
        await warnings.goto(`${server.baseUrl}/#/staff/warnings?region=${REGION}&year=${year}`);
        const lateTable = warnings.locator('table', { has: warnings.locator('caption', { hasText: '各单位未按时报送' }) });
        const row = lateTable.getByRole('row', { name: new RegExp(LATE_UNIT) });
        await row.waitFor();
        const cells = await row.locator('td').allInnerTexts();
        assert(cells[3]?.trim() === '1', `the late unit has 1 未按时报送 (${cells.join(' | ')})`);
        await row.getByRole('button', { name: '催办' }).click();
        await warnings.getByLabel(`催办${LATE_UNIT}，事由`).fill(URGE_NOTE);
        await warnings.getByRole('button', { name: '发送催办' }).click();
        await expectText(warnings, '已催办');
        await screenshotBoth(warnings, 'reporting-warnings-late');
        assert(server.mail.filter((message) => message.to.includes(LATE_EMAIL)).length === 2, 'the 催办 was emailed too');

        // The unit reports; the 督查室 returns it; the unit resubmits; the 督查室 approves.
        const first = await lateSession.call<{ id: number }>('POST', `/api/commitments/${itemId}/progress`, { reported_on: `${year}-06-26`, percent: '30' });
        assert(first.status === 201, 'the late report is accepted');
        assert((await staff.call('POST', `/api/progress/${first.body.id}/return`, { reason: '缺少现场照片' })).status === 200, 'it is returned');
        type Slots = { items: { unit_id: number; status: string; is_late: boolean; commitment_id: number }[] };
        const slotOf = async () => (await staff.call<Slots>('GET', `/api/reporting/slots?region=${REGION}&year=${year}&unit_id=${lateUnit}`)).body.items.find((slot) => slot.commitment_id === itemId);
        assert((await slotOf())?.status === 'overdue', 'a returned report leaves the slot unfilled');
        const second = await lateSession.call<{ id: number }>('POST', `/api/commitments/${itemId}/progress`, { reported_on: `${year}-06-26`, percent: '30', note: '补充现场照片' });
        assert((await staff.call('POST', `/api/progress/${second.body.id}/approve`)).status === 200, 'the resubmission is approved');
        const filled = await slotOf();
        assert(filled?.status === 'approved' && filled.is_late, `the slot is filled, late: ${JSON.stringify(filled)}`);

        await latePage.reload();
        await latePage.getByRole('button', { name: /通知/ }).click();
        await expectText(latePage, URGE_NOTE);
        await expectText(latePage, `${year}-06-26 补报`);
        await lateBrowser.close();
        await staffAgain.close();
      } finally {
        server.setClock(undefined);
      }
    },
  },
];
