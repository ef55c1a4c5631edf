import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { DEMO_MONITORING } from '../../src/modules/monitoring/index.ts';
import { signIn } from '../auth.ts';
import { expectAxeClean, expectNoSidewaysScroll, type Portal, startPortal } from './harness.ts';

// Issue 17 «Done when», in Chromium on the demo region: a visitor on a phone opens the
// published openness rating and one municipality's page explaining every point (JavaScript
// off; the pages have no scripts of their own); Калининград's editor fills the self-assessment with JavaScript off on a phone,
// an evidence link that is not a link is named in the error summary, then the draft is saved. Axe clean, no
// sideways scroll at 375 px.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const STEP = 300_000;
const YEAR = DEMO_MONITORING.publishedYear;

async function context(opts: { js: boolean; email?: string }): Promise<Page> {
  const c = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: opts.js, viewport: PHONE });
  if (opts.email) {
    const sid = (await signIn(portal.app, opts.email, DEMO_PASSWORD)).jar.get('sid');
    if (!sid) throw new Error(`no session for ${opts.email}`);
    await c.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  }
  contexts.push(c);
  return c.newPage();
}

async function look(page: Page, h1: string | RegExp, js: boolean, again = false) {
  await page.waitForLoadState();
  const text = (await page.locator('h1').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  if (typeof h1 === 'string') expect(text, page.url()).toContain(h1);
  else expect(text, page.url()).toMatch(h1);
  await expectNoSidewaysScroll(page);
  // the same page in another state is not checked by axe again (the journey stays short)
  if (!again) await expectAxeClean(page, { withScripts: js });
}

beforeAll(async () => {
  portal = await startPortal();
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('monitoring journey', () => {
  // JavaScript off: these pages use none (axe on them with scripts took a minute more on the shared machine)
  const js = false;
  it(
    "a visitor reads the rating and one municipality's explanation",
    async () => {
      const page = await context({ js });
      await page.goto(`${portal.url}/rating`);
      await look(page, `Рейтинг открытости ${YEAR}`, js);
      expect(
        await page.getByRole('table', { name: 'Органы исполнительной власти' }).first().isVisible(),
      ).toBe(true);
      expect(await page.getByRole('table', { name: 'Муниципальные образования' }).first().isVisible()).toBe(
        true,
      );
      await Promise.all([
        page.waitForNavigation(),
        page.locator(`a[href="/rating/${YEAR}/kaliningrad"]`).first().click(),
      ]);
      await look(page, 'Калининград', js);
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toMatch(/Индекс [\d,]+ из 100/);
      expect(body).toContain('Ответ органа в самообследовании');
      expect(body).toContain('Оценки экспертов');
    },
    STEP,
  );

  it(
    "Калининград's editor fills the self-assessment with JavaScript off",
    async () => {
      const page = await context({ js: false, email: 'editor.kaliningrad@open-region.example' });
      await page.goto(`${portal.url}/manage/monitoring`);
      await look(page, 'Мониторинг открытости', false);
      await Promise.all([
        page.waitForNavigation(),
        page
          .getByRole('link', { name: new RegExp(`Самообследование ${DEMO_MONITORING.openYear}`) })
          .first()
          .click(),
      ]);
      await look(page, `Самообследование ${DEMO_MONITORING.openYear}`, false);
      // an evidence link that is not a link: the summary names it and the typed text stays
      const evidence = page.locator('input[name^="e_"]').first();
      await evidence.fill('протокол в папке');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Сохранить черновик' }).click(),
      ]);
      await look(page, `Самообследование ${DEMO_MONITORING.openYear}`, false, true);
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'укажите ссылку на подтверждение',
      );
      expect(await page.locator('input[name^="e_"]').first().inputValue()).toBe('протокол в папке');
      await page.locator('input[name^="e_"]').first().fill('/orgs/kaliningrad/council');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Сохранить черновик' }).click(),
      ]);
      expect(await page.locator('main').textContent()).toContain('Сохранено');
    },
    STEP,
  );
});
