import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { generateAll } from '../../generate.ts';
import { blobKey } from '../../platform/files/storage.ts';
import { seedOrganizations } from '../orgs/index.ts';
import { renderPendingFiles } from './render-files.ts';
import { seedDemoOpendata } from './seed-demo-opendata.ts';

/*
 * Each data version's CSV rendered once into file storage (issue 11: a file of millions of rows
 * streamed from the rows at a few thousand a second per client): the stored file is the same bytes
 * the rows give, served with its length and its hash as the tag; a version not rendered yet, or
 * whose stored file is gone, still downloads from the rows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  t.deps.clock.set('2026-03-02T09:00:00Z');
  await seedDemoOpendata(t.deps);
});
afterAll(() => t.close());

/** Every data file of the register, found as a reader finds it: list.csv → meta.json. */
async function dataFiles(): Promise<string[]> {
  const v = visitor(t.app);
  const ids = (await v.get('/opendata/list.csv')).body
    .split('\r\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(',')[0] as string);
  const out: string[] = [];
  for (const id of ids) {
    const meta = (await v.get(`/opendata/${id}/meta.json`)).json();
    for (const d of meta.data) out.push(new URL(d.source).pathname);
  }
  return out;
}

describe('data files rendered into file storage', () => {
  it('serves the same bytes as the rows gave, with their length and hash; a gone file falls back to the rows', async () => {
    const files = await dataFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    const before = new Map<string, Buffer>();
    for (const f of files) {
      const res = await t.app.inject(f);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBeUndefined();
      before.set(f, res.rawPayload);
    }
    expect(await renderPendingFiles(t.deps)).toBe(files.length);
    expect(await renderPendingFiles(t.deps)).toBe(0);
    for (const f of files) {
      const res = await t.app.inject(f);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(before.get(f) as Buffer), f).toBe(true);
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const sha = createHash('sha256').update(res.rawPayload).digest('hex');
      expect(res.headers.etag).toBe(`"${sha}"`);
      const again = await t.app.inject({ url: f, headers: { 'if-none-match': `"${sha}"` } });
      expect(again.statusCode).toBe(304);
    }
    // the stored file of one version removed from disk: the download still answers, from the rows
    const first = files[0] as string;
    const sha = createHash('sha256')
      .update(before.get(first) as Buffer)
      .digest('hex');
    rmSync(path.join(t.deps.config.dataDir, blobKey(sha)));
    const res = await t.app.inject(first);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(before.get(first) as Buffer)).toBe(true);
  });

  it('a version that cannot be rendered is logged and skipped, and the others still render', async () => {
    // one version made unrenderable (its structure gone from under it), another left to render
    const rows = await t.deps.db.$client.query<{ id: string; structure_id: string }>(
      'select id, structure_id from dataset_versions order by stamp desc limit 2',
    );
    const [broken, fine] = rows.rows.map((r) => r.id);
    await t.deps.db.$client.query(
      'update dataset_versions set csv_sha256 = null, csv_bytes = null, structure_id = gen_random_uuid() where id = $1',
      [broken],
    );
    await t.deps.db.$client.query(
      'update dataset_versions set csv_sha256 = null, csv_bytes = null where id = $1',
      [fine],
    );
    const errors: unknown[] = [];
    const log = { ...t.deps.log, error: (o: unknown) => errors.push(o) } as unknown as typeof t.deps.log;
    expect(await renderPendingFiles({ ...t.deps, log })).toBe(1);
    expect(errors).toHaveLength(1);
    const left = await t.deps.db.$client.query<{ id: string }>(
      'select id from dataset_versions where csv_sha256 is null',
    );
    expect(left.rows.map((r) => r.id)).toEqual([broken]);
    // its structure back: it renders like the others
    await t.deps.db.$client.query('update dataset_versions set structure_id = $2 where id = $1', [
      broken,
      rows.rows[0]?.structure_id,
    ]);
    expect(await renderPendingFiles(t.deps)).toBe(1);
  });

  it('npm run generate leaves every data file rendered, the large dataset’s too', async () => {
    const report = (await generateAll(t.deps, {
      scale: 0.0004,
      seed: 7,
      until: new Date('2026-03-01T12:00:00+02:00'),
      only: ['opendata'],
    })) as unknown as Record<string, { largeRows: number; files: number }>;
    expect(report.opendata?.largeRows).toBeGreaterThan(0);
    expect(report.opendata?.files).toBeGreaterThan(0);
    const left = await t.deps.db.$client.query('select 1 from dataset_versions where csv_sha256 is null');
    expect(left.rowCount).toBe(0);
  });
});
