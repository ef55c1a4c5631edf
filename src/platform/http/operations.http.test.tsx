import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { buildApp } from '../../app.ts';
import * as schema from '../../modules/schema.ts';
import { createDb } from '../db/client.ts';
import { freePort } from '../db/embedded.ts';

let deps: TestDeps;
let app: FastifyInstance;
beforeAll(async () => {
  deps = await createTestDeps({ env: { LOAD_SHED_DELAY_MS: '1000' } });
  app = await buildApp(deps);
  await app.register(async (t) => {
    t.get('/test/items/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    t.get('/test/page', async (_req, reply) =>
      reply.page('Test', <p class="govuk-body">{'x'.repeat(2000)}</p>),
    );
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('/metrics', () => {
  it('exposes default process metrics and request durations by route template and status', async () => {
    await app.inject('/healthz');
    await app.inject('/test/items/ivan.petrov@mail.ru?email=ivan.petrov%40mail.ru');
    await app.inject('/no-such-page?email=anna@mail.ru');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/test\/items\/:id",status_code="200"\} 1/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1/,
    );
    expect(text).not.toContain('ivan');
    expect(text).not.toContain('anna');
    expect(text).not.toContain('@');
  });

  it('counts the undelivered messages of the outbox', async () => {
    await deps.mail.send(deps.db, { to: 'a@example.ru', subject: 's', text: 't', kind: 'test' });
    const res = await app.inject('/metrics');
    expect(res.body).toMatch(/^mail_outbox_unsent 1$/m);
  });
});

describe('compression', () => {
  it('compresses pages with brotli or gzip as the client accepts', async () => {
    const br = await app.inject({ url: '/test/page', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('<html lang="ru"');
    const gz = await app.inject({ url: '/test/page', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('<html lang="ru"');
    const plain = await app.inject('/test/page');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the stylesheet', async () => {
    const css = await app.inject({ url: '/assets/app.css', headers: { 'accept-encoding': 'gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('gzip');
  });
});

describe('/readyz', () => {
  it('answers 503 while the database is down and /healthz still answers', async () => {
    const down = createDb(`postgres://postgres:x@127.0.0.1:${await freePort()}/none`, schema, 1);
    const broken = await buildApp({ ...deps, db: down });
    await broken.ready();
    try {
      const r = await broken.inject('/readyz');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ status: 'unavailable' });
      expect((await broken.inject('/healthz')).statusCode).toBe(200);
      expect((await broken.inject('/metrics')).statusCode).toBe(200);
    } finally {
      await broken.close();
      await down.$client.end();
    }
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });
});

describe('load shedding and readiness', () => {
  it('is not ready while the load shedder refuses, and refuses with a 503 page rather than a 500', async () => {
    // a stalled event loop, as a heavy start leaves it: the shedder samples the mean delay once a
    // second, so the loop is held for more than a second at a time over a few samples
    for (const end = Date.now() + 3_500; Date.now() < end; ) {
      const until = Date.now() + 1_100;
      while (Date.now() < until) {
        // busy
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(app.isUnderPressure()).toBe(true);
    const page = await app.inject('/test/page');
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('10');
    expect(page.body).toContain('Сервис временно недоступен');
    const api = await app.inject('/test/items/1');
    expect(api.statusCode).toBe(503);
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'busy' });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    // one quiet sample later both agree again
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    expect((await app.inject('/test/page')).statusCode).toBe(200);
  });
});

describe('database watch', () => {
  it('refuses at once with 503 while the database is away and lets probes and assets through', async () => {
    const gone = createDb(`postgres://postgres:x@127.0.0.1:${await freePort()}/none`, schema, 1);
    const broken = await buildApp({ ...deps, db: gone });
    await broken.register(async (t) => {
      t.get('/test/db', async () => (await gone.$client.query('select 1')).rows);
    });
    await broken.ready();
    // a busy machine can leave the fresh app shedding load for its first second; that is another 503
    for (let i = 0; i < 100 && broken.isUnderPressure(); i++) await new Promise((r) => setTimeout(r, 100));
    try {
      // the first request meets the refused connection: a 503, and the watch now knows
      const first = await broken.inject('/test/db');
      expect(first.statusCode).toBe(503);
      expect(broken.databaseWatch.up).toBe(false);
      const page = await broken.inject('/test/db');
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Сервис временно недоступен');
      const api = await broken.inject('/api/v1/anything');
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect((await broken.inject('/healthz')).statusCode).toBe(200);
      expect((await broken.inject('/assets/app.css')).statusCode).toBe(200);
      expect((await broken.inject('/readyz')).statusCode).toBe(503);
    } finally {
      await broken.close();
      await gone.$client.end();
    }
  });
});
