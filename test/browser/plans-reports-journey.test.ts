import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { createUser } from '../auth.ts';
import { expectAxeClean, expectPage, type Portal, signedInContext, startPortal } from './harness.ts';

// Issue 15, second part: a citizen comments on an item of the demo plan in discussion
// (JavaScript off, 375 px) and finds the comment on the plan's page; staff of Минздрав edit and
// publish the annual report generated from the plan's data and keep its media campaign
// (JavaScript off); the public report and campaign pages (JavaScript on, 375 px). axe on each page.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function as(grants: { role: 'editor'; orgId: string }[], js = false): Promise<Page> {
  const user = await createUser(portal.deps, { grants });
  const context = await signedInContext(portal, user, { javaScriptEnabled: js });
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

describe('comments on a plan, the annual report and the media campaign', () => {
  it('a citizen comments on an item of the plan in discussion (JavaScript off, 375 px)', async () => {
    const { rows } = await portal.deps.db.$client.query(
      `select p.id, i.id as item from plans p join organizations o on o.id = p.org_id
       join plan_items i on i.plan_id = p.id and i.code = '1.1.1'
       where o.slug = 'minzdrav' and p.kind = 'public_activity'`,
    );
    const { id, item } = rows[0] as { id: string; item: string };
    const page = await as([]);
    await page.goto(`${portal.url}/orgs/minzdrav/plans/${id}/items/${item}`);
    await look(page, '1.1.1. Среднее время ожидания приёма терапевта');
    expect(await page.getByLabel('К какой части').inputValue()).toBe(item);
    await page
      .getByLabel('Комментарий', { exact: true })
      .fill('Цель в два дня к 2028 году выглядит достижимой, если открыть запись онлайн.');
    await clickAndWait(page, page.getByRole('button', { name: 'Отправить комментарий' }));
    // back on the item's page, where the comment was written, and it is there
    expect(new URL(page.url()).pathname).toBe(`/orgs/minzdrav/plans/${id}/items/${item}`);
    await look(page, '1.1.1. Среднее время ожидания приёма терапевта');
    expect(await page.locator('#discussion').textContent()).toContain('если открыть запись онлайн');
    // and on the plan's page, with every comment
    await page.goto(`${portal.url}/orgs/minzdrav/plans/${id}`);
    expect(await page.locator('#discussion').textContent()).toContain('если открыть запись онлайн');
  });

  it('staff edit and publish the report generated from the plan, and keep its campaign (JavaScript off)', async () => {
    const org = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
    const page = await as([{ role: 'editor', orgId: org?.id as string }]);
    await page.goto(`${portal.url}/manage/plans`);
    await clickAndWait(page, page.locator('main a[href="/manage/plans/reports"]'));
    await look(page, 'Итоговый доклад');
    await clickAndWait(page, page.locator('main a[href="/manage/plans/reports/minzdrav/2026"]'));
    await look(page, 'Итоговый доклад за 2026 год');
    await page
      .getByLabel('Текст доклада')
      .fill('Доклад, проверенный в браузере.\n\nПлан по открытости исполняется.');
    await clickAndWait(page, page.getByRole('button', { name: 'Опубликовать доклад' }));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Доклад опубликован');

    await page.getByLabel('Материалы информационной кампании (ссылки)').fill('Встреча без даты | /x');
    await clickAndWait(page, page.getByRole('button', { name: 'Сохранить материалы кампании' }));
    expect(await page.locator('#campaign-form .govuk-error-summary').textContent()).toContain(
      'Укажите каждый материал строкой',
    );
    await expectAxeClean(page);
    await page
      .getByLabel('Материалы информационной кампании (ссылки)')
      .fill('event: 2026-10-15 Встреча министра с жителями | /orgs/minzdrav/plans');
    await clickAndWait(page, page.getByRole('button', { name: 'Сохранить материалы кампании' }));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Материалы медиакампании сохранены',
    );
  });

  it('shows the report with its figures and files, and the campaign (JavaScript on, 375 px)', async () => {
    const context = await portal.browser.newContext({ locale: 'ru-RU', viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/orgs/minzdrav/reports`);
    await look(page, 'Итоговые доклады', { js: true });
    await clickAndWait(page, page.getByRole('link', { name: 'Читать доклад' }));
    await look(page, 'Итоговый доклад за 2026 год', { js: true });
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Доклад, проверенный в браузере.');
    expect(main).toContain('Доля обращений граждан, рассмотренных в установленный срок');
    expect(main).toContain('Под угрозой');
    expect(await page.getByRole('link', { name: 'Скачать DOCX' }).getAttribute('href')).toBe(
      '/orgs/minzdrav/reports/2026/report.docx',
    );
    await clickAndWait(
      page,
      page.getByRole('link', { name: 'Медиакампания по итогам исполнения плана за 2026 год' }),
    );
    await look(page, 'Медиакампания по итогам исполнения плана за 2026 год', { js: true });
    expect(await page.locator('main').textContent()).toContain('Встреча министра с жителями');
  });
});
