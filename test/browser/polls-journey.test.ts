import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { type CreatedUser, createUser } from '../auth.ts';
import {
  expectAxeClean,
  expectNoSidewaysScroll,
  type Portal,
  signedInContext,
  startPortal,
} from './harness.ts';

// Issue 12, polls and surveys on the demo region: a citizen identified through
// Госуслуги votes in the government's open-data priorities poll (task 10.3) once,
// and a second attempt from another tab is refused with a message; a citizen answers
// the satisfaction survey with its conditional question (first leaving a required
// one empty), and the government's editor downloads the answers as CSV and XLSX.
// JavaScript off on a phone (375 px, no sideways scroll) and on at 1280 px; axe on every page.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const POLL = 'Какие наборы открытых данных опубликовать в первую очередь?';
const SURVEY = 'Удовлетворённость открытостью органов власти';
/** each journey runs axe on several pages: on a machine shared by many test runs that takes minutes */
const JOURNEY_MS = 480_000;

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
  await context.newPage().then((p) => p.close());
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

/**
 * Each page: its h1; on the phone no sideways scroll; axe on every page with JavaScript off,
 * and with it on for the pages scripts change (`axe`), to keep the file short on a loaded machine.
 */
async function look(page: Page, h1: string, opts: { phone: boolean; js: boolean }, axe = !opts.js) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.trim(), page.url()).toBe(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  if (axe) await expectAxeClean(page, { withScripts: opts.js });
}

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

const citizen = () => createUser(portal.deps, { identification: 'esia', identityLevel: 'verified' });

for (const js of [false, true]) {
  const opts = { phone: !js, js };
  const viewport = js ? DESKTOP : PHONE;

  describe(`JavaScript ${js ? 'on, 1280 px' : 'off, 375 px'}`, () => {
    it(
      'a citizen votes once; a second attempt from another tab is refused with a message',
      async () => {
        const page = await as(await citizen(), js, viewport);
        await page.goto(`${portal.url}/polls`);
        await look(page, 'Опросы и голосования', opts);
        await clickAndWait(page, page.getByRole('link', { name: POLL }));
        await look(page, POLL, opts);
        // a second tab opens the same form before the vote
        const tab = await page.context().newPage();
        await tab.setViewportSize(viewport);
        await tab.goto(page.url());

        await page.getByRole('checkbox', { name: 'Расписание общественного транспорта' }).check();
        await page.getByRole('checkbox', { name: 'Качество воздуха' }).check();
        await clickAndWait(page, page.getByRole('button', { name: 'Проголосовать' }));
        await look(page, POLL, opts, true);
        expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Ваш голос учтён');
        expect(await page.locator('#own-vote').textContent()).toContain(
          'Расписание общественного транспорта; Качество воздуха',
        );
        // live results: a chart and the same figures in a table
        expect(await page.locator('main svg[role="img"]').count()).toBe(1);
        expect(await page.locator('main table').textContent()).toContain('Качество воздуха');
        expect(await page.getByRole('button', { name: 'Проголосовать' }).count()).toBe(0);

        await tab.getByRole('checkbox', { name: 'Ремонт дорог' }).check();
        await clickAndWait(tab, tab.getByRole('button', { name: 'Проголосовать' }));
        await look(tab, POLL, opts);
        const summary = (await tab.locator('.govuk-error-summary').textContent()) ?? '';
        expect(summary).toContain('Вы уже проголосовали в этом опросе. Повторно голосовать нельзя.');
        await tab.close();
        const { rows } = await portal.deps.db.$client.query(
          'select count(*)::int as n from poll_votes v join polls p on p.id = v.poll_id where p.question = $1',
          [POLL],
        );
        expect(rows[0].n).toBe(js ? 2 : 1);
      },
      JOURNEY_MS,
    );

    it(
      'a survey with a conditional question is answered, a missing answer is asked for with the rest kept',
      async () => {
        const page = await as(await citizen(), js, viewport);
        await page.goto(`${portal.url}/polls`);
        await clickAndWait(page, page.getByRole('link', { name: SURVEY }));
        await look(page, SURVEY, opts, true);
        const main = (await page.locator('main').textContent()) ?? '';
        expect(main).toContain(
          'Ответьте, если на вопрос «Обращались ли вы на портал за последний год?» вы ответили «Да».',
        );

        const conditional = page.getByRole('group', { name: /Чем вы пользовались/ });
        // with JavaScript the conditional question waits for its answer; without, it is there with its note
        expect(await conditional.isVisible()).toBe(!js);
        await page
          .getByRole('group', { name: /Обращались ли вы на портал/ })
          .getByLabel('Да')
          .check();
        expect(await conditional.isVisible()).toBe(true);
        await page.getByLabel('Ваш населённый пункт').fill('Зеленоградск');
        await clickAndWait(page, page.getByRole('button', { name: 'Отправить ответы' }));
        await look(page, SURVEY, opts);
        const errors = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        expect(errors).toContain('Ответьте на этот вопрос');
        // the answers given are kept
        expect(await page.getByLabel('Ваш населённый пункт').inputValue()).toBe('Зеленоградск');
        expect(
          await page
            .getByRole('group', { name: /Обращались ли вы на портал/ })
            .getByLabel('Да')
            .isChecked(),
        ).toBe(true);
        // the summary's first link leads to the conditional question left empty
        const firstHref = await page.locator('.govuk-error-summary a').first().getAttribute('href');
        expect(firstHref).toMatch(/^#q_what$/);

        await page
          .getByRole('group', { name: /Чем вы пользовались/ })
          .getByLabel('Открытые данные')
          .check();
        await page
          .getByRole('group', { name: /Насколько вы довольны/ })
          .getByLabel('4')
          .check();
        await clickAndWait(page, page.getByRole('button', { name: 'Отправить ответы' }));
        await look(page, SURVEY, opts);
        expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
          'Ваши ответы приняты',
        );
        expect(await page.locator('#answered').count()).toBe(1);
      },
      JOURNEY_MS,
    );

    it(
      'the editor downloads the answers as CSV and XLSX',
      async () => {
        const gov = await findOrganizationBySlug(portal.deps.db, 'government');
        const editor = await createUser(portal.deps, {
          grants: [{ role: 'editor', orgId: gov?.id as string }],
        });
        const page = await as(editor, js, viewport);
        await page.goto(`${portal.url}/manage/surveys`);
        await look(page, 'Анкеты', opts);
        await clickAndWait(page, page.getByRole('link', { name: SURVEY }));
        await look(page, SURVEY, opts, true);
        expect(await page.locator('#responses-count').textContent()).toBe(`Ответов: ${js ? 2 : 1}`);
        expect(await page.locator('main svg[role="img"]').count()).toBeGreaterThan(1);

        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Скачать ответы (CSV)' }).click(),
        ]);
        expect(csv.suggestedFilename()).toMatch(/\.csv$/);
        const text = readFileSync((await csv.path()) as string, 'utf8');
        expect(text).toContain('Обращались ли вы на портал за последний год?');
        expect(text).toContain('Зеленоградск');
        expect(text).toContain('Открытые данные');

        const [xlsx] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Скачать ответы (XLSX)' }).click(),
        ]);
        expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile((await xlsx.path()) as string);
        const ws = wb.getWorksheet('Ответы');
        expect(ws?.rowCount).toBe(js ? 3 : 2);
        expect(JSON.stringify(ws?.getRow(2).values)).toContain('Зеленоградск');
      },
      JOURNEY_MS,
    );
  });
}
