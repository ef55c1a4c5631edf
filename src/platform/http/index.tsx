import { realpathSync } from 'node:fs';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import { type Actor, anonymous } from '../authz/index.ts';
import type { Deps } from '../deps.ts';
import { DomainError, InvalidInput } from '../errors/index.ts';
import { isLocale, type Locale, type Translate, translator } from '../i18n/index.ts';
import { projectPath } from '../paths.ts';
import type { ViewContext } from '../ui/context.ts';
import { lowVisionCookie, parseLowVision } from '../ui/low-vision.ts';
import { problemCode, problemTitle } from './api.ts';
import { ErrorPage } from './error-page.tsx';
import { kioskTerminalOf } from './kiosk.ts';
import { unavailablePage } from './operations.ts';
import { pageCachePlugin } from './page-cache.ts';
import { pgRateLimitStore } from './rate-limit-store.ts';
import { readRouting } from './read-routing.ts';
import { type PageOptions, sendPage } from './render.tsx';
import { uploadsPlugin } from './uploads.ts';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    actor: Actor;
    kiosk: boolean;
    flash: ViewContext['flash'];
    view(reply: FastifyReply): ViewContext;
  }
  interface FastifyReply {
    page(title: string, body: VNode, opts?: PageOptions): FastifyReply;
  }
}

function resolvedBuild(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths whose POSTs carry no CSRF form token: the JSON API (no cookies cross-site) and the dev identity provider. */
export function csrfExempt(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/dev-idp');
}

function lowVisionFrom(req: FastifyRequest): ViewContext['lowVision'] {
  return parseLowVision(req.cookies[lowVisionCookie]);
}

/** Request context, page rendering, security headers, CSRF and the one error handler. */
export const httpPlatform = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  const { config } = opts.deps;
  app.decorate('deps', opts.deps);

  await app.register(cookie, { secret: config.sessionSecret, hook: 'onRequest' });
  // right after the cookies: a cached page skips every later hook
  await app.register(pageCachePlugin);
  await app.register(readRouting);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(uploadsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  // counters in PostgreSQL, so every app process counts the same client together
  await app.register(rateLimit, { global: false, store: pgRateLimitStore(app.deps.db, app.deps.log) });
  await app.register(fastifyStatic, {
    // the build public/build names at start: a later build switches the link, never the files this process serves
    root: resolvedBuild(projectPath('public/build')),
    prefix: '/assets/',
    immutable: false,
    maxAge: '1h',
    index: false,
  });
  await app.register(csrf, {
    cookieKey: '_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ??
      (req.headers['x-csrf-token'] as string | undefined),
  });

  app.decorateRequest('locale', 'ru');
  app.decorateRequest('t', null as unknown as { getter: () => Translate });
  app.decorateRequest('actor', null as unknown as { getter: () => Actor });
  app.decorateRequest('kiosk', false);
  app.decorateRequest('flash', undefined);
  app.decorateRequest('view', function (this: FastifyRequest, reply: FastifyReply): ViewContext {
    let token: string | undefined;
    return {
      locale: this.locale,
      t: this.t,
      actor: this.actor,
      url: this.url,
      // made on first use: a page without a form then sets no CSRF cookie and stays cacheable
      get csrfToken() {
        token ??= reply.generateCsrf();
        return token;
      },
      lowVision: lowVisionFrom(this),
      kiosk: this.kiosk,
      flash: this.flash,
    };
  });
  app.decorateReply('page', function (this: FastifyReply, title: string, body: VNode, o?: PageOptions) {
    return sendPage(this.request, this, title, body, o);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = anonymous;
    const q = (req.query ?? {}) as Record<string, unknown>;
    let locale: Locale = 'ru';
    if (isLocale(q.lang)) {
      locale = q.lang;
      reply.setCookie('lang', locale, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: config.secureCookies,
        maxAge: 31536000,
      });
    } else if (isLocale(req.cookies.lang)) locale = req.cookies.lang;
    req.locale = locale;
    req.t = translator(locale);
    req.kiosk = kioskTerminalOf(req.cookies) !== null;
  });

  app.addHook('preHandler', (req, reply, done) => {
    if (!STATE_CHANGING.has(req.method) || csrfExempt(req.url)) return done();
    app.csrfProtection(req, reply, done);
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    }
    return reply.page(req.t('error.404.title'), <ErrorPage kind="404" />, { status: 404 });
  });

  app.setErrorHandler(
    (err: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
      let status = err instanceof DomainError ? err.status : (err.statusCode ?? 500);
      let code = err instanceof DomainError ? err.code : (err.code ?? 'internal');
      if (hasZodFastifySchemaValidationErrors(err) || isDataException(err)) {
        status = 400;
        code = 'invalid_request';
      }
      if (status < 400 || status > 599) status = 500;
      // The database is away (down, restarting, frozen): a 503 to try again, not a 500.
      const unavailable = status === 503 || (status === 500 && req.server.databaseWatch?.report(err));
      if (unavailable) {
        status = 503;
        code = 'service_unavailable';
        reply.header('retry-after', '10');
        req.log.warn({ code: (err as { code?: unknown }).code, message: err.message }, 'service unavailable');
      } else if (status >= 500) req.log.error({ err }, 'request failed');
      else req.log.info({ status, code }, 'request refused');
      if (req.url.startsWith('/api/') || req.headers.accept === 'application/json') {
        const body: Record<string, unknown> = {
          type: 'about:blank',
          title: problemTitle(status),
          status,
          code:
            err instanceof DomainError || hasZodFastifySchemaValidationErrors(err) || isDataException(err)
              ? code
              : problemCode(status, err.code),
        };
        // the database's own wording stays in the log
        if (status < 500) body.detail = isDataException(err) ? 'invalid value' : err.message;
        if (err instanceof InvalidInput) body.errors = err.errors;
        if (hasZodFastifySchemaValidationErrors(err))
          body.errors = err.validation.map((v) => ({ field: v.instancePath, message: v.message }));
        return reply.status(status).type('application/problem+json').send(body);
      }
      const kind =
        status >= 500
          ? '500'
          : status === 404
            ? '404'
            : String(code).startsWith('FST_CSRF')
              ? 'csrf'
              : status === 403
                ? '403'
                : status === 413
                  ? 'tooLarge'
                  : status === 429
                    ? 'rateLimit'
                    : '4xx';
      // a refusal in the first hook comes before cookies and CSRF, which the layout needs
      if (status === 503) return reply.status(503).type('text/html; charset=utf-8').send(unavailablePage());
      if (!req.t) req.t = translator('ru');
      if (!req.actor) req.actor = anonymous;
      return reply.page(req.t(`error.${kind === '4xx' ? '4xx' : kind}.title`), <ErrorPage kind={kind} />, {
        status,
      });
    },
  );
});

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a NUL byte in text, a value
 * out of a column's range, a malformed uuid or date) come from what the visitor
 * sent and reached a query unchecked: a bad request, never a 500.
 */
function isDataException(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
