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

// Issue 12, consultations and the consultant chat: staff schedule a consultation,
// a resident asks on a phone with JavaScript off, the official answers, the
// transcript shows it (JavaScript on). The chat without JavaScript falls back to a
// form answered by e-mail; with JavaScript in working hours the answer appears in
// the conversation by polling. Axe on every page, no sideways scroll at 375 px.

let portal: Portal;
let staff: CreatedUser;
let citizen: CreatedUser;
const contexts: BrowserContext[] = [];
/** a step's time on a machine loaded by parallel suites (each step takes seconds when it is idle) */
const STEP_MS = 400_000;
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const TOPIC = 'Очереди к врачам-специалистам в поликлиниках';
const QUESTION =
  'Можно ли записаться к эндокринологу в другой поликлинике, если в своей очередь на два месяца?';
const ANSWER = 'Да: по направлению терапевта вы выбираете любую поликлинику в системе ОМС.';

beforeAll(async () => {
  portal = await startPortal();
  // a Wednesday morning: a working day within the consultant's hours
  portal.deps.clock.set('2026-11-25T10:00:00+02:00');
  const minzdrav = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
  staff = await createUser(portal.deps, { grants: [{ role: 'editor', orgId: minzdrav?.id as string }] });
  citizen = await createUser(portal.deps, { lastName: 'Смирнова', firstName: 'Анна' });
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

async function pageAs(
  user: CreatedUser,
  javaScriptEnabled: boolean,
  viewport: { width: number; height: number },
) {
  const context = await signedInContext(portal, user, { javaScriptEnabled });
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

async function look(page: Page, h1: string, opts: { phone: boolean; js: boolean }) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.trim(), page.url()).toBe(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  await expectAxeClean(page, { withScripts: opts.js });
}

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

describe('a consultation question asked and answered', () => {
  let consultationUrl: string;

  it(
    'staff schedule the consultation',
    async () => {
      const page = await pageAs(staff, false, DESKTOP);
      await page.goto(`${portal.url}/manage/consultations/new`);
      await look(page, 'Назначить консультацию', { phone: false, js: false });
      await page.getByLabel('Тема консультации').fill(TOPIC);
      await page.getByLabel('Фамилия, имя, отчество').fill('Петрова Ольга Ивановна');
      await page.getByLabel('Должность').fill('заместитель министра');
      await page.getByLabel('Дата').fill('02.12.2026');
      await page.getByLabel('Начало').fill('11:00');
      await page.getByLabel('Окончание').fill('12:30');
      await clickAndWait(page, page.getByRole('button', { name: 'Сохранить' }));
      await look(page, TOPIC, { phone: false, js: false });
      consultationUrl = new URL(page.url()).pathname.replace('/manage', '');
    },
    STEP_MS,
  );

  it(
    'a resident asks on a phone with JavaScript off',
    async () => {
      const page = await pageAs(citizen, false, PHONE);
      await page.goto(`${portal.url}/consultations`);
      await look(page, 'Онлайн-консультации', { phone: true, js: false });
      await clickAndWait(page, page.getByRole('link', { name: TOPIC }));
      await look(page, TOPIC, { phone: true, js: false });
      // an empty question comes back with the message, not a 500
      await clickAndWait(page, page.getByRole('button', { name: 'Задать вопрос' }));
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Введите вопрос');
      await expectAxeClean(page);
      await page.getByLabel('Ваш вопрос').fill(QUESTION);
      await clickAndWait(page, page.getByRole('button', { name: 'Задать вопрос' }));
      await look(page, TOPIC, { phone: true, js: false });
      expect(await page.locator('main').textContent()).toContain(QUESTION);
      expect(await page.locator('main').textContent()).toContain('Ответа пока нет.');
    },
    STEP_MS,
  );

  it(
    'the official answers and the transcript shows it (JavaScript on)',
    async () => {
      const page = await pageAs(staff, true, DESKTOP);
      await page.goto(`${portal.url}/manage${consultationUrl}`);
      await clickAndWait(page, page.getByRole('link', { name: /Ответить/ }));
      await look(page, 'Ответ на вопрос', { phone: false, js: true });
      await page.getByLabel('Ответ').fill(ANSWER);
      await clickAndWait(page, page.getByRole('button', { name: 'Опубликовать ответ' }));

      const reader = await pageAs(citizen, true, PHONE);
      await reader.goto(`${portal.url}${consultationUrl}`);
      await look(reader, TOPIC, { phone: true, js: true });
      const text = await reader.locator('main').textContent();
      expect(text).toContain(QUESTION);
      expect(text).toContain(ANSWER);
      expect(text).toContain('задано 1, отвечено 1');
    },
    STEP_MS,
  );
});

describe('the consultant chat', () => {
  it(
    'without JavaScript falls back to the form whose answer comes by e-mail',
    async () => {
      const page = await pageAs(citizen, false, PHONE);
      await page.goto(`${portal.url}/orgs/minzdrav/chat`);
      await look(page, 'Онлайн-консультант', { phone: true, js: false });
      await page.getByLabel('Ваш вопрос').fill('Где сделать МРТ по полису ОМС?');
      await clickAndWait(page, page.getByRole('button', { name: 'Отправить' }));
      await look(page, 'Разговор с консультантом', { phone: true, js: false });
      expect(await page.locator('main').textContent()).toContain(`придёт на адрес ${citizen.email}`);
    },
    STEP_MS,
  );

  it(
    'with JavaScript in working hours the answer appears on the page by itself',
    async () => {
      const page = await pageAs(citizen, true, DESKTOP);
      await page.goto(`${portal.url}/orgs/minzdrav/chat`);
      await look(page, 'Онлайн-консультант', { phone: false, js: true });
      await page.getByLabel('Ваш вопрос').fill('Как записаться к кардиологу?');
      await clickAndWait(page, page.getByRole('button', { name: 'Отправить' }));
      await look(page, 'Разговор с консультантом', { phone: false, js: true });
      expect(await page.locator('main').textContent()).toContain(
        'Ответ консультанта появится на этой странице.',
      );

      const desk = await pageAs(staff, false, DESKTOP);
      await desk.goto(`${portal.url}/manage/chat`);
      await look(desk, 'Онлайн-консультант', { phone: false, js: false });
      const id = new URL(page.url()).pathname.split('/').pop() as string;
      await clickAndWait(desk, desk.locator(`a[href="/manage/chat/${id}"]`));
      await desk.getByLabel('Ответ консультанта').fill('Через Госуслуги или по телефону 122.');
      await clickAndWait(desk, desk.getByRole('button', { name: 'Ответить' }));

      // no reload: the page's script polls and adds the answer as text
      await page
        .locator('#chat-log li', { hasText: 'Через Госуслуги или по телефону 122.' })
        .waitFor({ timeout: 15_000 });
      await expectAxeClean(page, { withScripts: true });
    },
    STEP_MS,
  );

  it(
    'the body’s reference groups and their ratings read well on a phone',
    async () => {
      const page = await pageAs(citizen, false, PHONE);
      await page.goto(`${portal.url}/orgs/minzdrav/groups`);
      await look(page, 'Референтные группы', { phone: true, js: false });
    },
    STEP_MS,
  );
});
