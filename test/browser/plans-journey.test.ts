import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { createUser } from '../auth.ts';
import { expectAxeClean, expectPage, type Portal, signedInContext, startPortal } from './harness.ts';

// Issue 15: staff of Минздрав create a departmental openness plan from the project office's
// template, add targets to an indicator and report an actual (JavaScript off, on a phone);
// the public indicator page shows the chart, the table and the computed status (JavaScript
// on, 375 px); the plan goes through discussion, the commission's agreement and the head's
// approval, and its public page shows the history. axe on every page.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const TITLE = 'План Минздрава по открытости: проверка в браузере';

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function staff(role: 'editor' | 'head' | 'project_office'): Promise<Page> {
  const org = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
  const user = await createUser(portal.deps, {
    grants: [{ role, orgId: role === 'project_office' ? null : (org?.id as string) }],
  });
  const context = await signedInContext(portal, user);
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

// every page is seen on a phone (PHONE viewport)
const look = (page: Page, h1: string, opts: { js?: boolean } = {}) =>
  expectPage(page, h1, { ...opts, phone: true });

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

describe('a departmental openness plan, from the template to approval', () => {
  let planPath = '';
  let indicatorPath = '';

  it('staff create the plan from the template, set targets and report an actual (JavaScript off)', async () => {
    const page = await staff('editor');
    await page.goto(`${portal.url}/manage/plans`);
    await look(page, 'Планы');
    await clickAndWait(page, page.locator('main a[href="/manage/plans/new"]'));
    await look(page, 'Создать план');
    await page
      .getByLabel('Орган')
      .selectOption({ label: 'Министерство здравоохранения Калининградской области' });
    expect(await page.getByLabel('Шаблон').inputValue()).not.toBe('');
    await page.getByLabel('Название плана').fill(TITLE);
    await page.getByLabel('Первый год').fill('2026');
    await page.getByLabel('Последний год').fill('2027');
    await clickAndWait(page, page.getByRole('button', { name: 'Создать план' }));
    await look(page, TITLE);
    planPath = new URL(page.url()).pathname;

    await clickAndWait(
      page,
      page.getByRole('link', { name: 'Доля обращений граждан, рассмотренных в установленный срок' }),
    );
    await look(page, 'Доля обращений граждан, рассмотренных в установленный срок');
    await page.getByLabel('2026-Q1').fill('60');
    await page.getByLabel('2026', { exact: true }).fill('80');
    await clickAndWait(page, page.getByRole('button', { name: 'Сохранить целевые значения' }));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Сохранено');

    // a value in words is refused with a message that says what to fix, the typed value kept
    await page.getByLabel('Период', { exact: true }).fill('2026');
    await page.getByLabel('Значение', { exact: true }).fill('около семидесяти');
    await page.getByLabel('Дата, ГГГГ-ММ-ДД').fill('2026-02-10');
    await page.getByLabel('Источник данных').fill('Журнал регистрации обращений');
    await clickAndWait(page, page.getByRole('button', { name: 'Сообщить', exact: true }));
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Значение должно быть числом');
    expect(await page.getByLabel('Значение', { exact: true }).inputValue()).toBe('около семидесяти');
    await expectAxeClean(page);
    await page.getByLabel('Значение', { exact: true }).fill('75,5');
    await clickAndWait(page, page.getByRole('button', { name: 'Сообщить', exact: true }));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Фактическое значение сохранено',
    );
    indicatorPath = new URL(page.url()).pathname.replace('/manage/plans/', '/items/');
  }, 300_000);

  it('shows the public indicator page with the chart, the table and the computed status (JavaScript on, 375 px)', async () => {
    const context = await portal.browser.newContext({ locale: 'ru-RU', viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    const planId = planPath.split('/').pop() as string;
    const itemId = indicatorPath.split('/').pop() as string;
    await page.goto(`${portal.url}/orgs/minzdrav/plans/${planId}/items/${itemId}`);
    await look(page, '1.1. Доля обращений граждан, рассмотренных в установленный срок', { js: true });
    await expect(page.locator('figure.app-chart svg[role="img"]').count()).resolves.toBe(1);
    const row = page.locator('table tr', { hasText: '2026 г.' }).first();
    expect(await row.textContent()).toContain('75,5');
    expect(await row.textContent()).toContain('Под угрозой');
    await page.goto(`${portal.url}/orgs/minzdrav/plans/${planId}?show=risk`);
    await look(page, TITLE, { js: true });
    expect(await page.locator('main').textContent()).toContain('Под угрозой');
  });

  it('goes through discussion, the commission and the head, with the history on the public page', async () => {
    const editor = await staff('editor');
    await editor.goto(`${portal.url}${planPath}`);
    await clickAndWait(editor, editor.getByRole('button', { name: 'Вынести на обсуждение' }));
    await editor
      .getByLabel('Итоги общественного обсуждения (публикуются с планом)')
      .fill('Поступило 3 предложения, учтено 2.');
    await clickAndWait(editor, editor.getByRole('button', { name: 'Направить на согласование' }));

    const office = await staff('project_office');
    await office.goto(`${portal.url}${planPath}`);
    await office.getByLabel('Замечания или комментарий').fill('Согласовано, уточнить источник по п. 1.2');
    await clickAndWait(office, office.getByRole('button', { name: 'Согласовать (комиссия)' }));

    const head = await staff('head');
    await head.goto(`${portal.url}${planPath}`);
    await clickAndWait(head, head.getByRole('button', { name: 'Утвердить (руководитель)' }));
    expect(await head.locator('.govuk-notification-banner').textContent()).toContain('Статус плана изменён');

    const planId = planPath.split('/').pop() as string;
    await head.goto(`${portal.url}/orgs/minzdrav/plans/${planId}`);
    await look(head, TITLE);
    const history = (await head.locator('table', { hasText: 'История согласования' }).textContent()) ?? '';
    for (const step of [
      'Вынесен на общественное обсуждение',
      'Направлен на согласование',
      'Согласован комиссией',
      'Согласовано, уточнить источник по п. 1.2',
      'Утверждён руководителем',
    ])
      expect(history).toContain(step);
    expect(await head.locator('main').textContent()).toContain('Поступило 3 предложения, учтено 2.');
  }, 300_000);
});
