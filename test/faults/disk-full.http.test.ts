import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedOrganizations } from '../../src/modules/orgs/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { type SignedIn, signedInAs } from '../auth.ts';
import { SAMPLE_PDF } from '../multipart.ts';

/*
 * Disk full on upload (issue 9): the files directory is a real filesystem of
 * 2 MB (tmpfs, mounted by this test as root, as CI runs), nearly filled. An
 * upload that does not fit is the form again with a message in Russian; no
 * half-written file stays on disk and nothing in the database refers to it.
 * Once there is room again the same upload goes through.
 */

const dataDir = mkdtempSync(path.join(inject('dataDir'), 'disk-full-'));
const filesDir = path.join(dataDir, 'files');
const filler = path.join(filesDir, 'filler.bin');
let t: TestApp;
let editor: SignedIn;
let docPath = '';

/** A real PDF of about `kb` kilobytes (file-type reads the header; the rest is a comment). */
const pdfOf = (kb: number) => Buffer.concat([SAMPLE_PDF, Buffer.from(`%${'x'.repeat(kb * 1024)}\n`)]);

/** Every file under DATA_DIR/files but the filler. */
function filesOnDisk(): string[] {
  return readdirSync(filesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'filler.bin')
    .map((e) => e.name);
}

beforeAll(async () => {
  mkdirSync(filesDir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', filesDir], { stdio: 'pipe' });
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  await seedOrganizations(t.deps);
  editor = await signedInAs(t, 'editor', 'minzdrav');
  const created = await editor.post('/manage/orgs/minzdrav/publications/documents/new', {
    docType: 'приказ',
    docNumber: 'D-1',
    docDate: '15.03.2026',
    docStatus: 'действует',
    title: 'Документ для проверки полного диска',
    summary: '',
    body: 'Текст.',
    topics: '',
    tags: '',
    amends: '',
    cancels: '',
  });
  expect(created.statusCode).toBe(303);
  docPath = `/manage/orgs/minzdrav/publications/documents/${String(created.headers.location).match(/documents\/([0-9a-f-]{36})/)?.[1]}`;
});
afterAll(async () => {
  await t?.close();
  try {
    execFileSync('umount', [filesDir], { stdio: 'pipe' });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

const attach = (data: Buffer) =>
  editor.post(
    `${docPath}/files`,
    {},
    { from: docPath, files: [{ field: 'files', name: 'приложение.pdf', type: 'application/pdf', data }] },
  );

const references = async () =>
  (
    await t.deps.db.execute<{ files: number; attachments: number }>(
      sql`select (select count(*) from stored_files)::int as files,
                 (select count(*) from publication_attachments)::int as attachments`,
    )
  ).rows[0];

describe('disk full on upload', () => {
  it('answers with a plain message, leaves no half file and references nothing; works again once there is room', async () => {
    // the files directory is the 2 MB tmpfs: leave it about 300 kB
    writeFileSync(filler, Buffer.alloc(1700 * 1024, 1));
    const before = await references();

    const res = await attach(pdfOf(900));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Файл не сохранён: на сервере закончилось место');
    expect(res.body).toContain('govuk-error-summary');
    expect(filesOnDisk()).toEqual([]);
    expect(await references()).toEqual(before);

    rmSync(filler);
    const ok = await attach(pdfOf(900));
    expect(ok.statusCode).toBe(303);
    expect(filesOnDisk()).toHaveLength(1);
    expect(await references()).toEqual({
      files: (before?.files ?? 0) + 1,
      attachments: (before?.attachments ?? 0) + 1,
    });
  });
});
