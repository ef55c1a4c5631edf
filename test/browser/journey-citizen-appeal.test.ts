import type { BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedUser, createUser } from '../auth.ts';
import { SAMPLE_PNG } from '../multipart.ts';
import { expectAxeClean, expectNoSidewaysScroll, type Portal, startPortal } from './harness.ts';

// Issue 10, «the pensioner who writes about a road in her village», followed from the home
// page: the start page, sign-in, the guide to the competent body, the form with the place
// and a photo, a draft left and resumed from the cabinet, «Проверьте данные», the
// confirmation and its PDF receipt. With JavaScript off on a phone (375 px: no page scrolls
// sideways), and on at 1280 px and on a phone; axe on every page.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function pensioner(): Promise<CreatedUser> {
  return createUser(portal.deps, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Петрова',
    firstName: 'Валентина',
    patronymic: 'Ивановна',
  });
}

async function browserAs(javaScriptEnabled: boolean, viewport: { width: number; height: number }) {
  const context = await portal.browser.newContext({ locale: 'ru-RU', javaScriptEnabled, viewport });
  contexts.push(context);
  return context.newPage();
}

/** Each page she sees: one h1, axe clean (with the page's scripts when they run), no sideways scroll on a phone. */
async function look(page: Page, h1: string, opts: { phone: boolean; js: boolean }) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.trim(), page.url()).toBe(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  await expectAxeClean(page, { withScripts: opts.js });
}

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

/** Home → start page → «Начать» → sign-in → the guide → her okrug proposed → the form. */
async function toTheForm(page: Page, user: CreatedUser, opts: { phone: boolean; js: boolean }) {
  await page.goto(`${portal.url}/`);
  if (opts.phone) await expectNoSidewaysScroll(page);
  await clickAndWait(page, page.locator('main a[href="/appeals/start?type=appeal"]'));
  await look(page, 'Написать обращение', opts);
  expect(await page.locator('main').textContent()).toContain('Почему нужно войти через Госуслуги');
  await clickAndWait(page, page.getByRole('button', { name: 'Начать' }));

  expect(new URL(page.url()).pathname).toBe('/sign-in');
  if (opts.phone) await expectNoSidewaysScroll(page);
  const signIn = page.locator('form[action="/sign-in"]');
  await signIn.locator('input[name="email"]').fill(user.email);
  await signIn.locator('input[name="password"]').fill(user.password);
  await clickAndWait(page, signIn.locator('button[type="submit"]'));

  // the guide: a road in the village of Низовье
  await look(page, 'О чём ваше обращение?', opts);
  await page.getByLabel('Дорога, улица или тротуар в городе, посёлке, деревне').check();
  await page.getByLabel('Или населённый пункт').fill('Низовье');
  await clickAndWait(page, page.getByRole('button', { name: 'Подобрать орган' }));
  await look(page, 'Ваш вопрос решает', opts);
  expect(await page.locator('#proposal').textContent()).toContain(
    'Гурьевский муниципальный округ Калининградской области',
  );
  expect(await page.locator('#proposal').textContent()).toContain('вопрос местного значения');
  await clickAndWait(page, page.getByRole('button', { name: 'Написать в этот орган' }));
  await look(page, 'Написать обращение', opts);
  expect(await page.locator('#orgSlug').textContent()).toBe(
    'Кому: Гурьевский муниципальный округ Калининградской области',
  );
  // the name came from Госуслуги: shown, not a field
  expect(await page.locator('#esia-name').textContent()).toBe('Петрова Валентина Ивановна');
  expect(await page.locator('input[name="lastName"]').count()).toBe(0);
}

async function fillRoadAppeal(page: Page) {
  await page.getByRole('radio', { name: 'Заявление' }).check();
  await page
    .getByLabel('Текст обращения')
    .fill('Дорога по улице Садовой разбита, после дождя не пройти к остановке. Прошу отремонтировать.');
  await page.getByLabel('Адрес места, о котором вы пишете').fill('пос. Низовье, ул. Садовая, у дома 5');
  await page.getByLabel('Фотографии или документы').setInputFiles({
    name: 'яма.png',
    mimeType: 'image/png',
    buffer: SAMPLE_PNG,
  });
}

/** «Проверьте данные» → «Отправить обращение» → the confirmation and its receipt. */
async function checkAndSend(page: Page, opts: { phone: boolean; js: boolean }) {
  await look(page, 'Проверьте данные', opts);
  const main = (await page.locator('main').textContent()) ?? '';
  expect(main).toContain('Петрова Валентина Ивановна');
  expect(main).toContain('Из Госуслуг: изменить можно только там');
  expect(main).toContain('пос. Низовье, ул. Садовая, у дома 5');
  expect(main).toContain('яма.png');
  expect(await page.getByRole('link', { name: /^Изменить/ }).count()).toBeGreaterThan(5);
  await clickAndWait(page, page.getByRole('button', { name: 'Отправить обращение' }));

  expect(await page.locator('.govuk-panel__title').textContent()).toBe('Обращение зарегистрировано');
  const number = ((await page.locator('.govuk-panel__body strong').textContent()) ?? '').trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d+$/);
  if (opts.phone) await expectNoSidewaysScroll(page);
  await expectAxeClean(page, { withScripts: opts.js });
  const notice = (await page.locator('#notice').textContent()) ?? '';
  // one thing about the notice, never «отправлено» and «ещё не доставлено» together
  expect(notice.includes('отправлено на') !== notice.includes('придёт на')).toBe(true);
  expect(await page.locator('main').textContent()).not.toContain('ещё не доставлено');
  const main2 = (await page.locator('main').textContent()) ?? '';
  expect(main2).toContain('Гурьевский муниципальный округ Калининградской области');
  expect(await page.locator('#next-steps').textContent()).toMatch(/не позднее \d{2}\.\d{2}\.\d{4}/);

  const href = await page
    .getByRole('link', { name: 'Скачать расписку о регистрации (PDF)' })
    .getAttribute('href');
  const pdf = await page.request.get(`${portal.url}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
    mergePages: true,
  });
  expect(text.replace(/\s+/g, ' ')).toContain(`№ ${number}`);
  return number;
}

describe('the pensioner writes about the road in her village', () => {
  it('with JavaScript off on a phone: start page, sign-in, the guide, the form with a place and a photo, a draft', async () => {
    const opts = { phone: true, js: false };
    const page = await browserAs(false, PHONE);
    await toTheForm(page, await pensioner(), opts);
    await fillRoadAppeal(page);
    // she stops here: the draft waits in her cabinet
    await clickAndWait(page, page.getByRole('button', { name: 'Сохранить черновик и выйти' }));
    await look(page, 'Мои обращения', opts);
    expect(await page.locator('#drafts-title').textContent()).toBe('Черновики');
  }, 600_000);

  it('with JavaScript off on a phone: back from the cabinet to the draft, «Проверьте данные», sent, the receipt', async () => {
    const opts = { phone: true, js: false };
    const page = contexts[0] ? await contexts[0].newPage() : await browserAs(false, PHONE);
    await page.goto(`${portal.url}/cabinet/appeals`);
    await clickAndWait(page, page.getByRole('link', { name: /^Продолжить/ }).first());
    await look(page, 'Написать обращение', opts);
    expect(await page.getByLabel('Адрес места, о котором вы пишете').inputValue()).toBe(
      'пос. Низовье, ул. Садовая, у дома 5',
    );
    expect(await page.locator('#attachments-kept').textContent()).toContain('яма.png');
    await clickAndWait(page, page.locator('form[action="/appeals/new"] button:not([name])'));
    const number = await checkAndSend(page, opts);
    // the draft is gone, the appeal is listed
    await page.goto(`${portal.url}/cabinet/appeals`);
    await expectNoSidewaysScroll(page);
    expect(await page.locator('#drafts-title').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain(number);
  }, 600_000);

  for (const [name, viewport] of [
    ['1280 px', DESKTOP],
    ['375 px, on a phone', PHONE],
  ] as const)
    it(`with JavaScript on at ${name}, the whole way in one go`, async () => {
      const opts = { phone: viewport === PHONE, js: true };
      const page = await browserAs(true, viewport);
      await toTheForm(page, await pensioner(), opts);
      await fillRoadAppeal(page);
      await clickAndWait(page, page.locator('form[action="/appeals/new"] button:not([name])'));
      await checkAndSend(page, opts);
    }, 600_000);
});
