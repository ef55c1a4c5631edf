import type { FastifyInstance } from 'fastify';

/** /readyz answers within this, whatever state the database is in. */
export const READY_DEADLINE_MS = 2_000;

/**
 * /healthz (the process answers) and /readyz (ready to serve: the database
 * answers within the deadline, migrations are applied, and the load shedder
 * would not refuse the request — so a load balancer never sends traffic that
 * would be answered 503).
 */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    if (app.isUnderPressure?.()) return reply.status(503).send({ status: 'busy' });
    let timer: NodeJS.Timeout | undefined;
    try {
      // the watch says at once when the database is known to be away
      if (!app.databaseWatch.up && !(await app.databaseWatch.probe(READY_DEADLINE_MS)))
        return reply.status(503).send({ status: 'unavailable' });
      // the pool is what requests use: a frozen server or an exhausted pool shows here
      await Promise.race([
        app.deps.db.$client.query('select 1 from drizzle.__drizzle_migrations limit 1'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('Query read timeout')), READY_DEADLINE_MS);
        }),
      ]);
      return { status: 'ready' };
    } catch {
      // not reported to the watch: a pool busy with real work is no outage; the watch probes on its own
      return reply.status(503).send({ status: 'unavailable' });
    } finally {
      clearTimeout(timer);
    }
  });
}
