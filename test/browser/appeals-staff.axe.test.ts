import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import { type CreatedUser, signIn } from '../auth.ts';
import { expectAxeClean, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: BrowserContext;
let head: BrowserContext;
let admin: BrowserContext;

/** A browser with JavaScript off, signed in through the real sign-in form. */
async function noJsAs(user: CreatedUser) {
  const jar = await signIn(portal.app, user.email, user.password);
  const context = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false });
  await context.addCookies([{ name: 'sid', value: jar.get('sid') as string, url: portal.url }]);
  return context;
}

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
  officer = await noJsAs(k.officer);
  head = await noJsAs(k.head);
  admin = await noJsAs(k.admin);
});
afterAll(async () => {
  await officer?.close();
  await head?.close();
  await admin?.close();
  await portal?.close();
});

describe('the staff side of appeals passes axe with JavaScript off', () => {
  it('the queue, its filters with an error, and an appeal with every action form', async () => {
    const a = await k.submit({ kind: 'complaint' });
    await classifyAppeal(portal.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    const page = await head.newPage();
    await page.goto(`${portal.url}/manage/appeals`);
    expect(await page.locator('h1').textContent()).toBe('Обращения: рабочая очередь');
    await expectAxeClean(page);
    await page.getByLabel('Вопрос по ТОТК').fill('abc');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/topic=abc/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Введите код ТОТК');
    await expectAxeClean(page);
    await page.goto(`${portal.url}/manage/appeals/${a.id}`);
    expect(await page.locator('h1').textContent()).toContain(a.number);
    await expectAxeClean(page);
    // a refused forward (to the body complained about) shows the form again, still clean
    await page.getByLabel('Орган на портале').selectOption(k.other.id);
    await page.getByLabel('На какой орган жалоба').selectOption(k.other.id);
    await page.getByLabel('Причина', { exact: true }).fill('Компетенция');
    await page.getByRole('button', { name: 'Направить' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Жалобу нельзя направить');
    await expectAxeClean(page);
    // the head extends the deadline without JavaScript
    await page.getByLabel('На сколько дней').fill('10');
    await page.getByLabel('Основание продления').fill('Нужна выездная проверка');
    await page.getByRole('button', { name: 'Продлить и уведомить гражданина' }).click();
    await page.waitForURL(/notice=extend/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Срок продлён');
    await page.close();
  });

  it('the monthly report page', async () => {
    const page = await officer.newPage();
    await page.goto(`${portal.url}/manage/appeals/report?org=${k.body.id}&month=2026-03`);
    await expectAxeClean(page);
    await page.close();
  });

  it('the production calendar pages', async () => {
    const page = await admin.newPage();
    await page.goto(`${portal.url}/manage/calendar`);
    await expectAxeClean(page);
    await page.goto(`${portal.url}/manage/calendar/2027`);
    await expectAxeClean(page);
    await page.getByLabel('Реквизиты постановления').fill('');
    await page.getByRole('button', { name: 'Сохранить и пересчитать сроки' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Укажите реквизиты');
    await expectAxeClean(page);
    await page.close();
  });
});
