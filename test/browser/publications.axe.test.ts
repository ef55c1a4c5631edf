import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PDF_DOCUMENT } from '../../src/modules/publications/index.ts';
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

describe('publications with JavaScript off pass axe', () => {
  it('a document page: reached by its number, requisites, PDF attachment, «изменено» and history', async () => {
    const page = await noJs.newPage();
    await page.goto(
      `${portal.url}/documents/by-number/${DEMO_PDF_DOCUMENT.org}/${encodeURIComponent(DEMO_PDF_DOCUMENT.number)}`,
    );
    expect(page.url()).toMatch(/\/orgs\/minzdrav\/documents\/[0-9a-f-]{36}$/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('112-п');
    expect(text).toContain('Изменено'); // amended by приказ № 45-о
    expect(await page.locator('a[href^="/attachments/"]').count()).toBe(1);
    await expectAxeClean(page);
    await page.getByRole('link', { name: 'История изменений' }).first().click();
    expect(page.url()).toContain('/history');
    await expectAxeClean(page);
    await page.close();
  });

  it('a news page, reached from the press page', async () => {
    const page = await noJs.newPage();
    await page.goto(`${portal.url}/orgs/minzdrav/press`);
    await expectAxeClean(page);
    await page.getByRole('link', { name: /консультативный центр/ }).click();
    expect(page.url()).toMatch(/\/orgs\/minzdrav\/press\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toContain('консультативный центр');
    await expectAxeClean(page);
    await page.close();
  });

  for (const path of [
    '/orgs/minzdrav/documents',
    '/orgs/minzdrav/site-development',
    '/orgs/minfin/ethics',
    '/orgs/minzdrav/declarations',
    '/transparency',
  ]) {
    it(path, async () => {
      const page = await noJs.newPage();
      const res = await page.goto(`${portal.url}${path}`);
      expect(res?.status()).toBe(200);
      await expectAxeClean(page);
      await page.close();
    });
  }

  it('the diff between two versions of the corrected plan', async () => {
    const page = await noJs.newPage();
    await page.goto(`${portal.url}/documents/by-number/minzdrav/7-${encodeURIComponent('пл')}`);
    await page.getByRole('link', { name: 'История изменений' }).first().click();
    await page.getByRole('link', { name: /Изменения между версиями 1 и 2/ }).click();
    expect((await page.locator('ins').first().textContent()) ?? '').toMatch(/32|обучение/);
    await expectAxeClean(page);
    await page.close();
  });
});
