import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { safeLocalPath } from '../../../platform/http/redirect.ts';
import {
  findProvider,
  finishAuthorization,
  type OidcTransaction,
  startAuthorization,
} from '../oidc/client.ts';
import { signInWithOidc } from '../sign-in-with-oidc.ts';
import { askConsent } from './oidc-consent.tsx';
import { setSessionCookie } from './session-plugin.ts';

const TX_COOKIE = 'oidc_tx';
const TX_PATH = '/sign-in/oidc';

function readTx(req: FastifyRequest): OidcTransaction | null {
  const raw = req.cookies[TX_COOKIE];
  if (!raw) return null;
  const un = req.unsignCookie(raw);
  if (!un.valid || !un.value) return null;
  try {
    const v = JSON.parse(Buffer.from(un.value, 'base64url').toString('utf8')) as OidcTransaction;
    return typeof v.state === 'string' && typeof v.verifier === 'string' ? v : null;
  } catch {
    return null;
  }
}

function failed(reply: FastifyReply, notice: string) {
  return reply.redirect(`/sign-in?notice=${notice}`, 303);
}

/**
 * OpenID Connect sign-in (ЕСИА or any configured provider): /sign-in/oidc/<id>
 * sends the browser to the provider with PKCE, state and nonce kept in a
 * signed short-lived cookie; /sign-in/oidc/<id>/callback finishes it.
 */
export async function oidcRoutes(app: FastifyInstance) {
  const cookieOpts = () => ({
    path: TX_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
    signed: true,
  });

  app.get<{ Params: { provider: string }; Querystring: { next?: string } }>(
    '/sign-in/oidc/:provider',
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const p = await findProvider(app, req.params.provider);
      if (!p) return reply.callNotFound();
      try {
        const { url, tx } = await startAuthorization(
          app,
          p,
          safeLocalPath(req.query.next, app.deps.config.publicUrl, '/cabinet'),
        );
        reply.setCookie(TX_COOKIE, Buffer.from(JSON.stringify(tx)).toString('base64url'), {
          ...cookieOpts(),
          maxAge: 600,
        });
        return reply.redirect(url, 303);
      } catch (err) {
        req.log.warn({ err, provider: p.id }, 'OIDC discovery failed');
        return failed(reply, 'oidcFailed');
      }
    },
  );

  app.get<{ Params: { provider: string } }>(
    '/sign-in/oidc/:provider/callback',
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const p = await findProvider(app, req.params.provider);
      if (!p) return reply.callNotFound();
      const tx = readTx(req);
      reply.clearCookie(TX_COOKIE, cookieOpts());
      if (!tx || tx.provider !== p.id) return failed(reply, 'oidcFailed');
      let claims: Awaited<ReturnType<typeof finishAuthorization>>;
      try {
        claims = await finishAuthorization(app, p, tx, new URL(req.url, app.deps.config.publicUrl));
      } catch (err) {
        req.log.warn({ err: (err as Error).message, provider: p.id }, 'OIDC callback refused');
        return failed(reply, 'oidcFailed');
      }
      const result = await signInWithOidc(
        app.deps,
        originOf(req),
        { provider: p, claims },
        { kiosk: req.kiosk, userAgent: req.headers['user-agent'], replaceSession: req.session?.id ?? null },
      );
      switch (result.kind) {
        case 'signed_in':
          setSessionCookie(req, reply, result.token, req.kiosk);
          // The cookie is signed, yet the target is checked again: it must never leave the site.
          return reply.redirect(safeLocalPath(tx.next, app.deps.config.publicUrl, '/cabinet'), 303);
        case 'linked':
          return reply.redirect('/cabinet?notice=esia', 303);
        case 'consent_needed':
          return askConsent(app, reply, { provider: p.id, claims, next: tx.next });
        case 'email_taken':
          return failed(reply, 'oidcEmailTaken');
        case 'linked_elsewhere':
          return failed(reply, 'oidcLinkedElsewhere');
        default:
          return failed(reply, 'oidcFailed');
      }
    },
  );
}
