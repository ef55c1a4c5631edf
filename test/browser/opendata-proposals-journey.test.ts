import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { signIn } from '../auth.ts';
import { expectPage, type Portal, startPortal } from './harness.ts';

// Issue 16, tasks 10.2 and 10.3 in Chromium on the demo region: a citizen on a phone with
// JavaScript off proposes a dataset to the city (a forgotten field is named in plain words and
// what she typed stays), another person (JavaScript on) supports it once, the city's data steward
// answers with a reason, and the citizen reads the answer; the city's reference books and the
// region's are listed by the register's filter. Every page axe clean; the phone's pages have no
// sideways scroll.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const STEP = 300_000;
const TITLE = 'Места посадки деревьев и их породы';

async function browser(opts: { js: boolean; phone: boolean; email: string }): Promise<Page> {
  const context = await portal.browser.newContext({
    locale: 'ru-RU',
    javaScriptEnabled: opts.js,
    viewport: opts.phone ? PHONE : DESKTOP,
  });
  const sid = (await signIn(portal.app, opts.email, DEMO_PASSWORD)).jar.get('sid');
  if (!sid) throw new Error(`no session for ${opts.email}`);
  await context.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  contexts.push(context);
  return context.newPage();
}

const look = (page: Page, h1: string, opts: { phone: boolean; js: boolean }) =>
  expectPage(page, h1, { ...opts, partial: true });

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
}

beforeAll(async () => {
  portal = await startPortal();
}, STEP);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('open data proposals and reference books journey', () => {
  let citizen: Page;
  let proposalPath = '';
  const phone = { js: false, phone: true };

  it(
    'a citizen on a phone without JavaScript proposes a dataset; a forgotten field is named and what she typed stays',
    async () => {
      citizen = await browser({ ...phone, email: 'citizen@open-region.example' });
      await citizen.goto(`${portal.url}/opendata/proposals?org=kaliningrad#propose`);
      await look(citizen, 'Предложения наборов данных', phone);
      await citizen.getByLabel('Какие данные нужно опубликовать').fill(TITLE);
      expect(await citizen.locator('#org').inputValue()).toBe('kaliningrad');
      await citizen
        .getByLabel('Что должно быть в наборе')
        .fill('Адреса мест, где город высаживает деревья, породы и год посадки.');
      await submit(citizen, 'Отправить предложение');
      await look(citizen, 'Предложения наборов данных', phone);
      await expect
        .poll(() => citizen.locator('.govuk-error-summary').textContent())
        .toContain('Напишите, зачем нужны эти данные');
      expect(await citizen.getByLabel('Какие данные нужно опубликовать').inputValue()).toBe(TITLE);
      await citizen
        .getByLabel('Зачем нужны эти данные')
        .fill('Чтобы жители знали, где и какие деревья посажены.');
      await submit(citizen, 'Отправить предложение');
      await look(citizen, TITLE, phone);
      expect(await citizen.locator('main').textContent()).toContain('новое');
      proposalPath = new URL(citizen.url()).pathname;
    },
    STEP,
  );

  it(
    'another person with JavaScript on supports it, once',
    async () => {
      const opts = { js: true, phone: false };
      // the demo's second citizen (her account came from the demo ЕСИА; it has the demo password too)
      const other = await browser({ ...opts, email: 'm.ivanova@esia-demo.example' });
      await other.goto(`${portal.url}${proposalPath}`);
      await look(other, TITLE, opts);
      await submit(other, 'Поддержать предложение');
      await look(other, TITLE, opts);
      expect(await other.locator('main').textContent()).toContain('Вы поддержали это предложение.');
      expect(await other.getByRole('button', { name: 'Поддержать предложение' }).count()).toBe(0);
    },
    STEP,
  );

  it(
    'the city’s data steward declines it with a reason; the citizen reads the answer',
    async () => {
      const opts = { js: true, phone: false };
      const steward = await browser({ ...opts, email: 'data.kaliningrad@open-region.example' });
      await steward.goto(`${portal.url}/manage/opendata/proposals?status=new`);
      await look(steward, 'Предложения наборов данных: ответы', opts);
      await Promise.all([steward.waitForNavigation(), steward.getByRole('link', { name: TITLE }).click()]);
      await look(steward, TITLE, opts);
      await steward.getByLabel('Отклонить').check();
      await steward
        .getByLabel('Ответ автору')
        .fill(
          'Сведения о посадках ведёт подрядчик, у города их пока нет. Вернёмся к предложению в 2027 году.',
        );
      await submit(steward, 'Сохранить ответ и сообщить автору');
      await look(steward, 'Предложения наборов данных: ответы', opts);

      await citizen.goto(`${portal.url}${proposalPath}`);
      await look(citizen, TITLE, phone);
      const text = await citizen.locator('main').textContent();
      expect(text).toContain('отклонено');
      expect(text).toContain('Сведения о посадках ведёт подрядчик');
    },
    STEP,
  );

  it(
    'the register lists the reference books: the region’s and the city’s, with whether each is published',
    async () => {
      await citizen.goto(`${portal.url}/opendata/?kind=refbooks`);
      await look(citizen, 'Открытые данные', phone);
      await citizen.goto(`${portal.url}/orgs/kaliningrad/opendata/?kind=refbooks`);
      await look(citizen, 'Открытые данные', phone);
      const main = (await citizen.locator('main').textContent()) ?? '';
      const books = main.slice(main.indexOf('Справочники и классификаторы органа'));
      expect(books).toContain('Остановочные пункты городского общественного транспорта');
      expect(books).toContain('опубликован');
    },
    STEP,
  );
});
