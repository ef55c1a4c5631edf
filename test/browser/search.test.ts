import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF_DOCUMENT, DEMO_PDF_PHRASE } from '../../src/modules/publications/index.ts';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let noJs: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  noJs = await noScriptContext(portal.browser);
});
afterAll(async () => {
  await noJs?.close();
  await portal?.close();
});

const TITLE =
  'Об утверждении порядка оказания медицинской помощи взрослому населению Калининградской области';

/** The visitor's own steps, JavaScript off: the box on /search, then the result's link. */
async function searchFor(fill: (page: import('playwright-core').Page) => Promise<void>) {
  const page = await noJs.newPage();
  await page.goto(`${portal.url}/`);
  await page.getByRole('link', { name: 'Поиск', exact: true }).click();
  await page.waitForURL(/\/search$/);
  await fill(page);
  await page.getByRole('button', { name: 'Найти' }).click();
  await page.waitForURL(/\/search\?/);
  return page;
}

describe('a new visitor finds the seeded document with JavaScript off', () => {
  it('by words in other grammatical forms', async () => {
    const page = await searchFor((p) => p.getByLabel('Что вы ищете').fill('медицинская помощь взрослым'));
    const result = page.getByRole('link', { name: TITLE });
    await expect(result.count()).resolves.toBe(1);
    expect(await page.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['медицинской', 'помощи']),
    );
    await expectAxeClean(page);
    await result.click();
    await page.waitForURL(/\/orgs\/minzdrav\/documents\//);
    expect(await page.locator('h1').textContent()).toContain(
      'Об утверждении порядка оказания медицинской помощи',
    );
    expect(await page.locator('main').textContent()).toContain(DEMO_PDF_DOCUMENT.number);
    await page.close();
  });

  it('by its number, in the advanced form and in the box', async () => {
    const page = await searchFor(async (p) => {
      await p.getByText('Расширенный поиск').click();
      await p.getByLabel('Номер', { exact: true }).fill(DEMO_PDF_DOCUMENT.number);
    });
    expect(page.url()).toContain('number=');
    const links = page.locator('.app-search-hit h3 a');
    expect(await links.allTextContents()).toEqual([TITLE]);
    await expectAxeClean(page);
    await page.close();
    const box = await searchFor((p) => p.getByLabel('Что вы ищете').fill(`№ ${DEMO_PDF_DOCUMENT.number}`));
    expect(await box.locator('.app-search-hit h3 a').first().textContent()).toBe(TITLE);
    await box.close();
  });

  it('by a phrase that occurs only inside its PDF attachment', async () => {
    const page = await searchFor((p) => p.getByLabel('Что вы ищете').fill(DEMO_PDF_PHRASE));
    expect(await page.locator('.app-search-hit h3 a').allTextContents()).toEqual([TITLE]);
    expect(await page.locator('.app-search-hit mark').allTextContents()).toEqual(
      expect.arrayContaining(['маршрутизация', 'пациентов']),
    );
    await page.close();
  });
});

describe('search pages pass axe with JavaScript off', () => {
  for (const path of [
    '/search',
    '/search?q=%22%26%7C!()%3A*',
    '/search?docFrom=31.02.2026&number=1&numberMode=prefix',
    '/search?type=document&org=minzdrav&sort=date',
    '/search?q=%D0%B7%D0%B4%D1%80%D0%B0%D0%B2%D0%BE%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B5%D0%BD%D0%B8%D1%8F',
    '/legal-reference',
    '/orgs/minzdrav/legal-reference?topic=%D0%B7%D0%B4%D1%80%D0%B0%D0%B2%D0%BE%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5',
    '/search?lang=en&q=%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C',
  ]) {
    it(path, async () => {
      const page = await noJs.newPage();
      const res = await page.goto(`${portal.url}${path}`);
      expect(res?.status()).toBe(200);
      await expectAxeClean(page);
      await page.close();
    });
  }
});
