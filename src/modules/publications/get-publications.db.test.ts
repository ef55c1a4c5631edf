import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import type { Origin } from '../../platform/audit/index.ts';
import { anonymous, userActor } from '../../platform/authz/index.ts';
import { Forbidden, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { getDocument, listDocuments } from './get-documents.ts';
import { getMediaItem, listPress } from './get-media.ts';
import {
  getDeclarationsForStaff,
  getDocumentForStaff,
  getMediaItemForStaff,
  getPublicationsOverview,
  getSectionForStaff,
  listPublishingOrgs,
} from './get-publications-for-staff.ts';
import { getSectionPage } from './get-section-page.ts';
import { getDiff, getHistory } from './get-versions.ts';
import { documentInput, mediaItemInput } from './publications.input.ts';
import { publishDocument } from './publish-document.ts';
import { publishMediaItem } from './publish-media-item.ts';
import { sectionByKey } from './sections.ts';
import { updateDocument } from './update-document.ts';

// The read use cases carry the access checks the route handlers used to make: a staff read
// refuses whoever may not publish for the body (403), and an item read under another body's
// address, or under the wrong kind of address, does not exist (404).

let deps: TestDeps;
let editor: Origin;
let outsider: Origin;
let docId: string;
let newsId: string;

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
  const d = await publishDocument(deps, editor, {
    slug: 'minzdrav',
    doc: documentInput.parse({
      docType: 'приказ',
      docNumber: '7-о',
      docDate: '02.03.2026',
      docStatus: 'действует',
      title: 'О графике приёма граждан',
      body: 'Текст приказа.',
    }),
  });
  docId = d.id;
  deps.clock.advance(60_000);
  await updateDocument(deps, editor, {
    slug: 'minzdrav',
    id: docId,
    doc: documentInput.parse({
      docType: 'приказ',
      docNumber: '7-о',
      docDate: '02.03.2026',
      docStatus: 'изменён',
      title: 'О графике приёма граждан (в новой редакции)',
      body: 'Текст приказа в новой редакции.',
    }),
  });
  const n = await publishMediaItem(deps, editor, {
    slug: 'minzdrav',
    item: mediaItemInput.parse({ kind: 'news', title: 'Приём граждан в марте', body: 'Новость.' }),
    videoFiles: [],
    posterFiles: [],
  });
  newsId = n.id;
});
afterAll(async () => {
  await deps?.close();
});

describe('public reads', () => {
  it('give a document with its requisites to anyone, only under its own body and kind', async () => {
    const d = await getDocument(deps, anonymous, { slug: 'minzdrav', id: docId });
    expect(d.doc.docNumber).toBe('7-о');
    expect(d.org.slug).toBe('minzdrav');
    await expect(getDocument(deps, anonymous, { slug: 'minfin', id: docId })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(getDocument(deps, anonymous, { slug: 'minzdrav', id: newsId })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(getMediaItem(deps, anonymous, { slug: 'minzdrav', id: docId })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(getDocument(deps, anonymous, { slug: 'minzdrav', id: 'not-a-uuid' })).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('list a body’s own items with the number of pages', async () => {
    const press = await listPress(deps, anonymous, { slug: 'minzdrav', page: 1, perPage: 20 });
    expect(press.items.map((i) => i.id)).toEqual([newsId]);
    expect(press.pages).toBe(1);
    const other = await listDocuments(deps, anonymous, { slug: 'minfin', filter: {}, page: 1, perPage: 20 });
    expect(other.items).toEqual([]);
  });

  it('give the history newest first and the diff of the last two versions by default', async () => {
    const h = await getHistory(deps, anonymous, { id: docId });
    expect(h.versions.map((v) => v.version)).toEqual([2, 1]);
    const d = await getDiff(deps, anonymous, { id: docId });
    expect([d.from.version, d.to.version]).toEqual([1, 2]);
    await expect(getDiff(deps, anonymous, { id: docId, from: 5 })).rejects.toBeInstanceOf(NotFound);
  });

  it('say whether the reader may edit a section: its editors yes, anyone else no', async () => {
    const def = sectionByKey('information_access');
    if (!def) throw new Error('no section');
    expect((await getSectionPage(deps, editor.actor, { slug: 'minzdrav', def })).canEdit).toBe(true);
    expect((await getSectionPage(deps, outsider.actor, { slug: 'minzdrav', def })).canEdit).toBe(false);
    expect((await getSectionPage(deps, anonymous, { slug: 'minzdrav', def })).canEdit).toBe(false);
  });
});

describe('staff reads', () => {
  it('open for the body’s editor', async () => {
    const o = await getPublicationsOverview(deps, editor.actor, { slug: 'minzdrav' });
    expect(o.documents.map((d) => d.id)).toEqual([docId]);
    expect(o.media.map((m) => m.id)).toEqual([newsId]);
    expect((await getDocumentForStaff(deps, editor.actor, { slug: 'minzdrav', id: docId })).doc.id).toBe(
      docId,
    );
    expect((await listPublishingOrgs(deps, editor.actor)).map((o) => o.slug)).toEqual(['minzdrav']);
  });

  it('refuse an editor of another body (403) and anyone signed out', async () => {
    for (const actor of [outsider.actor, anonymous]) {
      await expect(getPublicationsOverview(deps, actor, { slug: 'minzdrav' })).rejects.toBeInstanceOf(
        Forbidden,
      );
      await expect(getDocumentForStaff(deps, actor, { slug: 'minzdrav', id: docId })).rejects.toBeInstanceOf(
        Forbidden,
      );
      await expect(getDeclarationsForStaff(deps, actor, { slug: 'minzdrav' })).rejects.toBeInstanceOf(
        Forbidden,
      );
      await expect(
        getSectionForStaff(deps, actor, { slug: 'minzdrav', key: 'information_access' }),
      ).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await listPublishingOrgs(deps, anonymous)).toEqual([]);
  });

  it('do not find an item under another body, another kind or an unknown section (404)', async () => {
    await expect(
      getDocumentForStaff(deps, outsider.actor, { slug: 'minfin', id: docId }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      getMediaItemForStaff(deps, editor.actor, { slug: 'minzdrav', id: docId }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      getSectionForStaff(deps, editor.actor, { slug: 'minzdrav', key: 'no_such_section' }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});
