import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { signIn } from '../auth.ts';
import { expectPage, type Portal, startPortal } from './harness.ts';

// Issue 16 in Chromium on the demo region: a citizen on a phone with JavaScript off finds the
// city's dataset of public-transport stops in /opendata/, opens its passport and downloads the
// data file it links; the city's data steward (JavaScript on, 1280 px) uploads a new version
// with a decimal comma, sees the problem by row and column in plain words while the published
// version stays, then uploads a good one; the citizen's passport then links the new file.
// Every page axe clean; the phone's pages have no sideways scroll.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const STEP = 300_000;
const TITLE = 'Остановочные пункты городского общественного транспорта';

async function browser(opts: { js: boolean; phone: boolean; email?: string }): Promise<Page> {
  const context = await portal.browser.newContext({
    locale: 'ru-RU',
    javaScriptEnabled: opts.js,
    viewport: opts.phone ? PHONE : DESKTOP,
  });
  if (opts.email) {
    const sid = (await signIn(portal.app, opts.email, DEMO_PASSWORD)).jar.get('sid');
    if (!sid) throw new Error(`no session for ${opts.email}`);
    await context.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  }
  contexts.push(context);
  return context.newPage();
}

const look = (page: Page, h1: string, opts: { phone: boolean; js: boolean }) => expectPage(page, h1, opts);

async function follow(page: Page, link: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), link.click()]);
}

/** The data file the passport links (the methodology's «Гиперссылка (URL) на набор»), downloaded. */
async function passportData(page: Page): Promise<{ href: string; body: string }> {
  const href =
    (await page.locator('main a[href*="/data-"][href$=".csv"]').first().getAttribute('href')) ?? '';
  expect(href).toMatch(/\/data-\d{8}T\d{4}-structure-\d{8}T\d{4}\.csv$/);
  const res = await page.request.get(new URL(href, portal.url).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  return { href, body: await res.text() };
}

beforeAll(async () => {
  portal = await startPortal();
}, STEP);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('open data journey', () => {
  let citizen: Page;
  let firstFile = '';

  it(
    'a citizen on a phone without JavaScript finds the dataset, reads its passport and downloads the data',
    async () => {
      const opts = { js: false, phone: true };
      citizen = await browser(opts);
      await citizen.goto(`${portal.url}/opendata/`);
      await look(citizen, 'Открытые данные', opts);
      await follow(citizen, citizen.getByRole('link', { name: TITLE }));
      await look(citizen, TITLE, opts);
      const main = (await citizen.locator('main').textContent()) ?? '';
      expect(main).toContain('Идентификационный номер');
      expect(main).toContain('условный ИНН');
      const { href, body } = await passportData(citizen);
      firstFile = href;
      expect(body.split('\r\n')[0]).toBe('stop,lat,lon,routes');
      expect(body).toContain('Площадь Победы,54.7194,20.4970,"1, 5, 7, 29"');
    },
    STEP,
  );

  it(
    'the steward uploads a file with a decimal comma, reads the problem, then publishes a good one',
    async () => {
      const opts = { js: true, phone: false };
      const steward = await browser({ ...opts, email: 'data.kaliningrad@open-region.example' });
      await steward.goto(`${portal.url}/manage/opendata`);
      await look(steward, 'Наборы открытых данных', opts);
      await follow(steward, steward.locator('main').getByRole('link', { name: TITLE }));
      await look(steward, TITLE, opts);

      const upload = async (csv: string, note: string) => {
        await steward.getByLabel('Файл с данными').setInputFiles({
          name: 'stops.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv, 'utf8'),
        });
        await steward.getByLabel('Что изменилось').fill(note);
        await follow(steward, steward.getByRole('button', { name: 'Проверить и опубликовать' }));
      };
      await upload(
        'stop,lat,lon,routes\r\nПлощадь Победы,54.7194,20.4970,"1, 5"\r\nЗоопарк,"54,7208",20.4820,29\r\n',
        'Добавлены маршруты',
      );
      await look(steward, TITLE, opts);
      expect(await steward.locator('.govuk-error-summary').textContent()).toContain(
        'Файл не соответствует структуре набора',
      );
      const problem = (
        await steward.locator('main table tbody tr').first().locator('th, td').allTextContents()
      ).map((c) => c.trim());
      expect(problem).toEqual(['3', 'lat', 'Дробную часть отделяйте точкой, а не запятой']);
      expect(await steward.getByLabel('Что изменилось').inputValue()).toBe('Добавлены маршруты');

      await upload(
        'stop,lat,lon,routes\r\nПлощадь Победы,54.7194,20.4970,"1, 5, 7, 29, 30"\r\nЗоопарк,54.7208,20.4820,"1, 29, 30"\r\n',
        'Добавлены маршруты',
      );
      await look(steward, TITLE, opts);
      expect(await steward.locator('main').textContent()).toContain('Новая версия данных опубликована.');
    },
    STEP,
  );

  it(
    'the citizen’s passport now links the new file; the old one stays downloadable',
    async () => {
      await citizen.reload();
      await look(citizen, TITLE, { js: false, phone: true });
      const { href, body } = await passportData(citizen);
      expect(href).not.toBe(firstFile);
      expect(body).toContain('Площадь Победы,54.7194,20.4970,"1, 5, 7, 29, 30"');
      expect(body).not.toContain('Южный вокзал');
      const old = await citizen.request.get(new URL(firstFile, portal.url).toString());
      expect(await old.text()).toContain('Южный вокзал');
    },
    STEP,
  );
});
