import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { userActor } from '../../platform/authz/index.ts';
import { findOrganizationBySlug, listAllOrganizations, seedOrganizations } from '../orgs/index.ts';
import { attachFiles } from './attach-files.ts';
import { makeDemoPdf } from './demo-pdf.ts';
import { DEMO_PDF_DOCUMENT, DEMO_PDF_PHRASE, publicationsModule } from './index.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { listSections, structuredSections } from './sections.ts';
import { registerPublicationSections, seedDemoPublications } from './seed-publications.ts';
import { verifyPublicationLog } from './verify-publication-log.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps({ env: { SEED: 'demo' } });
  await seedOrganizations(deps, { demoOfficials: true });
  await registerPublicationSections(deps);
  expect(await seedDemoPublications(deps)).toEqual({ created: true });
});
afterAll(async () => {
  await deps?.close();
});

describe('demo publications', () => {
  it('every structured section exists for every organisation, filled for a few', async () => {
    const orgs = await listAllOrganizations(deps.db);
    const rows = await deps.db.execute<{ key: string; n: string; filled: string }>(
      sql`select key, count(*) as n, count(filled_at) as filled from org_sections group by key`,
    );
    const byKey = new Map(rows.rows.map((r) => [r.key, r]));
    for (const s of [...structuredSections, ...listSections])
      expect(Number(byKey.get(s.key)?.n)).toBe(orgs.length);
    const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
    const filled = await repo.sectionsOf(deps.db, minzdrav?.id ?? '');
    expect(filled.map((s) => s.sectionKey).sort()).toEqual(structuredSections.map((s) => s.key).sort());
    expect(Number(byKey.get('information_access')?.filled)).toBeGreaterThanOrEqual(3);
  });

  it('the PDF document is findable by a phrase only inside its PDF', async () => {
    const minzdrav = await findOrganizationBySlug(deps.db, DEMO_PDF_DOCUMENT.org);
    const [doc] = await repo.findDocumentByNumber(deps.db, minzdrav?.id ?? '', DEMO_PDF_DOCUMENT.number);
    expect(doc?.docStatus).toBe('изменён');
    expect(doc?.bodyHtml).not.toContain('орфанн');
    const [att] = await repo.attachments(deps.db, doc?.id ?? '');
    expect(att?.textStatus).toBe('done');
    expect(att?.text).toContain(DEMO_PDF_PHRASE);
    const hits = await deps.db.execute<{ id: string }>(
      sql`select id from search_entries where tsv @@ plainto_tsquery('russian', 'орфанное заболевание')`,
    );
    expect(hits.rows.map((r) => r.id)).toEqual([`publication:${doc?.id}`]);
  });

  it('the demo chain verifies and a second seed adds nothing', async () => {
    expect(await verifyPublicationLog(deps)).toMatchObject({ ok: true });
    const before = await repo.logCount(deps.db);
    expect(await seedDemoPublications(deps)).toEqual({ created: false });
    expect(await repo.logCount(deps.db)).toBe(before);
  });

  it('the worker extracts attachment text queued by an upload', async () => {
    const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
    const [doc] = await repo.findDocumentByNumber(deps.db, minzdrav?.id ?? '', '45-о');
    const editor = {
      actor: userActor('00000000-0000-0000-0000-0000000000e1', [
        { role: 'editor', orgId: minzdrav?.id ?? '' },
      ]),
      ip: null,
    };
    const pdf = await makeDemoPdf('Пояснительная записка', ['Записка о новой редакции пункта третьего.']);
    const [a] = await attachFiles(deps, editor, {
      slug: 'minzdrav',
      id: doc?.id ?? '',
      files: [{ filename: 'zapiska.pdf', mimetype: 'application/pdf', data: pdf, truncated: false }],
    });
    await publicationsModule.workers?.(deps);
    let status = 'pending';
    for (let i = 0; i < 100 && status === 'pending'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await repo.findAttachment(deps.db, a?.id ?? ''))?.textStatus ?? 'missing';
    }
    expect(status).toBe('done');
  });

  it('npm run verify-log exits 0, then 1 naming the entry after a row is altered in SQL', async () => {
    const url = (deps.config.databaseUrl ?? '') as string;
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const root = path.resolve(import.meta.dirname, '../../..');
        const child = spawn(
          path.join(root, 'node_modules/.bin/node'),
          ['--import', 'tsx', 'scripts/verify-log.ts'],
          {
            cwd: root,
            env: {
              PATH: process.env.PATH ?? '/usr/bin:/bin',
              HOME: os.tmpdir(),
              DATABASE_URL: url,
              SEED: 'none',
              DATA_DIR: os.tmpdir(),
              LOG_LEVEL: 'silent',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        child.stdout.on('data', (c) => {
          out += String(c);
        });
        child.on('exit', (code) => resolve({ code, out }));
      });
    const ok = await run();
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('publication log OK');
    const news = (
      await deps.db.execute<{ id: string }>(sql`select id from publications where kind = 'news' limit 1`)
    ).rows[0];
    const seq = await repo.lastLogSeqOf(deps.db, news?.id ?? '');
    await deps.db.execute(sql`update publications set body_html = '<p>подмена</p>' where id = ${news?.id}`);
    const broken = await run();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at entry ${seq}: publication ${news?.id}`);
  }, 60_000);
});
