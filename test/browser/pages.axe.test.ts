import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let ctx: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  ctx = await portal.browser.newContext({ locale: 'ru-RU' });
});
afterAll(async () => {
  await ctx?.close();
  await portal?.close();
});

describe('public pages pass axe at WCAG 2.1 AA', () => {
  it('the 404 page', async () => {
    const page = await ctx.newPage();
    const res = await page.goto(`${portal.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1')).toBeDefined();
    expect(await page.locator('h1').innerText()).toBe('Страница не найдена');
    await expectAxeClean(page);
  });
});
