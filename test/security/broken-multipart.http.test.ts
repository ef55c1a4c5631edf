import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, createTestApp, csrfFrom, type TestApp } from '../app.ts';

/*
 * Broken multipart bodies (issue 9) on a form: a cut body, no boundary, a
 * boundary that never comes, garbage. Each is a clear 4xx page, never a 500.
 */

let t: TestApp;
let jar: CookieJar;
let csrf: string;
beforeAll(async () => {
  t = await createTestApp();
  jar = new CookieJar();
  const page = await t.app.inject('/sign-in');
  jar.store(page);
  csrf = csrfFrom(page.body);
});
afterAll(async () => {
  await t.close();
});

const good = (b: string) =>
  `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nTOKEN\r\n` +
  `--${b}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.test\r\n` +
  `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc\r\n` +
  `--${b}--\r\n`;

describe('broken multipart on a form', () => {
  const cases: [string, string, string][] = [
    ['a cut body', 'multipart/form-data; boundary=xyz', good('xyz').slice(0, 150)],
    ['a cut body inside a file', 'multipart/form-data; boundary=xyz', good('xyz').slice(0, 260)],
    ['no boundary parameter', 'multipart/form-data', good('xyz')],
    ['an empty boundary', 'multipart/form-data; boundary=', good('xyz')],
    ['a boundary the body never uses', 'multipart/form-data; boundary=abc', good('xyz')],
    ['garbage', 'multipart/form-data; boundary=xyz', '\u0000\u0001garbage--xyz'],
    ['an empty body', 'multipart/form-data; boundary=xyz', ''],
    [
      'headers without a blank line',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="a"\r\n--xyz--',
    ],
  ];
  for (const [what, type, body] of cases) {
    it(`${what}: a 4xx page`, async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { cookie: jar.header(), 'content-type': type },
        payload: body.replace('TOKEN', csrf),
      });
      expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, what).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('text/html');
    });
  }
});
