import type { FastifyInstance } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { signOut } from '../sign-out.ts';
import { clearSessionCookie } from './session-plugin.ts';

/** POST /sign-out (the layout's button) and POST /sign-out/everywhere (from the cabinet). */
export async function signOutRoutes(app: FastifyInstance) {
  const handler =
    (everywhere: boolean) =>
    async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
      if (isSignedIn(req.actor) && req.session) {
        await signOut(app.deps, originOf(req), { sessionId: req.session.id, everywhere });
      }
      clearSessionCookie(req, reply);
      const kioskNext = req.kiosk ? '/kiosk/idle' : null;
      return reply.redirect(
        kioskNext ?? `/sign-in?notice=${everywhere ? 'signedOutEverywhere' : 'signedOut'}`,
        303,
      );
    };
  app.post('/sign-out', handler(false));
  app.post('/sign-out/everywhere', handler(true));
}
