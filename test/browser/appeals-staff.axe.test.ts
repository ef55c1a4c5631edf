import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { staffKit } from '../../src/modules/appeals/staff-test-kit.ts';
import { expectAxeClean, type Portal, signedInContext, startPortal } from './harness.ts';

let portal: Portal;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: BrowserContext;
let head: BrowserContext;
let admin: BrowserContext;

beforeAll(async () => {
  portal = await startPortal();
  k = await staffKit(portal.deps);
  officer = await signedInContext(portal, k.officer);
  head = await signedInContext(portal, k.head);
  admin = await signedInContext(portal, k.admin);
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
    expect(await page.locator('main table').first().textContent()).toContain(a.number);
    await expectAxeClean(page);
    // the filters are folded below the queue: open them first
    await page.locator('details#filters summary').click();
    await page.getByLabel('Вопрос по ТОТК').fill('abc');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/topic=abc/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Введите код ТОТК');
    await expectAxeClean(page);
    await page.goto(`${portal.url}/manage/appeals/${a.id}`);
    expect(await page.locator('h1').textContent()).toContain(a.number);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Текст обращения');
    expect(main).toContain('0005.0005.0056.1160');
    for (const button of ['Направить', 'Продлить и уведомить гражданина'])
      expect(await page.getByRole('button', { name: button }).count(), button).toBe(1);
    await expectAxeClean(page);
    // a refused forward (to the body complained about) shows the form again, still clean
    const forward = page.locator('form').filter({ has: page.getByRole('button', { name: 'Направить' }) });
    await forward.getByLabel('Орган на портале').selectOption(k.other.id);
    await forward.getByLabel('На решение или действие какого органа жалоба').selectOption(k.other.id);
    await forward.getByLabel('Причина', { exact: true }).fill('Компетенция');
    await forward.getByRole('button', { name: 'Направить' }).click();
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
    const a = await k.submit();
    await classifyAppeal(portal.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const page = await officer.newPage();
    await page.goto(`${portal.url}/manage/appeals/report?org=${k.body.id}&month=2026-03`);
    expect(await page.locator('h1').textContent()).toBe('Ежемесячный отчёт для ССТУ.РФ');
    expect(await page.locator('main table').first().textContent()).toContain('0001.0002.0027.0145');
    expect(await page.locator('a[href*="format=csv"]').count()).toBeGreaterThan(0);
    await expectAxeClean(page);
    await page.close();
  });

  it('the production calendar pages', async () => {
    const page = await admin.newPage();
    await page.goto(`${portal.url}/manage/calendar`);
    expect(await page.locator('h1').textContent()).toBe('Производственный календарь');
    const list = (await page.locator('main').textContent()) ?? '';
    expect(list).toContain('Предварительно: по ст. 112 ТК');
    expect(list).toContain('Постановление (данные в поставке)');
    await expectAxeClean(page);
    await page.locator('a[href="/manage/calendar/2027"]').first().click();
    await page.waitForURL(/\/manage\/calendar\/2027$/);
    expect(await page.locator('h1').textContent()).toContain('2027');
    expect(await page.locator('main').textContent()).toContain('Поля заполнены по статье 112 ТК РФ');
    await expectAxeClean(page);
    await page.getByLabel('Реквизиты постановления').fill('');
    await page.getByRole('button', { name: 'Сохранить и пересчитать сроки' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Укажите реквизиты');
    await expectAxeClean(page);
    await page.close();
  });
});
