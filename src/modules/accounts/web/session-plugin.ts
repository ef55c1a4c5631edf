import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken } from '../api-tokens.ts';
import { resolveSession, SESSION_TTL_MS } from '../sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in session behind the `sid` cookie, null for anonymous visitors */
    session: { id: string; kiosk: boolean } | null;
  }
}

export const SESSION_COOKIE = 'sid';

/**
 * Set the session cookie. Signed with SESSION_SECRET so a tampered value is
 * refused before any lookup; HttpOnly, SameSite=Lax, Secure behind https.
 * A kiosk session gets no Max-Age: the browser forgets it when closed.
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, kiosk: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.deps.config.secureCookies,
    signed: true,
    ...(kiosk ? {} : { maxAge: SESSION_TTL_MS / 1000 }),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.deps.config.secureCookies,
    signed: true,
  });
}

/**
 * Sessions in Postgres: reads the `sid` cookie on every request and sets
 * `req.actor`. Registered in app.ts right after the http platform, so every
 * module's routes see the signed-in person. A tampered, unknown or expired
 * cookie makes the visitor anonymous (and is cleared), never an error.
 */
export const accountsSession = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (req, reply) => {
      req.session = null;
      // The JSON API also takes a personal token (Authorization: Bearer ort_…) instead of the cookie.
      const auth = req.headers.authorization;
      if (auth?.startsWith('Bearer ') && req.url.startsWith('/api/')) {
        const actor = await resolveApiToken(app.deps.db, auth.slice(7).trim(), app.deps.clock.now());
        if (actor) req.actor = actor;
        return;
      }
      const raw = req.cookies[SESSION_COOKIE];
      if (!raw || req.url.startsWith('/assets/')) return;
      const unsigned = req.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) {
        clearSessionCookie(req, reply);
        return;
      }
      const resolved = await resolveSession(app.deps.db, unsigned.value, app.deps.clock.now());
      if (!resolved) {
        clearSessionCookie(req, reply);
        return;
      }
      req.actor = resolved.actor;
      req.session = { id: resolved.session.id, kiosk: resolved.session.kiosk };
      // Keep the browser's copy alive as long as the server's (sliding expiry).
      if (resolved.extended && !resolved.session.kiosk) setSessionCookie(req, reply, unsigned.value, false);
    });
  },
  { name: 'accounts-session', dependencies: [] },
);
