import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgsRepository } from '../../src/modules/orgs/orgs.repository.ts';
import { createUser } from '../auth.ts';
import { expectAxeClean, noScriptContext, type Portal, signedInContext, startPortal } from './harness.ts';

let portal: Portal;
/** axe runs its checks as a script, so the pages are checked with JavaScript on ... */
let ctx: BrowserContext;
/** ... and used with it off. */
let noJs: BrowserContext;
beforeAll(async () => {
  portal = await startPortal();
  ctx = await portal.browser.newContext({ locale: 'ru-RU' });
  noJs = await noScriptContext(portal.browser);
});
afterAll(async () => {
  await ctx?.close();
  await noJs?.close();
  await portal?.close();
});

describe('the portal home and the authorities’ pages pass axe', () => {
  for (const path of [
    '/',
    '/?lang=en',
    '/orgs',
    '/orgs?kind=ministry',
    '/orgs/government',
    '/orgs/kaliningrad',
    '/orgs/minzdrav/officials',
    '/orgs/minzdrav/opendata/',
  ]) {
    it(path, async () => {
      const page = await ctx.newPage();
      const res = await page.goto(`${portal.url}${path}`);
      expect(res?.status()).toBe(200);
      await expectAxeClean(page);
      await page.close();
    });
  }

  it('the kind filter works as a plain GET form without JavaScript', async () => {
    const page = await noJs.newPage();
    await page.goto(`${portal.url}/orgs`);
    await page.getByLabel('Вид органа').selectOption('agency');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/kind=agency/);
    expect(await page.locator('h3').allInnerTexts()).toEqual(['Агентства']);
    await page.close();
  });

  it('the staff page of an organisation, signed in as its editor', async () => {
    const org = await orgsRepository.findBySlug(portal.deps.db, 'minzdrav');
    const user = await createUser(portal.deps, { grants: [{ role: 'editor', orgId: org?.id as string }] });
    const staff = await signedInContext(portal, user, { javaScriptEnabled: true });
    const page = await staff.newPage();
    await page.goto(`${portal.url}/manage/orgs/minzdrav`);
    await expectAxeClean(page);
    await page.getByLabel('Телефон').fill('не телефон');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Введите телефон цифрами');
    await expectAxeClean(page);
    await page.goto(`${portal.url}/manage/orgs/minzdrav/officials/new`);
    await expectAxeClean(page);
    await staff.close();
  });

  it('an editor saves details without JavaScript and the public page shows them', async () => {
    const org = await orgsRepository.findBySlug(portal.deps.db, 'minfin');
    const user = await createUser(portal.deps, { grants: [{ role: 'editor', orgId: org?.id as string }] });
    const staff = await signedInContext(portal, user, { javaScriptEnabled: false });
    const page = await staff.newPage();
    await page.goto(`${portal.url}/manage/orgs/minfin`);
    await page.getByLabel('Телефон').fill('+7 (4012) 00-00-00');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/notice=saved/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Сведения сохранены');
    await page.goto(`${portal.url}/orgs/minfin`);
    expect(await page.locator('main').textContent()).toContain('+7 (4012) 00-00-00');
    await staff.close();
  });
});

describe('Swagger UI at /api/docs', () => {
  it('renders the API under its Content-Security-Policy with no violations', async () => {
    const js = await portal.browser.newContext();
    const page = await js.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await page.goto(`${portal.url}/api/docs/`);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Open Region API');
    await page
      .locator('.opblock-summary-path', { hasText: '/api/v1/organizations/{slug}' })
      .first()
      .waitFor();
    expect(violations).toEqual([]);
    await js.close();
  });
});
