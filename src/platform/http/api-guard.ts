import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isSignedIn } from '../authz/index.ts';
import { Unauthenticated } from '../errors/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** an /api/ write that anyone may make without signing in (none in the product so far) */
    apiAnonymousWrite?: boolean;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isJson(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || (media.startsWith('application/') && media.endsWith('+json'));
}

/**
 * The browser's Origin is this site: PUBLIC_URL's origin, or the host the request was sent
 * to (a browser cannot forge Host or Origin, and PUBLIC_URL may not know the port, e.g. PORT=0).
 */
function sameOrigin(req: FastifyRequest, siteOrigin: string): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  if (origin === siteOrigin) return true;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host === req.headers.host;
  } catch {
    return false;
  }
}

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * The rules every /api/ write passes before its body is even read:
 *
 * 1. Authentication first (401), so an anonymous caller learns nothing from validation.
 * 2. A write authenticated by the session cookie (not by `Authorization: Bearer`) must
 *    come from this site: a same-origin `Origin` header or the page's CSRF token in
 *    `X-CSRF-Token` (403). The form CSRF check exempts /api/, and SameSite=Lax alone
 *    is not enough (some browsers send Lax cookies on a cross-site POST within two
 *    minutes of the cookie being set, and a sibling subdomain counts as same-site).
 * 3. JSON only (415): the API never reads a form body, so a cross-site HTML form
 *    (urlencoded, multipart, text/plain) cannot make a write even with a cookie.
 */
export const apiWriteGuard = fp(
  async (app: FastifyInstance) => {
    const siteOrigin = new URL(app.deps.config.publicUrl).origin;
    app.addHook('onRequest', (req, reply, done) => {
      // Registered after the session hook, so req.actor is known here.
      if (!WRITES.has(req.method) || !req.url.startsWith('/api/')) return done();
      const anonymousAllowed = req.routeOptions.config?.apiAnonymousWrite === true;
      if (!anonymousAllowed && !isSignedIn(req.actor))
        return done(new Unauthenticated('Sign in or send a personal API key'));
      const bearer = req.headers.authorization?.startsWith('Bearer ') === true;
      const checkBody = () => {
        if (hasBody(req) && !isJson(req.headers['content-type']))
          return done(
            Object.assign(new Error('The API accepts application/json only'), {
              statusCode: 415,
              code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
            }),
          );
        done();
      };
      if (bearer || !isSignedIn(req.actor) || sameOrigin(req, siteOrigin)) return checkBody();
      // A cookie-authenticated write from elsewhere: only the page's CSRF token lets it through
      // (csrfProtection answers 403 itself when the token is missing or wrong).
      app.csrfProtection(req, reply, checkBody);
    });
  },
  { name: 'api-write-guard', dependencies: ['accounts-session'] },
);
