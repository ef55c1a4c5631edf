import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mailbox, startMailbox } from '../mailbox.ts';
import { expectAxeClean, noScriptContext, type Portal, startPortal } from './harness.ts';

let portal: Portal;
let mailbox: Mailbox;
let ctx: BrowserContext;
beforeAll(async () => {
  mailbox = await startMailbox();
  portal = await startPortal({ smtpUrl: mailbox.url });
  ctx = await noScriptContext(portal.browser);
});
afterAll(async () => {
  await ctx?.close();
  await portal?.close();
  await mailbox?.close();
});

describe('a new citizen, with JavaScript off', () => {
  const email = 'novikova.journey@example.test';
  const password = 'Балтика-2026-янтарь';

  it('signs up, confirms by the link in the mail, signs in and signs out', async () => {
    const page = await ctx.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${portal.url}/sign-up`);
    await expectAxeClean(page);
    const form = page.locator('form[action="/sign-up"]');

    // a first try with a missing name: the form comes back with the error and keeps what was typed
    await form.getByLabel('Адрес электронной почты', { exact: true }).fill(email);
    await form.getByLabel('Фамилия', { exact: true }).fill('Новикова');
    await form.getByLabel('Пароль', { exact: true }).fill(password);
    await form.getByLabel('Повторите пароль', { exact: true }).fill(password);
    await page.locator('input[name="consent"]').check();
    await page.locator('form[action="/sign-up"] button[type="submit"]').click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await form.getByLabel('Адрес электронной почты', { exact: true }).inputValue()).toBe(email);
    expect(await form.getByLabel('Фамилия', { exact: true }).inputValue()).toBe('Новикова');
    await expectAxeClean(page);

    await form.getByLabel('Имя', { exact: true }).fill('Анна');
    await form.getByLabel('Пароль', { exact: true }).fill(password);
    await form.getByLabel('Повторите пароль', { exact: true }).fill(password);
    if (!(await page.locator('input[name="consent"]').isChecked()))
      await page.locator('input[name="consent"]').check();
    await page.locator('form[action="/sign-up"] button[type="submit"]').click();
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);

    // the confirmation mail arrives at the real SMTP server
    const mail = await mailbox.waitFor((m) => m.to.includes(email), 20_000);
    const link = mail.text.match(/https?:\/\/\S+\/confirm-email\/\S+/)?.[0];
    expect(link).toBeTruthy();
    const confirmUrl = new URL(link as string);
    // following the link confirms the address and leads to sign-in with a notice
    await page.goto(`${portal.url}${confirmUrl.pathname}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.locator('.govuk-notification-banner').count()).toBe(1);
    // the link is single-use
    const again = await page.goto(`${portal.url}${confirmUrl.pathname}`);
    expect(again?.status()).toBe(404);

    await page.goto(`${portal.url}/sign-in`);
    await expectAxeClean(page);
    const signInForm = page.locator('form[action="/sign-in"]');
    await signInForm.getByLabel('Адрес электронной почты', { exact: true }).fill(email);
    await signInForm.getByLabel('Пароль', { exact: true }).fill(password);
    await page.locator('form[action="/sign-in"] button[type="submit"]').click();
    await page.waitForLoadState('domcontentloaded');
    await page.goto(`${portal.url}/cabinet`);
    expect(page.url()).toContain('/cabinet');
    expect(await page.locator('main').textContent()).toContain('Новикова');

    await page.locator('form[action="/sign-out"] button[type="submit"]').first().click();
    await page.waitForLoadState('domcontentloaded');
    await page.goto(`${portal.url}/cabinet`);
    expect(page.url()).toContain('/sign-in');
    await page.close();
  });
});
