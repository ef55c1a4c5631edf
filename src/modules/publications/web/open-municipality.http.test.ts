import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { seed } from '../../../seed.ts';
import { cycleResults } from '../../monitoring/cycle-results.ts';
import { monitoringRepository } from '../../monitoring/monitoring.repository.ts';
import { findOrganizationBySlug, listOrgSections } from '../../orgs/index.ts';
import { publicationsRepository as repo } from '../publications.repository.ts';

/*
 * Municipal legal acts on open municipal government (concept VI.4), through
 * the real app: a municipality's editor marks a document on its staff form
 * (the mark is a topic, kept in the document's versions), the municipality's
 * «Открытый муниципалитет» section and the region-wide page list it, and the
 * monitoring criterion VI.4 turns from «no» to «yes» when an act in force by
 * the cut-off is marked, raising the index by the criterion's whole weight.
 */

let t: TestApp;
let editor: SignedIn;
let ministryEditor: SignedIn;
let office: SignedIn;
let gusevId: string;
const FORM = '/manage/orgs/gusev/publications/documents';
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const act = (over: Record<string, string> = {}) => ({
  docType: 'постановление',
  docNumber: '101',
  docDate: '14.05.2025',
  docStatus: 'действует',
  title: 'Об утверждении Положения об открытом муниципалитете Гусевского городского округа',
  topics: 'открытость',
  openMunicipality: 'yes',
  ...over,
});

/** Publish through the staff form; the new document's id. */
async function publish(fields: Record<string, string>): Promise<string> {
  const res = await editor.post(`${FORM}/new`, fields);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  const id = String(res.headers.location).match(/documents\/([0-9a-f-]{36})/)?.[1];
  if (!id) throw new Error(`no id in ${res.headers.location}`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.deps);
  gusevId = (await findOrganizationBySlug(t.deps.db, 'gusev'))?.id as string;
  editor = await signedInAs(t, 'editor', 'gusev');
  ministryEditor = await signedInAs(t, 'editor', 'minzdrav');
  office = await signedInAs(t, 'project_office', null);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('marking a document as an act on open municipal government', () => {
  let id: string;

  it('is a checkbox on a municipality’s document form (not on a ministry’s), kept with the typed values on an error', async () => {
    const form = await editor.get(`${FORM}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="openMunicipality"');
    expect(text(form.body)).toContain('Правовой акт об открытом муниципальном управлении');
    const ministry = await ministryEditor.get('/manage/orgs/minzdrav/publications/documents/new');
    expect(ministry.statusCode).toBe(200);
    expect(ministry.body).not.toContain('name="openMunicipality"');

    const bad = await editor.post(`${FORM}/new`, act({ docNumber: '' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toMatch(
      /name="openMunicipality"[^>]*value="yes"[^>]*checked|checked[^>]*name="openMunicipality"/,
    );
    expect(text(bad.body)).toContain('Об утверждении Положения об открытом муниципалитете Гусевского');
  });

  it('keeps the mark as a topic beside the typed ones; the edit form shows it ticked', async () => {
    id = await publish(act());
    const row = await repo.findById(t.deps.db, id);
    expect(row?.topics).toEqual(['открытость', 'открытый муниципалитет']);
    const edit = await editor.get(`${FORM}/${id}`);
    expect(edit.body).toMatch(
      /name="openMunicipality"[^>]*value="yes"[^>]*checked|checked[^>]*name="openMunicipality"/,
    );
    expect(edit.body).toMatch(/name="topics"[^>]*value="открытость"/);
    // the municipality's section is filled once it has an act
    const section = (await listOrgSections(t.deps.db, [gusevId])).find((s) => s.key === 'open_municipality');
    expect(section?.filledAt).not.toBeNull();
  });

  it('lists the act on the municipality’s «Открытый муниципалитет» page and on the region’s page', async () => {
    const anon = visitor(t.app);
    const page = await anon.get('/orgs/gusev/open-municipality');
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('<h1 class="govuk-heading-xl">Открытый муниципалитет</h1>');
    expect(body).toContain(
      'Об утверждении Положения об открытом муниципалитете Гусевского городского округа',
    );
    expect(body).toContain(`href="/orgs/gusev/documents/${id}"`);
    expect(body).toContain('14.05.2025');
    expect(body).toContain('>101<');
    expect(body).toContain('Действует');
    // only municipalities have the section
    expect((await anon.get('/orgs/minzdrav/open-municipality')).statusCode).toBe(404);
    expect((await anon.get('/orgs/no-such-place/open-municipality')).statusCode).toBe(404);

    // the region's register of acts leads to it
    expect((await anon.get('/legal-acts')).body).toContain('href="/legal-acts/open-municipality"');
    const region = text((await anon.get('/legal-acts/open-municipality')).body);
    expect(region).toContain('Правовые акты муниципалитетов об открытом муниципальном управлении');
    const [withActs, without] = region.split('ещё не принявшие таких актов');
    expect(withActs).toContain('Гусевский');
    expect(withActs).toContain(`href="/orgs/gusev/documents/${id}"`);
    expect(without).not.toContain('Гусевский');
    expect(without).toContain('href="/orgs/baltiysk/open-municipality"');
    expect(region).toMatch(/Приняли акты: 1 из \d+ муниципальных образований/);

    // the API gives the same acts by their topic
    const api = await t.app.inject(
      `/api/v1/organizations/gusev/documents?topic=${encodeURIComponent('Открытый муниципалитет')}`,
    );
    expect(api.statusCode).toBe(200);
    expect(api.json().items.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [id, 'действует'],
    ]);
  });

  it('shows a lapsed act as lapsed, leaves a ministry’s document with the topic out, and unmarking is a new version', async () => {
    // an older act the new one cancels: it stays listed, «Утратил силу»
    const old = await publish(
      act({
        docNumber: '12',
        docDate: '03.02.2019',
        title: 'О порядке информирования жителей о деятельности администрации',
      }),
    );
    await editor.post(`${FORM}/${id}`, { ...act(), cancels: '12' }, { from: `${FORM}/${id}` });
    expect((await repo.findById(t.deps.db, old))?.docStatus).toBe('утратил_силу');
    const page = text((await visitor(t.app).get('/orgs/gusev/open-municipality')).body);
    expect(page).toContain('О порядке информирования жителей о деятельности администрации');
    expect(page).toContain('Утратил силу');

    const ministryDoc = await ministryEditor.post('/manage/orgs/minzdrav/publications/documents/new', {
      ...act({ docType: 'приказ', docNumber: '9-о', title: 'Министерский приказ об открытости' }),
      openMunicipality: '',
      topics: 'открытый муниципалитет',
    });
    expect(ministryDoc.statusCode).toBe(303);
    expect(text((await visitor(t.app).get('/legal-acts/open-municipality')).body)).not.toContain(
      'Министерский приказ об открытости',
    );

    // unmarked: off the page, the earlier version keeps the mark
    const { openMunicipality: _, ...unmarked } = act({
      docNumber: '12',
      docDate: '03.02.2019',
      docStatus: 'утратил_силу',
      title: 'О порядке информирования жителей о деятельности администрации',
    });
    const saved = await editor.post(`${FORM}/${old}`, unmarked, { from: `${FORM}/${old}` });
    expect(saved.statusCode).toBe(303);
    const versions = await repo.versions(t.deps.db, old);
    expect(versions[0]?.content.topics).toEqual(['открытость']); // newest first
    expect(versions.some((v) => v.content.topics.includes('открытый муниципалитет'))).toBe(true);
    expect(text((await visitor(t.app).get('/orgs/gusev/open-municipality')).body)).not.toContain(
      'О порядке информирования жителей',
    );
  });
});

describe('monitoring criterion VI.4', () => {
  const CYCLE = '/manage/monitoring/cycles/2025';
  const vi4 = async () => {
    const cycle = await monitoringRepository.cycleOfYear(t.deps.db, 2025);
    if (!cycle) throw new Error('no cycle');
    const r = (await cycleResults(t.deps.db, cycle)).results.find((x) => x.orgId === ljgId);
    const line = r?.result.lines.find((l) => l.code === 'VI.4');
    if (!r || !line) throw new Error('no VI.4 line');
    return { index: r.result.index, line };
  };
  let ljgId: string;

  it('is «no» until an act in force by the cut-off is marked, then earns its whole weight and names the act', async () => {
    // Ладушкин has no act yet; the cycle's figures are as of 31.12.2025
    ljgId = (await findOrganizationBySlug(t.deps.db, 'ladushkin'))?.id as string;
    const opened = await office.post('/manage/monitoring/cycles/new', {
      year: '2025',
      cutoffOn: '2026-01-20',
      orgIds: [ljgId],
    });
    expect(opened.statusCode).toBe(303);
    expect((await office.post(`${CYCLE}/freeze`, {}, { from: CYCLE })).statusCode).toBe(303);
    const before = await vi4();
    expect(before.line.source).toBe('automatic');
    expect(before.line.value).toBe(0);
    expect(before.line.points).toBe(0);
    expect(before.line.basis).toContain(
      'Действующих актов об открытом муниципальном управлении на 31.12.2025',
    );

    // the diagnostic shows the points lost and leads to the documents where the act is marked
    const diagnostic = text((await office.get('/manage/monitoring/diagnostic/ladushkin')).body);
    expect(diagnostic).toContain('Действующих актов об открытом муниципальном управлении');
    expect(diagnostic).toContain('href="/manage/orgs/ladushkin/publications"');

    const ladushkin = await signedInAs(t, 'editor', 'ladushkin');
    const base = '/manage/orgs/ladushkin/publications/documents/new';
    // dated after the cut-off, and one already lapsed: neither counts
    const late: Record<string, string>[] = [
      { docNumber: '5', docDate: '02.02.2026', title: 'О плане мероприятий по открытости на 2026 год' },
      { docNumber: '6', docDate: '01.03.2024', docStatus: 'утратил_силу', title: 'Об отменённом порядке' },
    ];
    for (const over of late) expect((await ladushkin.post(base, act(over))).statusCode).toBe(303);
    await office.post(`${CYCLE}/freeze`, {}, { from: CYCLE });
    expect((await vi4()).line.value).toBe(0);

    expect(
      (
        await ladushkin.post(
          base,
          act({
            docNumber: '77',
            docDate: '20.11.2025',
            title: 'Об утверждении Положения об открытом муниципалитете',
          }),
        )
      ).statusCode,
    ).toBe(303);
    await office.post(`${CYCLE}/freeze`, {}, { from: CYCLE });
    const after = await vi4();
    expect(after.line.value).toBe(1);
    // documented: yes earns the criterion's whole weight (2.5 of the municipalities' 100)
    expect(after.line.weight).toBe(2.5);
    expect(after.line.points).toBe(after.line.maxPoints);
    expect(after.line.maxPoints).toBeGreaterThan(0);
    expect(after.index - before.index).toBeCloseTo(after.line.maxPoints, 0);
    expect(after.line.basis).toContain(
      'Постановление № 77 от 20.11.2025 «Об утверждении Положения об открытом муниципалитете»',
    );
    expect(after.line.basis).not.toContain('№ 5 ');
    expect(after.line.evidence).toBe('/orgs/ladushkin/open-municipality');

    // the explanation page of the published rating names the act
    expect((await office.post(`${CYCLE}/publish`, {}, { from: CYCLE })).statusCode).toBe(303);
    const page = text((await visitor(t.app).get('/rating/2025/ladushkin')).body);
    expect(page).toContain(
      'Постановление № 77 от 20.11.2025 «Об утверждении Положения об открытом муниципалитете»',
    );
    expect(page).toContain('href="/orgs/ladushkin/open-municipality"');
  });
});
