import type { FastifyInstance } from 'fastify';

/** /healthz (the process answers) and /readyz (the database answers and migrations are applied). */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await app.deps.db.$client.query('select 1 from drizzle.__drizzle_migrations limit 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
