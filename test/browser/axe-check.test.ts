import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, launchChromium } from './harness.ts';

/*
 * The axe check itself can fail: a page with known WCAG 2.1 AA faults is refused, by name,
 * with JavaScript off (the DOM replayed) and on (checked in place); a clean page passes, and
 * the replay shows the page as it was, not as the server would send it again.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const FAULTY = `<!DOCTYPE html><html lang="ru"><head><title>Страница с ошибками</title></head><body><main>
  <h1>Заголовок</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <p style="color:#bbb;background:#fff">Бледный текст</p><a href="/x"></a></main></body></html>`;
const CLEAN = `<!DOCTYPE html><html lang="ru"><head><title>Чистая страница</title></head><body><main>
  <h1>Заголовок</h1><p>Текст</p><script>document.body.insertAdjacentHTML('beforeend', '<img src="x.gif">')</script></main></body></html>`;

async function open(js: boolean, html: string, path: string) {
  const context = await browser.newContext({ javaScriptEnabled: js });
  await context.route('http://axe.test/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await context.newPage();
  await page.goto(`http://axe.test${path}`);
  return page;
}

describe('the axe check of the browser tests', () => {
  for (const js of [false, true])
    it(`names the faults of a faulty page (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const page = await open(js, FAULTY, `/faulty-${js}#part`);
      const failure = await expectAxeClean(page, { withScripts: js }).then(
        () => '',
        (e: Error) => e.message,
      );
      for (const rule of ['image-alt', 'color-contrast', 'link-name']) expect(failure).toContain(rule);
      await page.context().close();
    });

  it('passes a clean page with JavaScript off, whose script would have added a fault', async () => {
    const page = await open(false, CLEAN, '/clean');
    await expectAxeClean(page);
    await page.context().close();
  });

  it('sees what the page’s script did with JavaScript on', async () => {
    const page = await open(true, CLEAN, '/clean-js');
    const failure = await expectAxeClean(page, { withScripts: true }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(failure).toContain('image-alt');
    await page.context().close();
  });
});
