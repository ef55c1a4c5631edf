import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let noJs: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  noJs = await noScriptContext(portal.browser);
  noJs.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await noJs?.close();
  await portal?.close();
});

const htmlClass = (page: Page) => page.locator('html').getAttribute('class');

describe('the version for the visually impaired works without JavaScript', () => {
  it('is reached from the header and turned on with the settings form', async () => {
    const page = await noJs.newPage();
    await page.goto(`${portal.url}/no-such-page`);
    await page.locator('header a[href="/accessibility"]').click();
    await page.waitForURL(/\/accessibility$/);
    await page.getByLabel('Крупный', { exact: true }).check();
    await page.getByLabel('Белый текст на чёрном фоне', { exact: true }).check();
    await page.getByLabel('Не показывать', { exact: true }).check();
    await page.getByLabel('Увеличенные', { exact: true }).check();
    await page.getByRole('button', { name: 'Включить версию для слабовидящих' }).click();
    await page.waitForURL(/saved=1/);
    const cls = await htmlClass(page);
    expect(cls).toContain('low-vision--scheme-black');
    expect(cls).toContain('low-vision--large');
    expect(cls).toContain('low-vision--no-images');
    expect(cls).toContain('low-vision--spacing');
  });

  it('the bar makes the text larger in place, and the standard version turns it all off', async () => {
    const page = await noJs.newPage();
    await page.goto(`${portal.url}/no-such-page`);
    const size = () => page.locator('h1').evaluate((h) => Number.parseFloat(getComputedStyle(h).fontSize));
    const before = await size();
    await page.getByRole('button', { name: 'А++', exact: true }).click();
    await page.waitForURL(/\/no-such-page$/);
    expect(await htmlClass(page)).toContain('low-vision--xlarge');
    expect(await page.getByRole('button', { name: 'А++', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await size()).toBeGreaterThan(before);

    await page.getByRole('button', { name: 'Обычная версия сайта' }).click();
    await page.waitForURL(/\/no-such-page$/);
    expect(await htmlClass(page)).not.toContain('low-vision');
  });
});

describe('the version for the visually impaired passes axe at WCAG 2.1 AA', () => {
  // axe runs as a script in the page, so these pages are checked with JavaScript on.
  for (const lv of [undefined, 'large.1.0.white', 'xlarge.0.1.black', 'large.1.1.blue']) {
    it(`the settings page ${lv ? `with lv=${lv}` : 'off'}`, async () => {
      const ctx = await portal.browser.newContext({ locale: 'ru-RU' });
      try {
        if (lv) await ctx.addCookies([{ name: 'lv', value: lv, url: portal.url }]);
        const page = await ctx.newPage();
        await page.goto(`${portal.url}/accessibility`);
        expect(await page.locator('h1').textContent()).toBe('Версия для слабовидящих');
        await expectAxeClean(page);
      } finally {
        await ctx.close();
      }
    });
  }
});
