import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { DEMO_COUNCILS } from '../../src/modules/councils/index.ts';
import { signIn } from '../auth.ts';
import { expectAxeClean, expectNoSidewaysScroll, type Portal, startPortal } from './harness.ts';

// Issue 14 «Done when», in Chromium on the demo region: staff of the government open a call
// for its public council; two demo citizens apply (one with JavaScript off on a phone, one
// with it on at 1280 px); the two experts of the expert council score them; the ranked list
// is published and the one not selected appears in the open pool; a meeting is announced, a
// citizen registers to attend, the protocol of the meeting held is published; a conclusion on
// a draft is published and commented on. Every page axe clean; every page the phone opens has no sideways scroll.
// The portal's clock stands at 2026-03-02 09:00 (Kaliningrad) unless moved.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
/** one step of the journey; generous because the shared machine runs several suites at once */
const STEP = 300_000;

async function as(email: string, opts: { js?: boolean; phone?: boolean } = {}): Promise<Page> {
  const sid = (await signIn(portal.app, email, DEMO_PASSWORD)).jar.get('sid');
  if (!sid) throw new Error(`no session for ${email}`);
  const context = await portal.browser.newContext({
    locale: 'ru-RU',
    javaScriptEnabled: opts.js ?? false,
    viewport: opts.phone ? PHONE : DESKTOP,
  });
  await context.addCookies([{ name: 'sid', value: sid, url: portal.url }]);
  contexts.push(context);
  return context.newPage();
}

/** The page as its visitor sees it: its h1, axe clean, and no sideways scroll on a phone. */
async function look(
  page: Page,
  h1: string | RegExp,
  opts: { phone?: boolean; js?: boolean; again?: boolean } = {},
) {
  await page.waitForLoadState();
  const text = (await page.locator('h1').textContent())?.trim() ?? '';
  if (typeof h1 === 'string') expect(text, page.url()).toBe(h1);
  else expect(text, page.url()).toMatch(h1);
  if (opts.phone) await expectNoSidewaysScroll(page);
  // a page already checked in the same state is not checked by axe again (the journey stays short)
  if (!opts.again) await expectAxeClean(page, { withScripts: opts.js ?? false });
}

async function submit(page: Page, form: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

beforeAll(async () => {
  portal = await startPortal();
}, 300_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

describe('councils journey', () => {
  let callUrl = '';
  let staff: Page;

  it(
    'staff of the government open a call for the public council',
    async () => {
      staff = await as('council.government@open-region.example');
      await staff.goto(`${portal.url}/manage/councils`);
      await look(staff, 'Советы и комиссии');
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('link', { name: DEMO_COUNCILS.governmentPublic }).click(),
      ]);
      await look(staff, DEMO_COUNCILS.governmentPublic);
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('button', { name: 'Объявить отбор' }).click(),
      ]);
      await look(staff, 'Объявить отбор');
      const form = staff.locator('main form');
      await form.getByLabel('Название отбора').fill('Отбор в Общественный совет при Правительстве 2026');
      await form.getByLabel('Начало приёма заявлений').fill('01.03.2026');
      await form.getByLabel('Последний день приёма заявлений').fill('10.03.2026');
      await form.getByLabel('Число мест').fill('1');
      await form
        .getByLabel('Референтные группы, которые совет должен представлять')
        .fill('Родители\nПредприниматели');
      await form
        .getByLabel('Документы, которые представляет кандидат')
        .fill('Анкета кандидата\nРекомендация');
      await form.locator('#criterion1Name').fill('Опыт общественной работы');
      await form.locator('#criterion1Weight').fill('3');
      await form.locator('#criterion2Name').fill('Предложения по работе совета');
      await form.locator('#criterion2Weight').fill('1');
      await submit(staff, form);
      await look(staff, 'Отбор в Общественный совет при Правительстве 2026');
      callUrl = staff.url().replace('/manage/councils/calls/', '/councils/calls/');
    },
    STEP,
  );

  it(
    'two demo citizens apply: one on a phone without JavaScript, one with it',
    async () => {
      for (const [email, js, expertise] of [
        ['citizen@open-region.example', false, 'образование'],
        ['m.ivanova@esia-demo.example', true, 'бюджет и финансы'],
      ] as const) {
        const page = await as(email, { js, phone: !js });
        await page.goto(callUrl);
        await look(page, 'Отбор в Общественный совет при Правительстве 2026', { phone: !js, js });
        await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: 'Подать заявление' }).click(),
        ]);
        await look(page, 'Заявление на участие в отборе', { phone: !js, js, again: js });
        const form = page.locator('main form');
        // forgetting the statement of no conflict is refused in plain words, the typed text kept
        await form.locator('#expertise').fill(expertise);
        await form
          .getByLabel('Почему вы хотите войти в совет и что можете сделать')
          .fill('Пять лет в родительском комитете');
        await submit(page, form);
        await look(page, 'Заявление на участие в отборе', { phone: !js, js, again: js });
        expect(await page.locator('.govuk-error-summary').textContent()).toContain(
          'Подтвердите, что у вас нет конфликта интересов',
        );
        await form.getByLabel('Анкета кандидата').check();
        await form.getByLabel(/Заявляю, что у меня нет конфликта интересов/).check();
        await form.getByLabel(/согласен войти в открытый экспертный пул/).check();
        await submit(page, form);
        await look(page, 'Отбор в Общественный совет при Правительстве 2026', {
          phone: !js,
          js,
          again: true,
        });
        expect(await page.locator('main').textContent()).toContain('Статус: на проверке');
      }
    },
    STEP,
  );

  it(
    'staff find both complete; the two experts score them independently',
    async () => {
      await staff.reload();
      for (let i = 0; i < 2; i++) {
        const form = staff.locator('form[action*="/check"]').first();
        await form.getByLabel('Документы полные: передать экспертам').check();
        await submit(staff, form);
      }
      expect(await staff.locator('main').textContent()).toContain('Ещё не оценили');

      const scores: Record<string, [string, string]> = { 'Кузьмин Павел Андреевич': ['9', '8'] };
      for (const [n, email] of DEMO_COUNCILS.experts.entries()) {
        const page = await as(email, { phone: true });
        await page.goto(`${portal.url}/cabinet/councils`);
        await look(page, 'Советы', { phone: true, again: n > 0 });
        for (let i = 0; i < 2; i++) {
          await Promise.all([
            page.waitForNavigation(),
            page
              .getByRole('link', { name: /^Оценить/ })
              .first()
              .click(),
          ]);
          await look(page, /^Оценка кандидата: /, { phone: true, again: n > 0 || i > 0 });
          const name = ((await page.locator('h1').textContent()) ?? '')
            .replace('Оценка кандидата: ', '')
            .trim();
          expect(await page.locator('main').textContent()).toContain('Оценки других экспертов появятся');
          const [a, b] = scores[name] ?? ['6', '5'];
          const inputs = page.locator('main form input[name^="score-"]');
          await inputs.nth(0).fill(a);
          await inputs.nth(1).fill(b);
          await submit(page, page.locator('main form'));
          await look(page, 'Советы', { phone: true, again: true });
          expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
            'Оценки сохранены',
          );
        }
      }
    },
    STEP,
  );

  it(
    'the ranked list is published with the decision; the one not selected appears in the pool',
    async () => {
      await staff.reload();
      await look(staff, 'Отбор в Общественный совет при Правительстве 2026', { again: true });
      expect(await staff.locator('main').textContent()).toContain('Сводный рейтинг');
      const form = staff.locator('form[action$="/publish"]');
      await form
        .getByLabel('Решение по итогам отбора')
        .fill('Избрать членом совета Кузьмина Павла Андреевича.');
      await submit(staff, form);
      await look(staff, 'Отбор в Общественный совет при Правительстве 2026', { again: true });

      const pub = await (
        await portal.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'ru-RU' })
      ).newPage();
      await pub.goto(callUrl);
      await look(pub, 'Отбор в Общественный совет при Правительстве 2026', { phone: true });
      const results = (await pub.locator('main').textContent()) ?? '';
      expect(results).toContain('Избрать членом совета Кузьмина Павла Андреевича.');
      expect(results.indexOf('Кузьмин Павел Андреевич')).toBeLessThan(results.indexOf('Иванова'));
      await pub.goto(`${portal.url}/councils/pool`);
      await look(pub, 'Открытый экспертный пул', { phone: true });
      expect(await pub.locator('main').textContent()).toContain('Иванова');
      await pub.context().close();
    },
    STEP,
  );

  it(
    'a meeting is announced, a citizen registers to attend, the protocol of the one held is published',
    async () => {
      await staff.goto(`${portal.url}/manage/councils`);
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('link', { name: DEMO_COUNCILS.governmentPublic }).click(),
      ]);
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('button', { name: 'Объявить заседание' }).click(),
      ]);
      await look(staff, 'Объявить заседание');
      const form = staff.locator('main form');
      await form.getByLabel('Дата').fill('20.03.2026');
      await form.getByLabel('Место').fill('Калининград, ул. Дмитрия Донского, 1');
      await form.locator('#agenda1Title').fill('О проекте закона об общественном контроле');
      await form.locator('#agenda1LinkKind').selectOption('draft');
      await form.locator('#agenda1LinkUrl').fill('/orgs/government/documents');
      await form.locator('#agenda1LinkTitle').fill('Проект закона');
      await submit(staff, form);
      await look(staff, /^Заседание 20\.03\.2026/);
      const meetingUrl = staff.url().replace('/manage/councils/meetings/', '/councils/meetings/');

      const citizen = await as('citizen@open-region.example', { phone: true });
      await citizen.goto(meetingUrl);
      await look(citizen, /^Заседание 20\.03\.2026/, { phone: true });
      await citizen.getByLabel('Житель').check();
      await Promise.all([
        citizen.waitForNavigation(),
        citizen.getByRole('button', { name: 'Записаться' }).click(),
      ]);
      await look(citizen, /^Заседание 20\.03\.2026/, { phone: true });
      expect(await citizen.locator('main').textContent()).toContain('Вы записаны на заседание');

      // the meeting held three days ago waits for its protocol
      const { rows } = await portal.deps.db.$client.query(
        'select id from council_meetings where protocol_published_at is null and starts_at < $1 order by starts_at desc limit 1',
        [portal.deps.clock.now()],
      );
      await staff.goto(`${portal.url}/manage/councils/meetings/${rows[0].id}`);
      await look(staff, /^Заседание /);
      const protocol = staff.locator('form[action$="/protocol"]');
      await protocol
        .getByLabel('Текст протокола')
        .fill('Присутствовали 5 членов совета. Рассмотрен план работы.');
      await protocol.locator('#decision1Text').fill('Одобрить план работы совета на год');
      await submit(staff, protocol);
      await look(staff, /^Заседание /, { again: true });
      const shown = (await staff.locator('main').textContent()) ?? '';
      expect(shown).toContain('Присутствовали 5 членов совета. Рассмотрен план работы.');
      expect(shown).toContain('Одобрить план работы совета на год');
      expect(shown).toContain('Кто как голосовал');
    },
    STEP,
  );

  it(
    'a conclusion on a draft is published on the council page',
    async () => {
      await staff.goto(`${portal.url}/manage/councils`);
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('link', { name: DEMO_COUNCILS.governmentPublic }).click(),
      ]);
      await Promise.all([
        staff.waitForNavigation(),
        staff.getByRole('button', { name: 'Опубликовать заключение или содоклад' }).click(),
      ]);
      await look(staff, 'Опубликовать заключение или содоклад');
      const form = staff.locator('main form');
      await form.getByLabel('Заключение', { exact: true }).check();
      await form.getByLabel('проект нормативного акта').check();
      await form.getByLabel('Название рассмотренного документа').fill('Проект закона о референтных группах');
      await form
        .getByLabel('Текст', { exact: true })
        .fill('Совет поддерживает проект и предлагает публиковать итоги работы групп.');
      await submit(staff, form);
      await look(staff, 'Заключение: Проект закона о референтных группах');
      const conclusionUrl = staff.url();

      // a citizen comments on it in its public discussion (JavaScript off, on a phone)
      const citizen = await as('citizen@open-region.example', { phone: true });
      await citizen.goto(conclusionUrl);
      await look(citizen, 'Заключение: Проект закона о референтных группах', { phone: true });
      const comment = citizen.locator('#comment-form');
      await comment.locator('textarea[name="text"]').fill('Предлагаю публиковать итоги каждый квартал');
      await submit(citizen, comment);
      await look(citizen, 'Заключение: Проект закона о референтных группах', { phone: true, again: true });
      expect(await citizen.locator('main').textContent()).toContain(
        'Предлагаю публиковать итоги каждый квартал',
      );

      const pub = await (
        await portal.browser.newContext({ javaScriptEnabled: true, viewport: DESKTOP, locale: 'ru-RU' })
      ).newPage();
      await pub.goto(`${portal.url}/orgs/government/council`);
      await look(pub, DEMO_COUNCILS.governmentPublic, { js: true });
      expect(await pub.locator('main').textContent()).toContain(
        'Заключение: Проект закона о референтных группах',
      );
      await pub.context().close();
    },
    STEP,
  );
});
