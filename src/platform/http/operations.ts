import cluster from 'node:cluster';
import compress from '@fastify/compress';
import underPressure from '@fastify/under-pressure';
import { isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AggregatorRegistry, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { createDatabaseWatch, type DatabaseWatch } from '../db/watch.ts';
import type { Deps } from '../deps.ts';
import { translator } from '../i18n/index.ts';
import { outbox } from '../mail/mail.tables.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** whether the database answers; see platform/db/watch.ts */
    databaseWatch: DatabaseWatch;
  }
}

/** Paths that must answer even when the process is under pressure: probes and the scraper. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

export class ServiceUnavailable extends Error {
  readonly statusCode = 503;
  readonly code = 'service_unavailable';
}

/**
 * The HTML 503 page. The load shedder and the database watch refuse in the
 * first onRequest hook, before cookies, CSRF and the session exist, so this is
 * a page of its own in both languages rather than the layout (which needs them).
 */
export function unavailablePage(): string {
  const ru = translator('ru');
  const en = translator('en');
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${ru('error.unavailable.title')}</title><link rel="stylesheet" href="/assets/app.css"></head><body class="govuk-template__body"><main class="govuk-main-wrapper govuk-width-container" id="main-content"><h1 class="govuk-heading-l">${ru('error.unavailable.title')}</h1><p class="govuk-body">${ru('error.unavailable.body')}</p><p class="govuk-body" lang="en">${en('error.unavailable.title')}. ${en('error.unavailable.body')}</p></main></body></html>`;
}

/**
 * Operations: accepted body types, response compression, load shedding when
 * the event loop stalls, and Prometheus metrics at /metrics. Registered before the other platform
 * plugins so their routes (static assets included) are compressed and measured.
 * Labels carry the route template (`/orgs/:slug`), never the requested URL,
 * so no personal data reaches the metrics.
 */
export const operationsPlatform = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  // No route takes plain text; without this parser a text/plain POST would reach the form routes.
  app.removeContentTypeParser('text/plain');

  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

  await app.register(underPressure, {
    // a mean event-loop delay of a second means every request already waits that long (0: off)
    maxEventLoopDelay: opts.deps.config.loadShedDelayMs,
    retryAfter: 10,
    pressureHandler: async (req, _reply, type, value) => {
      if (PROBES.has(req.url.split('?')[0] ?? '')) return;
      req.log.warn({ type, value }, 'under pressure, request refused');
      throw new ServiceUnavailable('The service is busy; try again in a few seconds.');
    },
  });

  // While the database is away every request that needs it would wait out its
  // own connection timeout; refuse at once instead. Static assets need no database.
  const watch = createDatabaseWatch(String(opts.deps.db.$client.options.connectionString ?? ''), {
    log: app.log,
  });
  app.decorate('databaseWatch', watch);
  app.addHook('onReady', async () => watch.start());
  app.addHook('onClose', async () => watch.stop());
  app.addHook('onRequest', async (req) => {
    if (watch.up) return;
    const path = req.url.split('?')[0] ?? '';
    if (PROBES.has(path) || path.startsWith('/assets/')) return;
    throw new ServiceUnavailable('The database is unavailable; try again in a minute.');
  });

  // One registry per app: tests build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const db = opts.deps.db;
  new Gauge({
    name: 'mail_outbox_unsent',
    help: 'Messages in the outbox not yet delivered (all of them when SMTP is not configured)',
    registers: [registry],
    // every worker of a cluster counts the same table: the cluster's figure is one of them, not their sum
    aggregator: 'max',
    async collect() {
      try {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(outbox)
          .where(isNull(outbox.sentAt));
        this.set(row?.n ?? 0);
      } catch {
        // the database is down: /readyz reports it; the scrape still answers
      }
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  // In a cluster (WORKERS > 1) a scrape reaches one worker: it answers for the whole cluster, which
  // the primary gathers from every worker (prom-client's AggregatorRegistry), so no worker's share is lost.
  if (cluster.isWorker) {
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const clusterBody = cluster.isWorker ? await clusterMetrics() : null;
    const body = clusterBody ?? (await registry.metrics());
    return reply
      .type(registry.contentType)
      .header('cache-control', 'no-store')
      .header('x-metrics-scope', clusterBody === null ? 'process' : 'cluster')
      .send(body);
  });
});

export const METRICS_REQUEST = 'open-region:metrics';
export const METRICS_ANSWER = 'open-region:metrics-answer';
let metricsRequests = 0;

/** The whole cluster's metrics, asked of the primary (server.ts); null when it does not answer in 5 s. */
function clusterMetrics(): Promise<string | null> {
  const id = ++metricsRequests;
  return new Promise((resolve) => {
    const onMessage = (m: { type?: string; id?: number; body?: string }) => {
      if (m?.type !== METRICS_ANSWER || m.id !== id) return;
      finish(typeof m.body === 'string' ? m.body : null);
    };
    const timer = setTimeout(() => finish(null), 5_000);
    const finish = (body: string | null) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(body);
    };
    process.on('message', onMessage);
    process.send?.({ type: METRICS_REQUEST, id });
  });
}

/**
 * In the cluster's primary: answer a worker's request for the cluster's metrics by gathering
 * every worker's registry. A worker that does not answer in time leaves its scrape to its own figures.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, m: { type?: string; id?: number }) => {
    if (m?.type !== METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (body) => worker.send({ type: METRICS_ANSWER, id: m.id, body }),
      () => worker.send({ type: METRICS_ANSWER, id: m.id, body: null }),
    );
  });
}
