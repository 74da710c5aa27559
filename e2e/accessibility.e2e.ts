/**
 * Keyboard and screen-reader basics on every public page and the sign-in page: the first Tab reaches the skip link,
 * then the navigation in reading order; every form control has a label, every image a text alternative, every button
 * a name, and the document language follows the interface language.
 */
import type { Page } from 'playwright-core';
import { assert, type Scenario } from './harness.ts';

const PATHS = ['/#/r/630105/2024', '/#/r/630105/2024/budget', '/#/r/630105/2024/commitments', '/#/commitments/1', '/#/r/630105/2024/documents', '/#/r/630105/2024/follow-up', '/#/documents/1', '/#/staff/sign-in'];

/** Names of controls without a label, images without alt and buttons without a name. */
async function findUnlabelled(page: Page): Promise<string[]> {
  // Passed as source text: tsx would otherwise wrap inner functions in a helper the page does not have.
  return page.evaluate(`(() => {
    const problems = [];
    const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className ? '.' + String(element.className).split(' ')[0] : '');
    for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labelled = control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || control.closest('label') || (control.id && document.querySelector('label[for="' + control.id + '"]'));
      if (!labelled) problems.push('control without label: ' + describe(control));
    }
    for (const image of document.querySelectorAll('img')) {
      if (!image.hasAttribute('alt')) problems.push('image without alt: ' + image.getAttribute('src'));
    }
    for (const button of document.querySelectorAll('button, a[href]')) {
      const name = (button.getAttribute('aria-label') || '') + (button.textContent || '').trim();
      if (!name && !button.querySelector('img[alt]:not([alt=""])')) problems.push('unnamed ' + describe(button));
    }
    return problems;
  })()`);
}

export const accessibilityScenarios: Scenario[] = [
  {
    name: 'keyboard order starts with the skip link and the navigation, and every control, image and button is named',
    async run({ server, newContext }) {
      const context = await newContext('desktop', 'zh');
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/#/r/630105/2024`);
      await page.getByText('21.98亿元').first().waitFor();
      await page.keyboard.press('Tab');
      assert((await page.evaluate(() => document.activeElement?.textContent)) === '跳到正文', 'the first Tab reaches the skip link');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert((await page.evaluate(() => document.activeElement?.textContent)) === '民生账本', 'then the brand, then the first navigation link');
      assert((await page.evaluate(() => document.documentElement.lang)) === 'zh-CN', 'the page language is zh-CN');
      const problems: string[] = [];
      for (const path of PATHS) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        problems.push(...(await findUnlabelled(page)).map((problem) => `${path}: ${problem}`));
      }
      assert(problems.length === 0, problems.join('\n'));
      await page.getByRole('button', { name: /English/ }).click();
      assert((await page.evaluate(() => document.documentElement.lang)) === 'en', 'switching to English sets lang="en"');
      await context.close();
    },
  },
];
