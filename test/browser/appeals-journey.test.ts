import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { type Mailbox, startMailbox } from '../mailbox.ts';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

// Issue 3's journey: a demo citizen sends an appeal; the demo officer sends a copy to another
// competent body, the head extends the deadline, the signer answers; the citizen sees every
// event and the answer. Everything with JavaScript off, every page checked with axe.
let mailbox: Mailbox;
let portal: Portal;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mailbox = await startMailbox();
  portal = await startPortal({ smtpUrl: mailbox.url });
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
  await mailbox?.close();
});

async function submit(p: Page, action: string) {
  await p.locator(`form[action="${action}"] button[type="submit"]`).last().click();
  await p.waitForLoadState();
}

/** No error summary on the page; if there is one, its text is the failure message. */
async function expectNoErrors(p: Page) {
  const summary = p.locator('.govuk-error-summary');
  expect((await summary.count()) ? await summary.textContent() : '').toBe('');
}

/** A person in their own JS-off browser, signed in through the ordinary form. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await noScriptContext(browser);
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(`${portal.url}/sign-in`);
  await page.locator('form[action="/sign-in"] input[name="email"]').fill(email);
  await page.locator('form[action="/sign-in"] input[name="password"]').fill(DEMO_PASSWORD);
  await submit(page, '/sign-in');
  return page;
}

describe('an appeal from registration to answer, with JavaScript off', () => {
  it('is sent, copied to another body, extended and answered, and the citizen sees each step', async () => {
    // the citizen writes to the regional government
    const citizen = await signedIn(portal.browser, 'm.ivanova@esia-demo.example');
    await citizen.goto(`${portal.url}/orgs/government/appeals/new`);
    if ((await citizen.getByRole('button', { name: 'Продолжить' }).count()) > 0) {
      await citizen.getByRole('button', { name: 'Продолжить' }).click();
      await citizen.waitForLoadState();
    }
    await citizen.getByLabel('Предложение', { exact: true }).check();
    await citizen
      .getByLabel('Текст обращения')
      .fill('Предлагаю продлить автобусный маршрут № 7 до нового микрорайона.');
    await citizen.locator('form[action*="/appeals/new"] button[type="submit"]:not([name])').last().click();
    await citizen.waitForLoadState();
    await citizen.getByRole('button', { name: 'Отправить обращение' }).click();
    await citizen.waitForLoadState();
    if (await citizen.locator('.govuk-error-summary').count())
      throw new Error(`${citizen.url()} ${await citizen.locator('.govuk-error-summary').textContent()}`);
    const number = ((await citizen.locator('.govuk-panel__body strong').textContent()) ?? '').trim();
    expect(number).toMatch(/^GOV-\d{4}-\d+$/);
    await mailbox.waitFor((m) => m.subject.includes(number) && m.to.includes('m.ivanova@esia-demo.example'));

    // the appeals officer finds it in the queue and sends a copy to the city of Kaliningrad
    const officer = await signedIn(portal.browser, 'appeals.government@open-region.example');
    await officer.goto(`${portal.url}/manage/appeals`);
    await expectAxeClean(officer);
    await officer.getByRole('link', { name: new RegExp(number) }).click();
    await officer.waitForLoadState();
    const appealUrl = new URL(officer.url()).pathname;
    await expectAxeClean(officer);
    // the question by the ТОТК classifier (the first topic offered)
    await officer.getByLabel('Вопрос 1', { exact: true }).selectOption({ index: 1 });
    await submit(officer, `${appealUrl}/classify`);
    await expectNoErrors(officer);
    await officer.getByLabel('Направить копию', { exact: false }).first().check();
    await officer
      .getByLabel('Орган на портале')
      .selectOption({ label: 'Городской округ «Город Калининград»' });
    await officer.getByLabel('Причина').fill('Маршрут проходит по территории городского округа');
    await submit(officer, `${appealUrl}/forward`);
    await expectNoErrors(officer);

    // the head extends the deadline once, with the reason
    const head = await signedIn(portal.browser, 'head.government@open-region.example');
    await head.goto(`${portal.url}${appealUrl}`);
    await head.getByLabel('На сколько дней').fill('20');
    await head.getByLabel('Основание продления').fill('Нужен ответ перевозчика о пассажиропотоке');
    await submit(head, `${appealUrl}/extend`);
    await expectNoErrors(head);
    // a second extension is not offered
    expect(await head.locator(`form[action="${appealUrl}/extend"]`).count()).toBe(0);

    // the signer answers
    const signer = await signedIn(portal.browser, 'signer.government@open-region.example');
    await signer.goto(`${portal.url}${appealUrl}`);
    await signer
      .getByLabel('Текст ответа')
      .fill('Маршрут № 7 будет продлён с 1 марта. Спасибо за предложение.');
    // the signature comes from the signer's profile (issue 10)
    expect(await signer.locator('main').textContent()).toContain('М. Ю. Титов');
    await submit(signer, `${appealUrl}/answer`);
    await expectNoErrors(signer);
    await expectAxeClean(signer);

    // the citizen was told of each step by mail and sees the whole history and the answer
    await mailbox.waitFor(
      (m) => m.to.includes('m.ivanova@esia-demo.example') && /продл/i.test(m.subject + m.text),
    );
    await citizen.goto(`${portal.url}/cabinet/appeals/${number}`);
    const main = (await citizen.locator('main').textContent()) ?? '';
    expect(main).toContain('Зарегистрировано, срок ответа');
    expect(main).toContain('Копия направлена');
    expect(main).toContain('Городской округ «Город Калининград»');
    expect(main).toContain('Срок продлён до');
    expect(main).toContain('Нужен ответ перевозчика о пассажиропотоке');
    expect(main).toContain('Маршрут № 7 будет продлён с 1 марта');
    expect(main).toContain('Заместитель председателя Правительства Калининградской области');
    await expectAxeClean(citizen);
  });
});
