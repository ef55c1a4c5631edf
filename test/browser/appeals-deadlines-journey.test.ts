import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeadlineSettings } from '../../src/modules/appeals/appeals.settings.ts';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import {
  expectAxeClean,
  expectNoSidewaysScroll,
  type Portal,
  signedInContext,
  startPortal,
} from './harness.ts';

// Issue 10: the administrator finds the appeals' legal terms in /manage, reads each one's basis,
// mistypes one and is told what to fix, then saves; JavaScript off and on, axe clean, 375 px.
// An official reads what each answer-template placeholder means in the English interface.

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('deadline settings and answer templates in /manage', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`the administrator changes a deadline from /manage, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await signedInContext(portal, k.admin, { javaScriptEnabled });
      contexts.push(context);
      const page = await context.newPage();
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${portal.url}/manage`);
      await page.getByRole('link', { name: 'Сроки рассмотрения обращений' }).click();
      await page.waitForURL(/\/manage\/appeals\/deadlines$/);
      expect(await page.locator('h1').textContent()).toBe('Сроки рассмотрения обращений');
      const answer = page.getByLabel('Срок ответа на запрос редакции, дней');
      // the value in force (7 by law; the first run of the two saves another)
      const inForce = (await loadDeadlineSettings(portal.deps.db)).mediaRequestAnswerDays;
      expect(await answer.inputValue()).toBe(String(inForce));
      await expectAxeClean(page, { withScripts: javaScriptEnabled });
      await expectNoSidewaysScroll(page);

      await answer.fill('70');
      await page.getByRole('button', { name: 'Сохранить сроки' }).click();
      await page.waitForLoadState();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(
        'Введите срок ответа на запрос редакции: целое число дней от 1 до 30',
      );
      expect(await answer.inputValue()).toBe('70');
      await expectAxeClean(page, { withScripts: javaScriptEnabled });
      await expectNoSidewaysScroll(page);

      const days = javaScriptEnabled ? '10' : '9';
      await answer.fill(days);
      await page.getByRole('button', { name: 'Сохранить сроки' }).click();
      await page.waitForURL(/notice=saved/);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Сроки сохранены');
      expect((await loadDeadlineSettings(portal.deps.db)).mediaRequestAnswerDays).toBe(Number(days));
      await page.close();
    });
  }

  it('the answer template form explains its placeholders in English, axe clean at 375 px', async () => {
    const context = await signedInContext(portal, k.officer);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${portal.url}/manage/appeals/templates/new?lang=en`);
    const hint = (await page.locator('#text-hint').textContent()) ?? '';
    expect(hint).toContain('{фио} — the author’s surname, first name and patronymic');
    expect(hint).toContain('{орган} — the body the appeal is addressed to');
    await expectAxeClean(page);
    await expectNoSidewaysScroll(page);
    await page.close();
  });
});
