import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  portal = await startPortal();
  ctx = await noScriptContext(portal.browser);
  page = await ctx.newPage();
  await page.goto(`${portal.url}/sign-in`);
  await page.locator('form[action="/sign-in"] input[name="email"]').fill('citizen@open-region.example');
  await page.locator('form[action="/sign-in"] input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form[action="/sign-in"] button[type="submit"]').click();
  await page.waitForLoadState();
});
afterAll(async () => {
  await ctx?.close();
  await portal?.close();
});

describe('e-mail subscriptions pass axe with JavaScript off', () => {
  it('the cabinet links to them, and the list and the new-subscription form are clean', async () => {
    await page.goto(`${portal.url}/cabinet`);
    await page.locator('a[href="/subscriptions"]').first().click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/subscriptions');
    await expectAxeClean(page);
    await page.goto(`${portal.url}/subscriptions/new`);
    expect(await page.locator('h1').count()).toBe(1);
    await expectAxeClean(page);
    // sending the form empty comes back with the error summary, still clean
    await page.locator('form[action="/subscriptions/new"] button[type="submit"]').last().click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAxeClean(page);
  });
});
