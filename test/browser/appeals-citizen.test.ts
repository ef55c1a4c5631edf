import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts';
import { type Mailbox, startMailbox } from '../mailbox.ts';
import { SAMPLE_PDF } from '../multipart.ts';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let mailbox: Mailbox;
let portal: Portal;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mailbox = await startMailbox();
  portal = await startPortal({ smtpUrl: mailbox.url });
  context = await noScriptContext(portal.browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
  await mailbox?.close();
});

async function submit(p: Page, action: string) {
  await p.locator(`form[action="${action}"] button:not([name])`).last().click();
  await p.waitForLoadState();
}

describe('a demo citizen sends an appeal with JavaScript off', () => {
  it('signs in, writes, fixes the errors, attaches a file, gets the number and the mail, finds it in the cabinet', async () => {
    // the demo ЕСИА citizen, through the ordinary sign-in form
    await page.goto(`${portal.url}/sign-in?next=/appeals/new`);
    await page.locator('input[name="email"]').fill('m.ivanova@esia-demo.example');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await submit(page, '/sign-in');
    expect(new URL(page.url()).pathname).toBe('/appeals/new');

    // first the type
    expect(await page.locator('h1').textContent()).toContain('Что вы хотите отправить?');
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.waitForLoadState();
    // then the guide to the competent body; she knows where to write, so the full list
    expect(await page.locator('h1').textContent()).toBe('О чём ваше обращение?');
    await page.getByRole('link', { name: 'выбрать орган из полного списка' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe('Написать обращение');
    await expectAxeClean(page);

    // the name comes from the account; a missing addressee, kind and text come back with messages
    expect(await page.locator('#esia-name').textContent()).toContain('Иванова');
    await page.getByLabel('Кратко, о чём обращение (необязательно)').fill('Пандус у поликлиники');
    await submit(page, '/appeals/new');
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Выберите орган, которому адресовано обращение');
    expect(summary).toContain('Выберите вид обращения');
    expect(summary).toContain('Введите текст обращения');
    expect(await page.getByLabel('Кратко, о чём обращение (необязательно)').inputValue()).toBe(
      'Пандус у поликлиники',
    );
    await expectAxeClean(page);

    await page.getByLabel('Орган или организация').selectOption('minzdrav');
    await page.getByRole('radio', { name: 'Жалоба' }).check();
    // a complaint names the body whose decision or action it is about (59-ФЗ ст. 8 ч. 6)
    await page.getByLabel('На решение или действие какого органа жалоба').selectOption({ index: 1 });
    await page.getByLabel('Текст обращения').fill('У входа в поликлинику № 3 нет пандуса. Прошу установить.');
    await page.getByLabel('Фотографии или документы').setInputFiles({
      name: 'фото-входа.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    await submit(page, '/appeals/new');

    // «Проверьте данные» before sending
    expect(await page.locator('h1').textContent()).toBe('Проверьте данные');
    expect(await page.locator('main').textContent()).toContain('фото-входа.pdf');
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await page.waitForLoadState();

    // registered: the number, the dates and the way back to it
    expect(await page.locator('.govuk-panel__title').textContent()).toBe('Обращение зарегистрировано');
    const number = (await page.locator('.govuk-panel__body strong').textContent()) ?? '';
    expect(number).toMatch(/^MINZDRAV-\d{4}-\d+$/);
    expect(await page.locator('main').textContent()).toContain('фото-входа.pdf');
    await expectAxeClean(page);

    const mail = await mailbox.waitFor((m) => m.subject === `Обращение зарегистрировано, № ${number}`);
    expect(mail.to).toEqual(['m.ivanova@esia-demo.example']);
    expect(mail.text).toContain(`${portal.url}/cabinet/appeals/${number}`);

    // the cabinet lists it, and the link there leads back to its page
    await page.goto(`${portal.url}/cabinet`);
    await page.getByRole('link', { name: 'Мои обращения' }).click();
    await page.waitForLoadState();
    expect(await page.locator('table').textContent()).toContain(number);
    await expectAxeClean(page);
    await page.getByRole('link', { name: new RegExp(number) }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').textContent()).toBe(`Обращение № ${number}`);
    expect(await page.locator('main').textContent()).toContain('Зарегистрировано, срок ответа');
    await expectAxeClean(page);
  });

  it('the API keys page (for programs that submit appeals) passes axe, with a new key shown once', async () => {
    await page.goto(`${portal.url}/cabinet/tokens`);
    await expectAxeClean(page);
    await page.getByLabel('Название').fill('Моя программа');
    await submit(page, '/cabinet/tokens');
    expect(await page.locator('#new-token code').textContent()).toMatch(/^ort_/);
    await expectAxeClean(page);
  });

  it('the information request and corruption report forms pass axe too', async () => {
    for (const type of ['info_request', 'corruption_report']) {
      await page.goto(`${portal.url}/orgs/minfin/appeals/new?type=${type}`);
      expect(await page.locator('#orgSlug').textContent()).toBe(
        'Кому: Министерство финансов Калининградской области',
      );
      await expectAxeClean(page);
    }
  });
});
