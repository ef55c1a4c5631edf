import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import { expectAxeClean, type Portal, signedInContext, startPortal } from './harness.ts';

// Issue 10, «The appeals officer and the signer»: the officer opens the queue on the work,
// sorts it, assigns by ticking, drafts an answer; the signer finds it awaiting signature and
// signs it with the position from the profile. Walked with JavaScript off and on; every page
// visited is axe-clean at 1280 px and 375 px and does not scroll sideways at 375 px.

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
const contexts: BrowserContext[] = [];

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
      .filter((e) => !e.closest('.app-table-wrap'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }));
  expect(scrollWidth, `${page.url()}: ${wide.join(', ')}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The page as it stands: no sideways scroll on a phone, axe-clean at both widths without
 * JavaScript; with JavaScript (the same markup, enhanced) axe runs on the phone width only,
 * as axe on a loaded two-core machine takes half a minute a page.
 */
async function checkPage(page: Page, js: boolean) {
  const started = Date.now();
  for (const size of js ? [PHONE] : [WIDE, PHONE]) {
    await page.setViewportSize(size);
    if (size === PHONE) await expectNoSidewaysScroll(page);
    await expectAxeClean(page, { withScripts: js });
  }
  await page.setViewportSize(WIDE);
  console.log(`checked ${new URL(page.url()).pathname} in ${Date.now() - started} ms`);
}

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('the appeals officer and the signer', () => {
  for (const js of [false, true]) {
    it(`works the queue to a signed answer (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const first = await k.submit();
      const second = await k.submit();
      await classifyAppeal(portal.deps, k.origin(k.officer), {
        id: first.id,
        questions: [{ topicCode: '0005.0005.0056.1160' }],
      });
      const officerCtx = await signedInContext(portal, k.officer, { javaScriptEnabled: js });
      const signerCtx = await signedInContext(portal, k.signer, { javaScriptEnabled: js });
      contexts.push(officerCtx, signerCtx);
      for (const c of [officerCtx, signerCtx]) c.setDefaultTimeout(30_000);
      const page = await officerCtx.newPage();
      await page.setViewportSize(WIDE);

      // the queue opens on the open appeals, with subject, addressee and days left
      await page.goto(`${portal.url}/manage/appeals`);
      expect(await page.locator('h1').textContent()).toBe('Обращения: рабочая очередь');
      const table = page.locator('main table');
      expect(await table.textContent()).toContain(first.number);
      for (const col of ['Тема', 'Адресат', 'Осталось'])
        expect(await table.locator('thead').textContent()).toContain(col);
      await checkPage(page, js);

      // a column sorts by a GET link; the filters are folded below and open on a click
      await page.getByRole('link', { name: /Зарегистрировано/ }).click();
      await page.waitForURL(/sort=registered/);
      expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Зарегистрировано');
      const filters = page.locator('details#filters');
      expect(await filters.getAttribute('open')).toBeNull();
      await filters.locator('summary').click();
      expect(await filters.getByLabel('Состояние').isVisible()).toBe(true);

      // bulk assignment: tick two appeals, choose the officer
      await page.getByLabel(`Отметить обращение № ${first.number}`).check();
      await page.getByLabel(`Отметить обращение № ${second.number}`).check();
      await page
        .getByLabel('Кому назначить отмеченные обращения')
        .selectOption({ label: 'Тестов Тест Тестович' });
      await page.getByRole('button', { name: 'Назначить отмеченные' }).click();
      await page.waitForURL(/assigned=2/);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Исполнитель назначен, обращений: 2',
      );
      await checkPage(page, js);

      // the officer drafts the answer: the appeal now awaits signature
      await page.goto(`${portal.url}/manage/appeals/${first.id}`);
      await page.getByLabel('Проект ответа').fill('Мусор будет вывезен до конца недели.');
      await page.getByRole('button', { name: 'Сохранить проект ответа' }).click();
      await page.waitForURL(/notice=draft/);
      expect(await page.locator('main dl').first().textContent()).toContain('Ожидает подписи');
      await checkPage(page, js);

      // the signer finds it, with the signature from the profile, and signs
      const signer = await signerCtx.newPage();
      await signer.setViewportSize(WIDE);
      await signer.goto(`${portal.url}/manage/appeals?status=awaiting_signature`);
      expect(await signer.locator('main table').textContent()).toContain(first.number);
      await signer.getByRole('link', { name: first.number }).click();
      await signer.waitForURL(new RegExp(first.id));
      const main = (await signer.locator('main').textContent()) ?? '';
      expect(main).toContain('Подпись под ответом');
      expect(main).toContain('Заместитель министра');
      expect(await signer.getByLabel('Текст ответа').inputValue()).toBe(
        'Мусор будет вывезен до конца недели.',
      );
      await checkPage(signer, js);
      await signer.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
      await signer.waitForURL(/notice=answer/);
      expect(await signer.locator('main dl').first().textContent()).toContain('Ответ направлен');
      expect(await signer.locator('main').textContent()).toContain('Заместитель министра');
      await checkPage(signer, js);
      await page.close();
      await signer.close();
    }, 600_000);
  }
});
