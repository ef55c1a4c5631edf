import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppeal } from '../../src/modules/appeals/answer-appeal.ts';
import {
  getArchiveDraft,
  publishArchiveEntry,
} from '../../src/modules/appeals/archive/publish-archive-entry.ts';
import { classifyAppeal } from '../../src/modules/appeals/classify-appeal.ts';
import { submitAppeal } from '../../src/modules/appeals/submit-appeal.ts';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { type CreatedUser, createUser } from '../auth.ts';
import { expectAxeClean, type Portal, signedInContext, startPortal } from './harness.ts';

/*
 * Issue 10, the pensioner's cabinet and the activist, in Chromium with
 * JavaScript off and on: from the home page to the accountability links, the
 * statistics at a glance and a body's public archive (searched); then in her
 * cabinet she withdraws an open appeal, disputes an answer by a complaint to
 * the higher body, and withdraws her consent to the archive. Every page is
 * axe-clean and never scrolls sideways at 375 px (it is also seen at 1280 px).
 */

let portal: Portal;
const contexts: BrowserContext[] = [];
let officer: CreatedUser;
let head: CreatedUser;
let orgId: string;

beforeAll(async () => {
  portal = await startPortal();
  orgId = (await findOrganizationBySlug(portal.deps.db, 'kaliningrad'))?.id as string;
  officer = await createUser(portal.deps, { grants: [{ role: 'appeals_officer', orgId }] });
  head = await createUser(portal.deps, {
    grants: [{ role: 'head', orgId }],
    position: 'Глава администрации',
  });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

const staff = (u: CreatedUser, role: 'appeals_officer' | 'head') => ({
  actor: userActor(u.userId, [{ role, orgId }], { email: u.email }),
  ip: null,
});

/** The citizen's appeals to the city of Kaliningrad: one open, one answered, one answered and in the archive. */
async function prepare(citizen: CreatedUser) {
  const origin = {
    actor: userActor(citizen.userId, [], {
      identification: 'esia',
      identityLevel: 'verified',
      email: citizen.email,
    }),
    ip: null,
  };
  const send = async (text: string, archiveConsent = false) =>
    (
      await submitAppeal(portal.deps, origin, {
        type: 'appeal',
        kind: 'statement',
        orgSlug: 'kaliningrad',
        lastName: 'Смирнова',
        firstName: 'Анна',
        patronymic: 'Петровна',
        email: citizen.email,
        text,
        archiveConsent,
      } as never)
    ).appeal;
  const answer = async (id: string, text: string) => {
    await classifyAppeal(portal.deps, staff(officer, 'appeals_officer'), {
      id,
      questions: [{ topicCode: '0005.0005.0056.1160' }],
    });
    await answerAppeal(portal.deps, staff(head, 'head'), {
      id,
      text,
      results: [{ status: 'explained', measuresTaken: false }],
    });
  };
  const open = await send('Прошу убрать мусор у остановки на улице Лесной.');
  const answered = await send('Прошу отремонтировать тротуар на улице Садовой.');
  await answer(answered.id, 'Ремонт тротуара запланирован на 2027 год.');
  const archived = await send(
    'Прошу засыпать ямы на дороге в посёлке Луговое. Смирнова Анна Петровна.',
    true,
  );
  await answer(archived.id, 'Ямочный ремонт дороги в посёлке Луговое проведут в июне.');
  const draft = await getArchiveDraft(portal.deps, staff(officer, 'appeals_officer'), archived.number);
  await publishArchiveEntry(portal.deps, staff(officer, 'appeals_officer'), {
    number: archived.number,
    question: draft.question.masked,
    answer: draft.answer.masked,
  });
  return { open: open.number, answered: answered.number, archived: archived.number };
}

/** Seen at 1280 px and at 375 px: axe-clean, and no sideways scroll on the phone. */
async function check(page: Page, js: boolean) {
  if (process.env.JOURNEY_TRACE) console.error(new Date().toISOString(), js, page.url());
  expect(page.url()).not.toContain('/sign-in');
  const status = await page.evaluate(() => document.title);
  expect(status).not.toMatch(/ошибка|не найдена/i);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAxeClean(page, { withScripts: js });
  await page.setViewportSize({ width: 375, height: 740 });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways at 375 px`).toBeLessThanOrEqual(innerWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function click(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForLoadState(), locator.first().click()]);
  await page.waitForLoadState();
}

describe.each([false, true])('the activist and the pensioner’s cabinet (JavaScript %s)', (js) => {
  it('walks from the home page to the accountability pages, the archive and her cabinet', async () => {
    const citizen = await createUser(portal.deps, { identification: 'esia', identityLevel: 'verified' });
    const n = await prepare(citizen);
    const ctx = await signedInContext(portal, citizen, { javaScriptEnabled: js });
    contexts.push(ctx);
    const page = await ctx.newPage();

    // the home page links to the accountability pages
    await page.goto(`${portal.url}/`);
    await check(page, js);
    const accountability = page.locator('#accountability');
    for (const name of [
      'Статистика обращений',
      'Ежеквартальные обзоры обращений',
      'Частые вопросы и ответы',
      'Журнал публикаций',
    ])
      await expect(accountability.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    await click(page, accountability.getByRole('link', { name: 'Статистика обращений', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/appeals/stats');
    await check(page, js);
    await expect(page.locator('#stats-headline').isVisible()).resolves.toBe(true);
    await expect(page.locator('#suppression-explained').textContent()).resolves.toContain('меньше трёх');

    // a body's home, its accountability links, its public archive, searched
    await page.goto(`${portal.url}/orgs/kaliningrad`);
    await check(page, js);
    await click(
      page,
      page.locator('#accountability').getByRole('link', { name: 'Открытый архив обращений и ответов' }),
    );
    await check(page, js);
    await page.getByLabel('Искать в архиве').fill('Луговое');
    await click(page, page.getByRole('button', { name: 'Найти' }));
    await check(page, js);
    await click(page, page.getByRole('link', { name: `Обращение № ${n.archived}` }));
    await check(page, js);
    const entry = (await page.locator('main').textContent()) ?? '';
    expect(entry).toContain('Ямочный ремонт дороги');
    expect(entry).not.toContain('Смирнова');
    const entryUrl = page.url();

    // her cabinet: withdraw the open appeal, with a confirmation step
    await click(page, page.getByRole('link', { name: 'Личный кабинет' }));
    await check(page, js);
    await click(page, page.locator('main').getByRole('link', { name: /Мои обращения/ }));
    await check(page, js);
    await click(page, page.getByRole('link', { name: new RegExp(n.open) }));
    await check(page, js);
    await click(page, page.getByRole('button', { name: 'Отозвать обращение' }));
    await check(page, js);
    await click(page, page.getByRole('button', { name: 'Да, отозвать обращение' }));
    await check(page, js);
    await expect(page.locator('main').textContent()).resolves.toContain('Обращение отозвано');

    // dispute an answer: a complaint to the higher body, prefilled with the first appeal
    await page.goto(`${portal.url}/cabinet/appeals/${n.answered}`);
    await check(page, js);
    await click(page, page.getByRole('button', { name: 'Обжаловать ответ' }));
    await check(page, js);
    await expect(page.getByLabel('С чем вы не согласны').inputValue()).resolves.toContain(`№ ${n.answered}`);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Правительство Калининградской области',
    );
    await page
      .getByLabel('С чем вы не согласны')
      .fill(`Обжалую ответ на обращение № ${n.answered}: ремонт нужен в этом году.`);
    await click(page, page.getByRole('button', { name: 'Отправить жалобу' }));
    await check(page, js);
    await expect(page.locator('#disputes-appeal a').getAttribute('href')).resolves.toBe(
      `/cabinet/appeals/${n.answered}`,
    );

    // withdraw the consent to the archive: the entry leaves it
    await page.goto(`${portal.url}/cabinet/appeals/${n.archived}`);
    await check(page, js);
    await click(page, page.getByRole('button', { name: 'Отозвать согласие' }));
    await check(page, js);
    await expect(page.locator('main').textContent()).resolves.toContain('Согласие отозвано');
    const gone = await page.goto(entryUrl);
    expect(gone?.status()).toBe(404);
  }, 600_000);
});
