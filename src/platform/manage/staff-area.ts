import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isSignedIn, isStaff } from '../authz/index.ts';
import { Forbidden } from '../errors/index.ts';

/** Is this route part of the staff area (`/manage` and everything under it)? */
export function isStaffAreaRoute(url: string | undefined): boolean {
  return url === '/manage' || (url?.startsWith('/manage/') ?? false);
}

/**
 * The staff area as a whole is closed to people without a staff role: every
 * route under /manage sends an anonymous visitor to sign in and answers a
 * signed-in person who holds no role (a citizen) with 403, before the route's
 * own checks run. Each route still checks what this person may do there; this
 * keeps a new page that forgets to from showing staff lists to everyone.
 * Registered after the session plugin, whose onRequest hook sets the actor.
 */
export const staffAreaGuard = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (req, reply) => {
      if (!isStaffAreaRoute(req.routeOptions.url)) return;
      if (!isSignedIn(req.actor)) return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
      if (!isStaff(req.actor)) throw new Forbidden();
    });
  },
  { name: 'staff-area-guard' },
);
