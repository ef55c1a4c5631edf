import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { type CreatedUser, createUser } from '../auth.ts';
import { SAMPLE_PDF } from '../multipart.ts';
import {
  expectAxeClean,
  expectNoSidewaysScroll,
  type Portal,
  signedInContext,
  startPortal,
} from './harness.ts';

// Issue 13 in Chromium: a citizen describes a disputed law-enforcement case
// with a file, the body publishes its comment and refers the case to the
// public council (7.6); an author checks a news text for clarity before
// publishing (9.1). JavaScript off on a phone (375 px, no sideways scroll) and
// on at 1280 px; axe on each kind of page (once: every run is slow on a loaded machine).

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

beforeAll(async () => {
  portal = await startPortal();
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function as(
  user: CreatedUser,
  js: boolean,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await signedInContext(portal, user, { javaScriptEnabled: js });
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/** A page's h1, no sideways scroll on a phone, and axe unless `axe` is false (each run is slow on a loaded machine). */
async function look(page: Page, h1: string, opts: { phone: boolean; js: boolean; axe?: boolean }) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.trim(), page.url()).toBe(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  if (opts.axe !== false) await expectAxeClean(page, { withScripts: opts.js });
}

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

async function staffOf(slug: string): Promise<CreatedUser> {
  const org = await findOrganizationBySlug(portal.deps.db, slug);
  if (!org) throw new Error(slug);
  return createUser(portal.deps, { grants: [{ role: 'editor', orgId: org.id }], position: 'Консультант' });
}

describe.each([
  { js: false, phone: true, viewport: PHONE, act: 'Постановление № 211-п от 02.06.2025 «О порядке сноса»' },
  {
    js: true,
    phone: false,
    viewport: DESKTOP,
    act: 'Приказ № 14 от 10.02.2026 «О выдаче разрешений на ввод»',
  },
])('law-enforcement practice, JavaScript $js', ({ js, phone, viewport, act }) => {
  const opts = { js, phone };
  let caseUrl = '';

  it('a citizen describes a case with a file from the body’s practice page', async () => {
    const citizen = await createUser(portal.deps);
    const page = await as(citizen, js, viewport);
    await page.goto(`${portal.url}/orgs/minstroy/practice`);
    await look(page, 'Правоприменительная практика', opts);
    await clickAndWait(page, page.getByRole('button', { name: 'Описать спорный случай' }));
    await look(page, 'Спорный случай правоприменения', { ...opts, axe: false });
    // sent empty first: the summary says what to fix
    await clickAndWait(page, page.getByRole('button', { name: 'Отправить' }));
    await look(page, 'Спорный случай правоприменения', opts);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Укажите, какой акт применили',
    );
    await page.getByLabel('Какой акт применили').fill(act);
    await page.getByLabel('Тема').selectOption('construction');
    await page
      .getByLabel('Что произошло')
      .fill('Снесли гараж без уведомления, хотя срок добровольного сноса не истёк.');
    await page.getByLabel('Какое решение или действие вы оспариваете').fill('Решение о сносе гаража');
    await page.getByLabel('Файлы (необязательно)').setInputFiles({
      name: 'reshenie.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    await clickAndWait(page, page.getByRole('button', { name: 'Отправить' }));
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/practice\/[0-9a-f-]{36}$/);
    expect(await page.locator('h1').textContent()).toMatch(/^Случай от /);
    expect(await page.locator('main').textContent()).toContain('Ждёт комментария органа');
    expect(await page.locator('main').textContent()).toContain('reshenie.pdf');
    if (phone) await expectNoSidewaysScroll(page);
  }, 400_000);

  it('staff publish a cleared description with their comment and refer the case to the public council', async () => {
    const staff = await staffOf('minstroy');
    const page = await as(staff, js, viewport);
    await page.goto(`${portal.url}/manage/orgs/minstroy/practice`);
    await look(page, 'Правоприменительная практика', { ...opts, axe: js });
    await clickAndWait(page, page.getByRole('row').filter({ hasText: act }).getByRole('link'));
    expect(new URL(page.url()).pathname).toBe(caseUrl);
    await page
      .getByLabel('Комментарий органа', { exact: true })
      .fill('Снос приостановлен до конца срока добровольного сноса.');
    await clickAndWait(page, page.getByRole('button', { name: 'Опубликовать' }));
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Комментарий опубликован',
    );
    await page.getByLabel('Общественному совету').check();
    await page.getByLabel('Пояснение (необязательно)').fill('На заседание совета');
    await clickAndWait(page, page.getByRole('button', { name: 'Передать' }));
    expect(await page.locator('[data-practice-referrals]').textContent()).toContain(
      'Передано в общественный совет',
    );
    if (phone) await expectNoSidewaysScroll(page);
    if (!js) await expectAxeClean(page);

    // anyone now reads it, without the author's files
    const anon = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: js, viewport });
    contexts.push(anon);
    const pub = await anon.newPage();
    await pub.goto(`${portal.url}${caseUrl}`);
    await look(pub, (await page.locator('h1').textContent())?.trim() ?? '', { ...opts, axe: js });
    const text = (await pub.locator('main').textContent()) ?? '';
    expect(text).toContain('Снос приостановлен');
    expect(text).not.toContain('reshenie.pdf');
  }, 400_000);
});

describe.each([
  { js: false, phone: true, viewport: PHONE },
  { js: true, phone: false, viewport: DESKTOP },
])('clarity check of a news text, JavaScript $js', ({ js, phone, viewport }) => {
  it('«Проверить текст» marks officialese before publishing and keeps the text', async () => {
    const editor = await staffOf('minzdrav');
    const page = await as(editor, js, viewport);
    await page.goto(`${portal.url}/manage/orgs/minzdrav/publications/new`);
    await page.getByLabel('Заголовок').fill('О ремонте поликлиник');
    await page
      .getByLabel('Текст', { exact: true })
      .fill(
        'На сегодняшний день министерством осуществляется работа по ремонту поликлиник в рамках программы.',
      );
    await clickAndWait(page, page.getByRole('button', { name: 'Проверить текст' }));
    await look(page, 'Добавить новость или материал', { js, phone });
    const report = page.locator('#clarity');
    expect(await report.locator('mark').count()).toBeGreaterThanOrEqual(3);
    expect(await report.textContent()).toContain('Индекс читаемости (Флеш — Оборнева)');
    expect(await page.getByLabel('Заголовок').inputValue()).toBe('О ремонте поликлиник');
  }, 400_000);
});
