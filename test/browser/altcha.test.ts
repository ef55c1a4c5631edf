import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Portal, startPortal } from './harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.close();
});

describe('ALTCHA widget with JavaScript on', () => {
  it('solves the proof of work under our CSP and the form is accepted with its payload', async () => {
    const context = await portal.browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${portal.url}/password-reset`);
    await page.waitForSelector('altcha-widget');
    await page.focus('#email');
    await page.fill('#email', 'citizen@open-region.example');
    const payload = page.locator('input[name="altcha"]');
    await expect
      .poll(async () => (await payload.count()) > 0 && (await payload.first().inputValue()).length > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    await page.click('form[action="/password-reset"] button[type="submit"]');
    await page.waitForURL(`${portal.url}/password-reset/sent`);
    expect(problems.filter((p) => /Content Security Policy|Refused/i.test(p))).toEqual([]);
    await context.close();
  });
});
