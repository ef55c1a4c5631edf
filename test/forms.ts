import type { FastifyInstance } from 'fastify';
import { type CookieJar, csrfFrom } from './app.ts';

/** GET a page as the browser with this jar, keeping the cookies it sets. */
export async function getPage(app: FastifyInstance, jar: CookieJar, url: string) {
  const res = await app.inject({ url, headers: { cookie: jar.header() } });
  jar.store(res);
  return res;
}

/** Submit a form like a browser: fetch `csrfPage` (default: the form's own URL) for the CSRF token, then POST. */
export async function submitForm(
  app: FastifyInstance,
  jar: CookieJar,
  url: string,
  fields: Record<string, string>,
  csrfPage = url,
) {
  const page = await getPage(app, jar, csrfPage);
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
  });
  jar.store(res);
  return res;
}
