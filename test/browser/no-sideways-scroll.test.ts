import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import { type CreatedUser, signIn } from '../auth.ts';
import { expectAxeClean, type Portal, startPortal } from './harness.ts';

// Issue 10: "tables fit the page or scroll inside a labelled container; no page scrolls
// sideways at 375 px". Each page named there is visited on a phone-sized screen, as the
// person who sees it, with JavaScript off.

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
let appealId: string;
const contexts: BrowserContext[] = [];

const PHONE = { width: 375, height: 740 };

async function phoneAs(user: CreatedUser | null, cookies: { name: string; value: string }[] = []) {
  const context = await portal.browser.newContext({
    locale: 'ru-RU',
    javaScriptEnabled: false,
    viewport: PHONE,
  });
  contexts.push(context);
  if (user) {
    const agent = await signIn(portal.app, user.email, user.password);
    await context.addCookies([{ name: 'sid', value: agent.jar.get('sid') as string, url: portal.url }]);
  }
  if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: portal.url })));
  return context;
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // what pokes out, to name it when the assertion fails
    wide: [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          e.getBoundingClientRect().right > window.innerWidth ||
          (e.children.length === 0 && e.scrollWidth > e.clientWidth + 1),
      )
      .filter((e) => !e.closest('.app-table-wrap, .app-table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }));
  expect(scrollWidth, `${page.url()}: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
  const a = await k.submit({ kind: 'complaint' });
  appealId = a.id;
  await k.submit();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('no page scrolls sideways at 375 px', () => {
  it('the citizen cabinet and its appeals', async () => {
    const page = await (await phoneAs(k.citizenUser)).newPage();
    for (const path of ['/cabinet', '/cabinet/appeals']) {
      await page.goto(`${portal.url}${path}`);
      expect(page.url()).toContain(path);
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
    }
  });

  it("an official's page of every published year, reached from the declarations table", async () => {
    const page = await (await phoneAs(null)).newPage();
    await page.goto(`${portal.url}/orgs/minzdrav/declarations`);
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: 'Петров А.С.' }).click();
    expect(page.url()).toMatch(/\/orgs\/minzdrav\/declarations\/officials\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toContain('Петров А.С.');
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
  });

  it("a body's home page", async () => {
    const page = await (await phoneAs(null)).newPage();
    await page.goto(`${portal.url}/orgs/${k.body.slug}`);
    expect(await page.locator('h1').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
  });

  it("the staff queue and an appeal's page", async () => {
    const page = await (await phoneAs(k.head)).newPage();
    await page.goto(`${portal.url}/manage/appeals`);
    expect(await page.locator('h1').textContent()).toBe('Обращения: рабочая очередь');
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
    await page.goto(`${portal.url}/manage/appeals/${appealId}`);
    expect(page.url()).toContain(appealId);
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
  });

  it('the home page in the version for the visually impaired', async () => {
    for (const lv of ['large.1.0.white', 'xlarge.0.1.black']) {
      const page = await (await phoneAs(null, [{ name: 'lv', value: lv }])).newPage();
      await page.goto(`${portal.url}/`);
      expect(await page.locator('html').getAttribute('class')).toContain('low-vision');
      await expectNoSidewaysScroll(page);
      await expectAxeClean(page);
    }
  });
});
