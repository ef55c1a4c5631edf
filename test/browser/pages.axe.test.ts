import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let ctx: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  ctx = await noScriptContext(portal.browser);
});
afterAll(async () => {
  await ctx?.close();
  await portal?.close();
});

describe('public pages pass axe at WCAG 2.1 AA, without JavaScript', () => {
  it('the 404 page, in the layout', async () => {
    const page = await ctx.newPage();
    const res = await page.goto(`${portal.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    await expectAxeClean(page);
    await page.close();
  });

  for (const [path, heading] of [
    ['/sign-in', 'Вход'],
    ['/sign-up', 'Регистрация'],
    ['/sign-in?lang=en', 'Sign in'],
    ['/password-reset', ''],
  ] as const) {
    it(path, async () => {
      const page = await ctx.newPage();
      const res = await page.goto(`${portal.url}${path}`);
      expect(res?.status()).toBe(200);
      if (heading) expect(await page.locator('h1').textContent()).toContain(heading);
      await expectAxeClean(page);
      await page.close();
    });
  }

  it('the sign-in form with errors, which keeps the typed e-mail', async () => {
    const page = await ctx.newPage();
    // ?lang=ru: an earlier test switched this context to English
    await page.goto(`${portal.url}/sign-in?lang=ru`);
    const form = page.locator('form[action="/sign-in"]');
    await form.getByLabel('Адрес электронной почты', { exact: true }).fill('not-an-email');
    await form.locator('button[type="submit"]').click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await form.getByLabel('Адрес электронной почты', { exact: true }).inputValue()).toBe(
      'not-an-email',
    );
    await expectAxeClean(page);
    await page.close();
  });
});
