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
  deps = await createTestDeps();
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
