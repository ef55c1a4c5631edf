import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { onReplica, requestWrote } from '../db/replica.ts';

/** Set after a person's own write: their next requests read the primary until it expires. */
export const READ_PRIMARY_COOKIE = 'rp';

/** Pages that always read the primary: staff and personal pages, sign-in flows, probes. */
const PRIMARY_ONLY =
  /^\/(manage|cabinet|sign-in|sign-up|sign-out|auth|dev-idp|password-reset|confirm-email|kiosk|healthz|readyz|metrics)(\/|\?|$)/;

const READS = new Set(['GET', 'HEAD']);

/** Whether a request may read from the replica (platform/db/replica.ts). */
export function readsFromReplica(req: FastifyRequest): boolean {
  return (
    READS.has(req.method) && req.cookies[READ_PRIMARY_COOKIE] === undefined && !PRIMARY_ONLY.test(req.url)
  );
}

/**
 * With DATABASE_REPLICA_URL: public GET pages and the API's GETs run `onReplica`;
 * any other request, and a GET that turned out to write, sets the short
 * read-primary cookie, so what the person reads next includes their own write
 * however far the replica lags within the tolerated lag.
 */
export const readRouting = fp(async (app: FastifyInstance) => {
  const { config } = app.deps;
  if (!config.databaseReplicaUrl) return;
  const seconds = Math.ceil(config.replicaMaxLagMs / 1000) + 5;
  // preHandler: the session is resolved before (onRequest) on the primary, and the handler runs inside
  app.addHook('preHandler', (req, _reply, done) => {
    if (readsFromReplica(req)) onReplica(done);
    else done();
  });
  app.addHook('onSend', async (req, reply) => {
    if (READS.has(req.method) && !requestWrote()) return;
    reply.setCookie(READ_PRIMARY_COOKIE, '1', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: seconds,
    });
  });
});
