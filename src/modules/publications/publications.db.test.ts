import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import type { Origin } from '../../platform/audit/index.ts';
import { anonymous, userActor } from '../../platform/authz/index.ts';
import { Forbidden, InvalidInput } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { attachFiles } from './attach-files.ts';
import { declarationFromForm, declarationInput } from './declarations.input.ts';
import { addDeclaration, getPublicDeclarations, setDeclarationsPublished } from './declarations.ts';
import { makeDemoPdf } from './demo-pdf.ts';
import { extractAttachmentText } from './extract-attachment-text.ts';
import { listPublicItemsForIndex } from './index-items.ts';
import { documentInput, mediaItemInput } from './publications.input.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { publishDocument } from './publish-document.ts';
import { publishMediaItem } from './publish-media-item.ts';
import { saveSection } from './save-section.ts';
import { updateDocument } from './update-document.ts';
import { verifyPublicationLog } from './verify-publication-log.ts';

let deps: TestDeps;
let editor: Origin;
let outsider: Origin;

const doc = (over: Record<string, string> = {}) =>
  documentInput.parse({
    docType: 'постановление',
    docNumber: '10-п',
    docDate: '01.02.2026',
    docStatus: 'действует',
    title: 'О порядке рассмотрения обращений граждан',
    body: 'Текст постановления о рассмотрении обращений.',
    topics: 'обращения',
    ...over,
  });

beforeAll(async () => {
  deps = await createTestDeps();
  await seedOrganizations(deps, { demoOfficials: true });
  const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  const minfin = await findOrganizationBySlug(deps.db, 'minfin');
  editor = {
    actor: userActor('00000000-0000-0000-0000-0000000000e1', [{ role: 'editor', orgId: minzdrav?.id ?? '' }]),
    ip: null,
  };
  outsider = {
    actor: userActor('00000000-0000-0000-0000-0000000000e2', [{ role: 'editor', orgId: minfin?.id ?? '' }]),
    ip: null,
  };
});
afterAll(async () => {
  await deps?.close();
});

describe('documents, versions and the log', () => {
  it('publishes a document, keeps every version and a chain that verifies', async () => {
    const d = await publishDocument(deps, editor, { slug: 'minzdrav', doc: doc() });
    expect(d.version).toBe(1);
    deps.clock.advance(86_400_000);
    const d2 = await updateDocument(deps, editor, {
      slug: 'minzdrav',
      id: d.id,
      doc: doc({ body: 'Новый текст постановления о рассмотрении обращений.' }),
    });
    expect(d2.version).toBe(2);
    expect(d2.changedAt?.toISOString()).toBe(deps.clock.now().toISOString());
    const versions = await repo.versions(deps.db, d.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]?.content.bodyHtml).toContain('Текст постановления');
    const v = await verifyPublicationLog(deps);
    expect(v).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses staff of another organisation and anonymous visitors', async () => {
    await expect(
      publishDocument(deps, outsider, { slug: 'minzdrav', doc: doc({ docNumber: '99' }) }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(
      publishDocument(
        deps,
        { actor: anonymous, ip: null },
        { slug: 'minzdrav', doc: doc({ docNumber: '98' }) },
      ),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses a duplicate number of the same type and year, and links to unknown numbers', async () => {
    await expect(publishDocument(deps, editor, { slug: 'minzdrav', doc: doc() })).rejects.toBeInstanceOf(
      InvalidInput,
    );
    await expect(
      publishDocument(deps, editor, {
        slug: 'minzdrav',
        doc: doc({ docNumber: '11-п', amends: 'нет-такого' }),
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });

  it('an amending and a cancelling document change the targets’ status with a new logged version', async () => {
    const base = await publishDocument(deps, editor, { slug: 'minzdrav', doc: doc({ docNumber: '20-п' }) });
    await publishDocument(deps, editor, {
      slug: 'minzdrav',
      doc: doc({ docType: 'приказ', docNumber: '21', amends: '20-п' }),
    });
    expect((await repo.findById(deps.db, base.id))?.docStatus).toBe('изменён');
    await publishDocument(deps, editor, {
      slug: 'minzdrav',
      doc: doc({ docType: 'приказ', docNumber: '22', cancels: '20-п' }),
    });
    const after = await repo.findById(deps.db, base.id);
    expect(after?.docStatus).toBe('утратил_силу');
    expect(after?.version).toBe(3);
    expect((await repo.linksTo(deps.db, base.id)).map((l) => l.relation).sort()).toEqual([
      'amends',
      'cancels',
    ]);
    expect((await verifyPublicationLog(deps)).ok).toBe(true);
  });

  it('names the first broken entry when a row is altered behind the application’s back', async () => {
    const d = await publishDocument(deps, editor, { slug: 'minzdrav', doc: doc({ docNumber: '30-п' }) });
    const seq = await repo.lastLogSeqOf(deps.db, d.id);
    await deps.db.execute(sql`update publications set title = 'Подменённый заголовок' where id = ${d.id}`);
    const v = await verifyPublicationLog(deps);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.brokenAt).toMatchObject({ seq, publicationId: d.id, reason: 'current_differs' });
    await deps.db.execute(sql`update publications set title = ${d.title} where id = ${d.id}`);
    expect((await verifyPublicationLog(deps)).ok).toBe(true);

    // An edited earlier version breaks its own entry, the first in the chain that fails.
    const first = (await repo.logBatch(deps.db, 0, 1))[0];
    await deps.db.execute(
      sql`update publication_versions set content = jsonb_set(content, '{title}', '"Иначе"') where publication_id = ${first?.publicationId} and version = ${first?.version}`,
    );
    const v2 = await verifyPublicationLog(deps);
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.brokenAt).toMatchObject({ seq: first?.seq, reason: 'hash' });
  });
});

describe('attachments', () => {
  it('extracts the text of a PDF for search, and marks a file without text', async () => {
    const d = await publishDocument(deps, editor, { slug: 'minzdrav', doc: doc({ docNumber: '40-п' }) });
    const pdf = await makeDemoPdf('Приложение', ['Порядок учёта бережливых технологий в поликлиниках.']);
    const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 0x20)]);
    const [good, bad] = await attachFiles(deps, editor, {
      slug: 'minzdrav',
      id: d.id,
      files: [
        { filename: 'prilozhenie.pdf', mimetype: 'application/pdf', data: pdf, truncated: false },
        { filename: 'scan.pdf', mimetype: 'application/pdf', data: broken, truncated: false },
      ],
    });
    expect(good?.textStatus).toBe('pending');
    expect(await extractAttachmentText(deps, { attachmentId: good?.id ?? '' })).toBe('done');
    expect(await extractAttachmentText(deps, { attachmentId: bad?.id ?? '' })).toBe('failed');
    const [item] = (await listPublicItemsForIndex(deps.db, { ids: [d.id] })).items;
    expect(item?.attachmentText).toContain('бережливых технологий');
    expect(item?.requisites).toMatchObject({
      docType: 'постановление',
      docNumber: '40-п',
      docDate: '2026-02-01',
    });
    expect((await repo.findById(deps.db, d.id))?.version).toBe(2);
    const rows = await deps.db.execute<{ attachment_text: string }>(
      sql`select attachment_text from search_entries where id = ${`publication:${d.id}`}`,
    );
    expect(rows.rows[0]?.attachment_text).toContain('бережливых технологий');
  });

  it('refuses a file whose content is not an office document', async () => {
    const d = await publishDocument(deps, editor, { slug: 'minzdrav', doc: doc({ docNumber: '41-п' }) });
    await expect(
      attachFiles(deps, editor, {
        slug: 'minzdrav',
        id: d.id,
        files: [
          {
            filename: 'evil.pdf',
            mimetype: 'application/pdf',
            data: Buffer.from('MZ not a pdf'),
            truncated: false,
          },
        ],
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });
});

describe('media items and sections', () => {
  it('publishes news, a video with a transcript, and fills a section', async () => {
    const n = await publishMediaItem(deps, editor, {
      slug: 'minzdrav',
      item: mediaItemInput.parse({
        kind: 'video',
        title: 'Пресс-конференция',
        body: 'Запись',
        videoUrl: 'https://example.org/v',
        transcript: 'Расшифровка',
      }),
    });
    expect(n).toMatchObject({ kind: 'video', videoUrl: 'https://example.org/v', transcript: 'Расшифровка' });
    const s = await saveSection(deps, editor, {
      slug: 'minzdrav',
      key: 'ethics',
      section: { body: '<p>Кодекс<script>x</script></p>' },
    });
    expect(s.bodyHtml).toBe('<p class="govuk-body">Кодекс</p>');
    const again = await saveSection(deps, editor, {
      slug: 'minzdrav',
      key: 'ethics',
      section: { body: 'Кодекс этики, новая редакция' },
    });
    expect(again.version).toBe(2);
    expect((await verifyPublicationLog(deps)).ok).toBe(false); // still broken by the test above
  });
});

describe('income declarations', () => {
  it('shows a year only once publication is switched on, declarant first then family', async () => {
    const row = (over: Record<string, string>) =>
      declarationInput.parse(
        declarationFromForm({
          year: '2025',
          declarantShortName: 'Иванов И.И.',
          position: 'Министр',
          relation: 'DECLARANT',
          declaredIncomeRub: '100',
          ...over,
        }),
      );
    await addDeclaration(deps, editor, {
      slug: 'minzdrav',
      row: row({ relation: 'СУПРУГА', declaredIncomeRub: '50' }),
    });
    await addDeclaration(deps, editor, { slug: 'minzdrav', row: row({}) });
    await addDeclaration(deps, editor, {
      slug: 'minzdrav',
      row: row({ declarantShortName: 'Борисова А.А.', declaredIncomeRub: '900' }),
    });
    expect((await getPublicDeclarations(deps, { slug: 'minzdrav' })).year).toBeNull();
    await setDeclarationsPublished(deps, editor, {
      slug: 'minzdrav',
      year: 2025,
      decision: { published: true, legalBasis: 'Указ № 613' },
    });
    const byName = await getPublicDeclarations(deps, { slug: 'minzdrav' });
    expect(byName.rows.map((r) => [r.declarantShortName, r.relation])).toEqual([
      ['Борисова А.А.', 'DECLARANT'],
      ['Иванов И.И.', 'DECLARANT'],
      ['Иванов И.И.', 'СУПРУГА'],
    ]);
    const byIncome = await getPublicDeclarations(deps, { slug: 'minzdrav', sort: 'income', dir: 'asc' });
    expect(byIncome.rows.map((r) => r.declaredIncomeKopecks)).toEqual([10000, 5000, 90000]);
    await setDeclarationsPublished(deps, editor, {
      slug: 'minzdrav',
      year: 2025,
      decision: { published: false, legalBasis: 'Указ № 968' },
    });
    expect((await getPublicDeclarations(deps, { slug: 'minzdrav' })).rows).toEqual([]);
  });
});
