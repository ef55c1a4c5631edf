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
});
