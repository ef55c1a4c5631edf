import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CookieJar, csrfFrom } from './app.ts';
import { multipartBody, type Upload } from './multipart.ts';

export type PostOptions = {
  /**
   * the page whose form carries the CSRF token: a URL to open (default: the URL
   * posted to), or a page already opened
   */
  from?: string | { body: string };
  /** files to send: the body then goes as multipart/form-data, as a form with a file input does */
  files?: Upload[];
  /** send multipart/form-data even without files (a form with enctype="multipart/form-data") */
  multipart?: boolean;
};

/**
 * A browser with JavaScript off, on the real app through `app.inject`: keeps
 * the cookies it is given, and posts forms with the CSRF token of the page
 * it opened first. `signedInAs` (test/auth.ts) gives one with a session.
 */
export class Agent {
  constructor(
    readonly app: FastifyInstance,
    readonly jar: CookieJar = new CookieJar(),
  ) {}

  /** The Cookie header this browser sends (for a raw `app.inject`). */
  get cookie(): string {
    return this.jar.header();
  }

  /** GET a page, keeping the cookies it sets. */
  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ url, headers: { ...headers, cookie: this.jar.header() } });
    this.jar.store(res);
    return res;
  }

  /**
   * Submit a form: open `opts.from` (default `url`) for its CSRF token, then POST
   * the fields urlencoded, or multipart when there are files. A field given as
   * an array repeats, as checkboxes of one name do.
   */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    opts: PostOptions = {},
  ): Promise<LightMyRequestResponse> {
    const page = typeof opts.from === 'object' ? opts.from : await this.get(opts.from ?? url);
    const withToken = { _csrf: csrfFrom(page.body), ...fields };
    let body: { payload: string | Buffer; contentType: string };
    if (opts.files?.length || opts.multipart) body = multipartBody(withToken, opts.files ?? []);
    else {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(withToken))
        for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = { payload: params.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.jar.header(), 'content-type': body.contentType },
      payload: body.payload,
    });
    this.jar.store(res);
    return res;
  }
}

/** An anonymous visitor: a fresh browser with no cookies. */
export function visitor(app: FastifyInstance): Agent {
  return new Agent(app);
}
