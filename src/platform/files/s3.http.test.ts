import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { SAMPLE_PDF } from '../../../test/multipart.ts';
import { freePort } from '../db/embedded.ts';
import {
  blobStoreFor,
  findStoredFile,
  readStoredFile,
  sendStoredFile,
  storeUploads,
  uploadsOf,
} from './index.ts';

/*
 * Files in S3-compatible storage (S3_URL): a real S3 server (s3rver) on a free
 * port, and two apps on one database as two hosts would be, each with its own
 * DATA_DIR: a file uploaded through one is served by the other, and neither
 * writes it to its disk.
 */

const rules = { kinds: ['pdf'] as 'pdf'[], maxBytes: 64 * 1024, maxFiles: 1 };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'open-region-s3-'));
let server: S3rver;
let s3Url: string;
let first: TestApp;
let second: TestApp;

/** The upload form and the download of the files test, inside the real app. */
const routes = (t: () => TestApp) => async (app: FastifyInstance) => {
  app.get('/test-upload', async (_req, reply) =>
    reply
      .type('text/html')
      .send(`<form><input type="hidden" name="_csrf" value="${reply.generateCsrf()}"></form>`),
  );
  app.post('/test-upload', async (req, reply) => {
    const files = uploadsOf(req.body, 'attachments');
    const stored = await t().deps.db.transaction((tx) =>
      storeUploads(t().deps, tx, 'attachments', files, rules, null),
    );
    return reply.status(201).send({ ids: stored.map((s) => s.id) });
  });
  app.get<{ Params: { id: string } }>('/test-upload/:id', async (req, reply) => {
    const f = await findStoredFile(t().deps.db, req.params.id);
    if (!f) return reply.status(404).send();
    return sendStoredFile(t().deps, reply, f);
  });
};

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(tmp, 's3') });
  const address: AddressInfo = await server.run();
  // no bucket yet: the first upload makes it, as on a fresh deployment
  s3Url = `http://S3RVER:S3RVER@127.0.0.1:${address.port}/open-region-files`;
  first = await createTestApp({
    env: { S3_URL: s3Url, DATA_DIR: path.join(tmp, 'host-1') },
    routes: routes(() => first),
  });
  second = await createTestApp({
    databaseUrl: String(first.deps.config.databaseUrl),
    env: { S3_URL: s3Url, DATA_DIR: path.join(tmp, 'host-2') },
    routes: routes(() => second),
  });
});

afterAll(async () => {
  await second?.close();
  await first?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('files in S3-compatible storage', () => {
  it('keeps an upload in the bucket, not on disk, and serves it through another host', async () => {
    const res = await visitor(first.app).post(
      '/test-upload',
      {},
      { files: [{ field: 'attachments', name: 'решение.pdf', type: 'application/pdf', data: SAMPLE_PDF }] },
    );
    expect(res.statusCode).toBe(201);
    const [id] = res.json().ids as string[];
    const row = await findStoredFile(first.deps.db, id as string);
    if (!row) throw new Error('no row');

    const client = new S3Client({
      endpoint: s3Url.replace('S3RVER:S3RVER@', '').replace(/\/open-region-files$/, ''),
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'open-region-files' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual([`files/${row.sha256.slice(0, 2)}/${row.sha256}`]);
    client.destroy();
    expect(existsSync(path.join(tmp, 'host-1', 'files'))).toBe(false);

    // the other host has never seen the file: it comes from the bucket
    const dl = await second.app.inject({ url: `/test-upload/${id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect((await readStoredFile(second.deps, row)).equals(SAMPLE_PDF)).toBe(true);
    expect(existsSync(path.join(tmp, 'host-2', 'files'))).toBe(false);
  });

  it('stores the same bytes once, and answers 404 for a file whose blob is missing', async () => {
    const again = await visitor(second.app).post(
      '/test-upload',
      {},
      { files: [{ field: 'attachments', name: 'копия.pdf', type: 'application/pdf', data: SAMPLE_PDF }] },
    );
    expect(again.statusCode).toBe(201);
    const rows = await first.deps.db.$client.query<{ n: number }>(
      'select count(distinct sha256)::int as n from stored_files',
    );
    expect(rows.rows[0]?.n).toBe(1);

    const [orphan] = (
      await first.deps.db.$client.query<{ id: string }>(
        `insert into stored_files (sha256, size_bytes, media_type, ext, original_name)
         values ($1, 1, 'application/pdf', 'pdf', 'нет.pdf') returning id`,
        ['0'.repeat(64)],
      )
    ).rows;
    const res = await first.app.inject({ url: `/test-upload/${orphan?.id}` });
    expect(res.statusCode).toBe(404);
  });

  it('stores a file from disk (a rendered data file) in the bucket, streamed, and another host reads it', async () => {
    const file = path.join(tmp, 'rendered.csv');
    const data = Buffer.from(`a,b\r\n${'1,строка\r\n'.repeat(50_000)}`);
    writeFileSync(file, data);
    const sha = createHash('sha256').update(data).digest('hex');
    await blobStoreFor(first.deps.config).putFile(sha, file, 'text/csv');
    // the same hash again is left as it is
    await blobStoreFor(first.deps.config).putFile(sha, file, 'text/csv');
    const read = await blobStoreFor(second.deps.config).get(sha);
    expect(read?.length).toBe(data.length);
    expect(read?.equals(data)).toBe(true);
    expect(existsSync(path.join(tmp, 'host-1', 'files', sha.slice(0, 2)))).toBe(false);
  });
});

describe('when the S3 server is away', () => {
  it('answers an upload and a download 503 with Retry-After, and stores nothing', async () => {
    // a third host whose S3_URL names a port where nothing listens
    const closed = await freePort();
    const away = await createTestApp({
      databaseUrl: String(first.deps.config.databaseUrl),
      env: {
        S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${closed}/open-region-files`,
        DATA_DIR: path.join(tmp, 'host-3'),
      },
      routes: routes(() => away),
    });
    try {
      const count = async () =>
        (await first.deps.db.$client.query<{ n: number }>('select count(*)::int as n from stored_files'))
          .rows[0]?.n;
      const before = await count();
      const up = await visitor(away.app).post(
        '/test-upload',
        {},
        {
          files: [
            {
              field: 'attachments',
              name: 'другое.pdf',
              type: 'application/pdf',
              data: Buffer.concat([SAMPLE_PDF, Buffer.from('%')]),
            },
          ],
        },
      );
      expect(up.statusCode).toBe(503);
      expect(up.headers['retry-after']).toBe('10');
      expect(up.body).toContain('Сервис временно недоступен');
      expect(await count()).toBe(before);
      // an outage of the storage is not taken for one of the database: the host serves its other pages
      expect(away.app.databaseWatch.up).toBe(true);
      expect((await away.app.inject({ url: '/accessibility' })).statusCode).toBe(200);

      const [stored] = (
        await first.deps.db.$client.query<{ id: string }>('select id from stored_files limit 1')
      ).rows;
      const down = await away.app.inject({ url: `/test-upload/${stored?.id}` });
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('10');
      // the storage is back for the others: nothing was lost
      expect((await first.app.inject({ url: `/test-upload/${stored?.id}` })).statusCode).toBe(200);
    } finally {
      await away.close();
    }
  });
});
