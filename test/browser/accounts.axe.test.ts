import type { BrowserContext, Page } from 'playwright-core';
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

async function signInAs(page: Page, email: string) {
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Адрес электронной почты').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill('demo-pass-2026');
  await page.locator('form[action="/sign-in"] button[type="submit"]').click();
  await page.waitForLoadState('domcontentloaded');
}

describe('accounts pages pass axe at WCAG 2.1 AA (JavaScript off)', () => {
  it('anonymous pages: password reset, its error state, kiosk, the demo ЕСИА login', async () => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${portal.url}/password-reset`);
    await expectAxeClean(page);
    await page.locator('form[action="/password-reset"] button[type="submit"]').click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAxeClean(page);
    await page.goto(`${portal.url}/kiosk`);
    await expectAxeClean(page);
    // The portal sends the browser to the provider at PUBLIC_URL (port 3000 in the harness): go there on this port.
    const start = await page.request.get(`${portal.url}/sign-in/oidc/esia`, { maxRedirects: 0 });
    const authorize = new URL(start.headers().location as string);
    await page.goto(`${portal.url}${authorize.pathname}${authorize.search}`);
    await page.waitForURL(/\/dev-idp\/interaction\//);
    expect(await page.locator('h1').textContent()).toContain('Демонстрационная ЕСИА');
    await expectAxeClean(page);
    await page.close();
  });

  it('the cabinet, /manage and people and roles for an administrator', async () => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await signInAs(page, 'admin@open-region.example');
    for (const path of [
      '/cabinet',
      '/cabinet/name',
      '/cabinet/password',
      '/manage',
      '/manage/users?q=open',
    ]) {
      await page.goto(`${portal.url}${path}`);
      expect(page.url()).toContain(path.split('?')[0]);
      await expectAxeClean(page);
    }
    await page.locator('main table a').first().click();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/\/manage\/users\/[0-9a-f-]{36}$/);
    await expectAxeClean(page);
    await page.close();
  });

  it('a kiosk terminal: staff set a PIN; with JavaScript the idle warning offers «Продолжить», then the screen resets', async () => {
    const context = await portal.browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInAs(page, 'admin@open-region.example');
    await page.goto(`${portal.url}/kiosk`);
    await page.getByLabel('Придумайте PIN-код терминала').fill('4821');
    await page.getByLabel('Повторите PIN-код').fill('4821');
    await page.getByRole('button', { name: 'Включить режим терминала' }).click();
    await page.waitForURL(/\/kiosk$/);
    expect(await page.locator('main').textContent()).toContain('Режим терминала включён');

    // the page's timers run on a clock the test moves (installed before the page loads)
    await page.clock.install();
    await page.goto(`${portal.url}/`);
    const warning = page.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
    expect(await warning.isVisible()).toBe(false);
    // four idle minutes: the warning, its button focused, the page still axe clean
    await page.clock.runFor(4 * 60 * 1000 + 2000);
    await warning.waitFor({ state: 'visible' });
    const continueButton = warning.getByRole('button', { name: 'Продолжить' });
    expect(await continueButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await expectAxeClean(page, { withScripts: true });
    await continueButton.click();
    await warning.waitFor({ state: 'hidden' });
    // «Продолжить» starts the count again: three more minutes change nothing
    await page.clock.runFor(3 * 60 * 1000);
    expect(await warning.isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/');
    // left alone, the screen resets to the start
    await page.clock.runFor(2 * 60 * 1000 + 2000);
    await page.waitForURL(/\/kiosk\/idle$/);
    expect(await page.locator('h1').textContent()).toBe('Сеанс завершён');

    // only the PIN takes the terminal out of kiosk mode
    await page.goto(`${portal.url}/kiosk`);
    await page.getByLabel('PIN-код терминала').fill('1111');
    await page.getByRole('button', { name: 'Выключить режим терминала' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('PIN-код неверный');
    await expectAxeClean(page);
    await page.getByLabel('PIN-код терминала').fill('4821');
    await page.getByRole('button', { name: 'Выключить режим терминала' }).click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('main').textContent()).toContain('Режим терминала выключен');
    await context.close();
  });
});
