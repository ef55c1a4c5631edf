import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

function htmlClass(body: string): string {
  return body.match(/<html[^>]*class="([^"]*)"/)?.[1] ?? '';
}

const allOn = { size: 'large', scheme: 'black', images: '0', spacing: '1' };

describe('/accessibility', () => {
  it('is linked from the header of every page and shows the settings form', async () => {
    const browser = visitor(t.app);
    const res = await browser.get('/accessibility');
    expect(res.statusCode).toBe(200);
    const header = res.body.slice(res.body.indexOf('<header'), res.body.indexOf('</header>'));
    expect(header).toContain('href="/accessibility"');
    expect(res.body).toContain('<h1 class="govuk-heading-l">Версия для слабовидящих</h1>');
    for (const name of ['size', 'scheme', 'images', 'spacing'])
      expect(res.body).toContain(`class="govuk-radios__input" id="${name}" name="${name}"`);
    expect(htmlClass(res.body)).not.toContain('low-vision');
    const notFound = await browser.get('/no-such-page');
    expect(notFound.body.slice(0, notFound.body.indexOf('</header>'))).toContain('href="/accessibility"');
  });

  it('refuses a POST without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/accessibility',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(allOn).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'lv')).toBeUndefined();
  });

  it('saves the settings in the lv cookie and the next pages carry the low-vision classes', async () => {
    const browser = visitor(t.app);
    const res = await browser.post('/accessibility', allOn);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/accessibility?saved=1');
    const cookie = res.cookies.find((c) => c.name === 'lv');
    expect(cookie?.value).toBe('large.0.1.black');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');

    const after = await browser.get('/accessibility?saved=1');
    const cls = htmlClass(after.body).split(' ');
    expect(cls).toEqual(
      expect.arrayContaining([
        'low-vision',
        'low-vision--large',
        'low-vision--scheme-black',
        'low-vision--no-images',
        'low-vision--spacing',
      ]),
    );
    expect(after.body).toContain('Настройки версии для слабовидящих сохранены');
    // the form shows what is in force, and the quick-settings bar is in the header
    expect(after.body).toMatch(/id="scheme-2" name="scheme" type="radio" value="black" checked/);
    expect(after.body).toContain('class="app-lv-bar"');
    expect(after.body).toContain('name="set" value="size:normal"');

    const other = await browser.get('/no-such-page');
    expect(htmlClass(other.body)).toContain('low-vision--large');
  });

  it('applies one change from the bar and returns to the page it came from', async () => {
    const browser = visitor(t.app);
    await browser.post('/accessibility', allOn);
    const res = await browser.post('/accessibility', { set: 'size:xlarge', return: '/orgs?page=2' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/orgs?page=2');
    expect(browser.jar.get('lv')).toBe('xlarge.0.1.black');
    const imagesBack = await browser.post('/accessibility', { set: 'images:1', return: '/' });
    expect(imagesBack.headers.location).toBe('/');
    expect(browser.jar.get('lv')).toBe('xlarge.1.1.black');
  });

  it('turns the version on from the bar with the defaults, and never redirects off the site', async () => {
    const browser = visitor(t.app);
    const res = await browser.post('/accessibility', { set: 'scheme:blue', return: '//evil.example/x' });
    expect(res.headers.location).toBe('/accessibility?saved=1');
    expect(browser.jar.get('lv')).toBe('normal.1.0.blue');
    const unknown = await browser.post('/accessibility', { set: 'size:huge' });
    expect(unknown.statusCode).toBe(303);
    expect(browser.jar.get('lv')).toBe('normal.1.0.blue');
  });

  it('re-renders the form with errors and what was chosen when a value is missing or wrong', async () => {
    const browser = visitor(t.app);
    const res = await browser.post('/accessibility', { size: 'huge', scheme: 'blue', images: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('<a href="#size">Выберите размер текста</a>');
    expect(res.body).toContain('<a href="#spacing">Выберите интервалы</a>');
    expect(res.body).toContain('aria-describedby="size-error"');
    expect(res.body).toMatch(/name="scheme" type="radio" value="blue" checked/);
    expect(res.cookies.find((c) => c.name === 'lv')).toBeUndefined();
  });

  it('the standard version button clears the cookie', async () => {
    const browser = visitor(t.app);
    await browser.post('/accessibility', allOn);
    expect(browser.jar.get('lv')).toBe('large.0.1.black');
    const page = await browser.get('/accessibility');
    expect(page.body).toContain('name="set" value="off"');
    const res = await browser.post('/accessibility', { set: 'off', return: '/accessibility' });
    expect(res.statusCode).toBe(303);
    expect(browser.jar.get('lv')).toBeUndefined();
    const after = await browser.get('/accessibility');
    expect(htmlClass(after.body)).not.toContain('low-vision');
  });

  it('speaks English when asked', async () => {
    const browser = visitor(t.app);
    const res = await browser.get('/accessibility?lang=en');
    expect(res.body).toContain('<h1 class="govuk-heading-l">Low-vision version</h1>');
    expect(res.body).toContain('Black text on white');
  });
});
