import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { signIn } from '../auth.ts';
import { expectAxeClean, expectNoSidewaysScroll, type Portal, startPortal } from './harness.ts';

// Concept VI.4 in Chromium on the demo region, on a phone with JavaScript off (the pages have no
// scripts of their own): a visitor opens the municipalities' acts on open municipal government, goes
// to Калининград's «Открытый муниципалитет» and on to its Положение; Калининград's editor publishes a
// new act with the box «Правовой акт об открытом муниципальном управлении» ticked and finds it in the
// section. Axe clean, no sideways scroll at 375 px.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const STEP = 300_000;

async function context(email?: string): Promise<Page> {
  const c = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false, viewport: PHONE });
  if (email) {
    const sid = (await signIn(portal.app, email, DEMO_PASSWORD)).jar.get('sid');
    if (!sid) throw new Error(`no session for ${email}`);
    await c.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  }
  contexts.push(c);
  return c.newPage();
}

async function look(page: Page, h1: string, axe = true) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.replace(/\s+/g, ' ').trim(), page.url()).toContain(h1);
  await expectNoSidewaysScroll(page);
  if (axe) await expectAxeClean(page, { withScripts: false });
}

async function follow(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
}

beforeAll(async () => {
  portal = await startPortal();
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('open municipality acts journey', () => {
  it(
    'a visitor goes from the region’s list to Калининград’s section and its Положение',
    async () => {
      const page = await context();
      await page.goto(`${portal.url}/legal-acts/open-municipality`);
      await look(page, 'Правовые акты муниципалитетов об открытом муниципальном управлении');
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('ещё не принявшие таких актов');
      expect(main).toMatch(/Приняли акты: 2 из \d+ муниципальных образований/);
      await follow(page, 'h2 a[href="/orgs/kaliningrad/open-municipality"]');
      await look(page, 'Открытый муниципалитет');
      const table = page.getByRole('table', { name: /Правовые акты об открытом муниципалитете/ });
      expect(await table.textContent()).toContain('Действует');
      await follow(page, 'main table a:text("Положения об открытом муниципалитете")');
      await look(page, 'Об утверждении Положения об открытом муниципалитете', false);
    },
    STEP,
  );

  it(
    "Калининград's editor marks a new act with the checkbox and finds it in the section",
    async () => {
      const page = await context('editor.kaliningrad@open-region.example');
      await page.goto(`${portal.url}/manage/orgs/kaliningrad/publications/documents/new`);
      await look(page, 'Добавить документ');
      await page.getByLabel('Вид документа').selectOption('постановление');
      await page.getByLabel('Номер', { exact: true }).fill('777');
      await page.getByLabel('Дата документа', { exact: true }).fill('01.03.2026');
      await page
        .getByLabel('Заголовок', { exact: true })
        .fill('О порядке отчёта главы администрации перед жителями');
      await page.getByLabel('Правовой акт об открытом муниципальном управлении').check();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Опубликовать' }).click(),
      ]);
      await page.goto(`${portal.url}/orgs/kaliningrad/open-municipality`);
      await look(page, 'Открытый муниципалитет', false);
      expect(await page.locator('main table').first().textContent()).toContain(
        'О порядке отчёта главы администрации перед жителями',
      );
    },
    STEP,
  );
});
