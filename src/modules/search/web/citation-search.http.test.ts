import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import type { Origin } from '../../../platform/audit/index.ts';
import { userActor } from '../../../platform/authz/index.ts';
import { reindexAll } from '../../../platform/search/index.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { registerPublicationSections } from '../../publications/index.ts';

/*
 * The journalist's searches (issue #10) through the real app: documents by
 * their usual citation, people by name, declarations by person and position.
 * Content goes in through the publications and orgs use cases, as staff would.
 */

let t: TestApp;
let govEditor: SignedIn;
let ministryEditor: SignedIn;
const admin: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }]),
  ip: null,
};

const doc = {
  docStatus: 'действует',
  summary: '',
  body: '',
  topics: '',
  tags: '',
  amends: '',
  cancels: '',
};

async function publish(agent: SignedIn, slug: string, fields: Record<string, string>) {
  const res = await agent.post(`/manage/orgs/${slug}/publications/documents/new`, { ...doc, ...fields });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
}

/** The result links of a search, in order. */
async function hits(q: string): Promise<string[]> {
  const res = await t.app.inject(`/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  const list = res.body.split('app-search-results')[1] ?? '';
  return [
    ...list.matchAll(/<li class="app-search-hit">\s*<h3[^>]*>\s*<a class="govuk-link" href="([^"]+)"/g),
  ].map((m) => m[1] as string);
}

const titles = new Map<string, string>();
async function docUrl(title: string): Promise<string> {
  const cached = titles.get(title);
  if (cached) return cached;
  const res = await t.app.inject(`/search?q=${encodeURIComponent(`"${title}"`)}&type=document`);
  const m = res.body.match(/href="(\/orgs\/[^"]+\/documents\/[0-9a-f-]+)"/);
  if (!m?.[1]) throw new Error(`no document «${title}»`);
  titles.set(title, m[1]);
  return m[1];
}

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerPublicationSections(t.deps);
  await reindexAll(t.deps, ['orgs']);
  govEditor = await signedInAs(t, 'editor', 'government');
  ministryEditor = await signedInAs(t, 'editor', 'minzdrav');
  await publish(govEditor, 'government', {
    docType: 'закон_области',
    docNumber: '112',
    docDate: '12.03.2025',
    title: 'Об областном бюджете на 2025 год',
  });
  await publish(govEditor, 'government', {
    docType: 'постановление_правительства',
    docNumber: '125-п',
    docDate: '20.03.2025',
    title: 'О порядке предоставления субсидий фермерам',
  });
  await publish(ministryEditor, 'minzdrav', {
    docType: 'постановление',
    docNumber: '125-п',
    docDate: '01.04.2025',
    title: 'Об утверждении правил записи к врачу',
  });
  await publish(ministryEditor, 'minzdrav', {
    docType: 'приказ',
    docNumber: '45',
    docDate: '12.03.2025',
    title: 'О графике приёма граждан',
  });
  await publish(ministryEditor, 'minzdrav', {
    docType: 'приказ',
    docNumber: '45',
    docDate: '10.10.2024',
    title: 'О дежурствах в праздничные дни',
  });
  await publish(ministryEditor, 'minzdrav', {
    docType: 'приказ',
    docNumber: '1125',
    docDate: '11.11.2024',
    title: 'О закупке медицинского оборудования для области',
  });
  // Words of the citation in an unrelated document: it must not outrank the cited one.
  await publish(govEditor, 'government', {
    docType: 'информация',
    docNumber: 'И-3',
    docDate: '01.02.2025',
    title: 'Закон Калининградской области о бюджете: разъяснения правительства',
  });
});
afterAll(async () => {
  await t?.close();
});

describe('search by a document’s usual citation', () => {
  it('finds a regional law by «закон Калининградской области № 112», the law first', async () => {
    const law = await docUrl('Об областном бюджете на 2025 год');
    const found = await hits('закон Калининградской области № 112');
    expect(found[0]).toBe(law);
    // 1125 is another number, not «112» with more typed
    expect(found).not.toContain(await docUrl('О закупке медицинского оборудования для области'));
  });

  it('ranks the government’s resolution first for «постановление правительства 125-п»', async () => {
    const gov = await docUrl('О порядке предоставления субсидий фермерам');
    const ministry = await docUrl('Об утверждении правил записи к врачу');
    const found = await hits('постановление правительства 125-п');
    expect(found.slice(0, 2)).toEqual([gov, ministry]);
  });

  it('finds documents by a number alone', async () => {
    const found = await hits('125-п');
    expect(found).toEqual(
      expect.arrayContaining([
        await docUrl('О порядке предоставления субсидий фермерам'),
        await docUrl('Об утверждении правил записи к врачу'),
      ]),
    );
    expect((await hits('112'))[0]).toBe(await docUrl('Об областном бюджете на 2025 год'));
  });

  it('puts the document of that date first for «от 12.03.2025 № 45»', async () => {
    const found = await hits('от 12.03.2025 № 45');
    expect(found.slice(0, 2)).toEqual([
      await docUrl('О графике приёма граждан'),
      await docUrl('О дежурствах в праздничные дни'),
    ]);
  });

  it('labels the regional types in results and the advanced form', async () => {
    const res = await t.app.inject(`/search?q=${encodeURIComponent('закон № 112')}`);
    expect(res.body).toContain('Закон Калининградской области · № 112');
    expect(res.body).toContain('<option value="постановление_правительства">');
  });
});

describe('people and declarations', () => {
  it('finds a responsible official by name', async () => {
    const res = await govEditor.post('/manage/orgs/government/officials/new', {
      duty: 'media',
      fullName: 'Ковалевская Ирина Павловна',
      position: 'Пресс-секретарь Губернатора',
      phone: '',
      email: '',
      receptionHours: '',
      dutiesRu: '',
    });
    expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
    expect(await hits('Ковалевская')).toContain('/orgs/government/officials');
    expect(await hits('Ковалевская Ирина')).toContain('/orgs/government/officials');
  });

  it('finds the head of a body by name', async () => {
    expect(await hits('Беспрозванных')).toContain('/orgs/government');
  });

  it('finds published declarations by person and by position, never an unpublished year', async () => {
    const { addDeclaration, setDeclarationsPublished } = await import('../../publications/declarations.ts');
    const { declarationInput } = await import('../../publications/declarations.input.ts');
    const row = (year: number, name: string, position: string) =>
      declarationInput.parse({
        year,
        declarantShortName: name,
        position,
        relation: 'DECLARANT',
        declaredIncomeRub: '2 000 000',
        realEstateOwned: [],
        realEstateUsed: [],
        vehicles: [],
        largeDealSources: [],
      });
    await addDeclaration(t.deps, admin, {
      slug: 'minzdrav',
      row: row(2025, 'Громов В.К.', 'Министр здравоохранения'),
    });
    await addDeclaration(t.deps, admin, {
      slug: 'minzdrav',
      row: row(2024, 'Лукина О.Д.', 'Начальник отдела лекарственного обеспечения'),
    });
    // each result leads to the person's page of every published year
    const official = async (q: string) =>
      (await hits(q)).some((u) => u.startsWith('/orgs/minzdrav/declarations/officials/'));
    expect(await official('Громов')).toBe(false);
    await setDeclarationsPublished(t.deps, admin, {
      slug: 'minzdrav',
      year: 2025,
      decision: { published: true, legalBasis: 'Указ № 613' },
    });
    expect(await official('Громов')).toBe(true);
    expect(await official('министр здравоохранения доходы')).toBe(true);
    // 2024 is not published: neither the name nor the position finds it
    expect((await hits('Лукина')).some((u) => u.includes('declarations'))).toBe(false);
    expect((await hits('лекарственного обеспечения')).some((u) => u.includes('declarations'))).toBe(false);
    await setDeclarationsPublished(t.deps, admin, {
      slug: 'minzdrav',
      year: 2025,
      decision: { published: false, legalBasis: 'Указ № 968' },
    });
    expect(await official('Громов')).toBe(false);
  });
});

describe('regional act types', () => {
  it('are the government’s own: a ministry choosing one gets the form back with a plain message', async () => {
    const res = await ministryEditor.post('/manage/orgs/minzdrav/publications/documents/new', {
      ...doc,
      docType: 'закон_области',
      docNumber: '999',
      docDate: '01.03.2026',
      title: 'Не закон министерства',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('публикует только Правительство области');
    expect(res.body).toContain('Не закон министерства');
  });
});
