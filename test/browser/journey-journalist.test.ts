import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, type Portal, startPortal } from './harness.ts';

// Issue 10, «The journalist», from the home page of the demo region: the register of the region's
// acts and its filter, a law found by its usual citation, a minister found by name and their
// declarations over the years. JavaScript off and on, at 1280 px and at 375 px; every page
// visited passes axe and never scrolls sideways.

let portal: Portal;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
      .filter((e) => !e.closest('.app-table-wrap, .app-table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }));
  expect(scrollWidth, `${page.url()}: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

/** Every page of the journey: loaded, axe clean, no sideways scroll. */
async function check(page: Page, js: boolean) {
  await page.waitForLoadState('load');
  await expectAxeClean(page, { withScripts: js });
  await expectNoSidewaysScroll(page);
}

const LAW = 'Об областном бюджете на 2025 год и на плановый период 2026 и 2027 годов';

for (const js of [false, true])
  for (const width of [1280, 375])
    describe(`the journalist (JavaScript ${js ? 'on' : 'off'}, ${width} px)`, () => {
      it('finds the region’s acts, a law by its citation and a minister’s declarations', async () => {
        const context = await portal.browser.newContext({
          locale: 'ru-RU',
          javaScriptEnabled: js,
          viewport: { width, height: 900 },
        });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(portal.url);
        await check(page, js);

        // The register of the region's acts, from the home page
        await page
          .getByRole('link', {
            name: 'Законы области, постановления и распоряжения Правительства, указы Губернатора',
          })
          .click();
        await expect.poll(() => new URL(page.url()).pathname).toBe('/legal-acts');
        await check(page, js);
        await expect.poll(() => page.getByRole('link', { name: LAW }).count()).toBe(1);
        await page.getByLabel('Вид документа').selectOption({ label: 'Закон Калининградской области' });
        await page.getByRole('button', { name: 'Отобрать' }).click();
        await expect.poll(() => page.url()).toContain('type=');
        await check(page, js);
        const types = await page.locator('tbody tr td:first-child').allTextContents();
        expect(types.length).toBeGreaterThan(0);
        expect(new Set(types)).toEqual(new Set(['Закон Калининградской области']));

        // A law by its usual citation, from the search box
        // (at 375 px with JavaScript the service navigation folds its links under «Меню»)
        if (js && width < 641) await page.getByRole('button', { name: 'Меню' }).click();
        await page.getByRole('link', { name: 'Поиск', exact: true }).first().click();
        await page.getByLabel('Что вы ищете').fill('закон Калининградской области № 112');
        await page.getByRole('button', { name: 'Найти' }).click();
        await expect.poll(() => page.url()).toContain('/search?');
        await check(page, js);
        expect(await page.locator('.app-search-hit h3 a').first().textContent()).toBe(LAW);
        await page.locator('.app-search-hit h3 a').first().click();
        await expect.poll(() => page.url()).toContain('/orgs/government/documents/');
        await check(page, js);
        expect(await page.locator('main').textContent()).toContain('Закон Калининградской области');

        // A minister by name, and their declarations over the years
        await page.goto(`${portal.url}/search`);
        await page.getByLabel('Что вы ищете').fill('Петров');
        await page.getByRole('button', { name: 'Найти' }).click();
        await expect.poll(() => page.url()).toContain('q=');
        await check(page, js);
        const declarant = page.locator('.app-search-hit h3 a[href*="/declarations/officials/"]').first();
        await declarant.click();
        await expect.poll(() => page.url()).toContain('/declarations/officials/');
        await check(page, js);
        const text = (await page.locator('main').textContent()) ?? '';
        for (const year of ['2023', '2024', '2025']) expect(text).toContain(year);
        await page.close();
        // five pages, each replayed for axe, on a loaded machine: more than the suite's three minutes
      }, 420_000);
    });
