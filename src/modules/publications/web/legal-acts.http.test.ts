import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import type { Origin } from '../../../platform/audit/index.ts';
import { userActor } from '../../../platform/authz/index.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { documentInput } from '../publications.input.ts';
import { publishDocument } from '../publish-document.ts';
import { registerPublicationSections } from '../seed-publications.ts';

let t: TestApp;
const admin: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }]),
  ip: null,
};
const get = (url: string) => t.app.inject(url);

const act = (slug: string, docType: string, docNumber: string, docDate: string, title: string) =>
  publishDocument(t.deps, admin, {
    slug,
    doc: documentInput.parse({ docType, docNumber, docDate, docStatus: 'действует', title }),
  });

/** The document titles in the register's table, in order. */
const titlesOf = (html: string) =>
  [...html.matchAll(/<a class="govuk-link" href="\/orgs\/government\/documents\/[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1],
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerPublicationSections(t.deps);
  // 24 resolutions over two years, 2 laws, 1 decree; a ministry's own resolution stays out of the register.
  for (let i = 1; i <= 24; i++) {
    const day = String(((i - 1) % 28) + 1).padStart(2, '0');
    await act(
      'government',
      'постановление_правительства',
      `${100 + i}-п`,
      `${day}.${i <= 12 ? '03.2025' : '02.2026'}`,
      `Постановление о мере поддержки ${i}`,
    );
  }
  await act('government', 'закон_области', '112', '12.03.2025', 'Об областном бюджете на 2025 год');
  await act('government', 'закон_области', '7', '15.01.2026', 'О статусе депутата');
  await act('government', 'указ_губернатора', '30', '01.02.2026', 'О мерах по обеспечению безопасности');
  await act('minzdrav', 'постановление', '55-п', '02.03.2026', 'Министерское постановление о врачах');
});
afterAll(async () => {
  await t?.close();
});

describe('/legal-acts', () => {
  it('lists the region’s acts newest first in keyset pages, without other bodies’ documents', async () => {
    const first = await get('/legal-acts');
    expect(first.statusCode).toBe(200);
    const page1 = titlesOf(first.body);
    expect(page1).toHaveLength(20);
    expect(page1[0]).toBe('Постановление о мере поддержки 24'); // 24.02.2026
    expect(first.body).not.toContain('Министерское постановление о врачах');
    expect(first.body).toContain('Постановление Правительства Калининградской области');
    const next = first.body.match(/href="(\/legal-acts\?after=[^"]+)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    const second = await get((next as string).replace(/&amp;/g, '&'));
    const page2 = titlesOf(second.body);
    expect(page2).toHaveLength(7);
    expect(new Set([...page1, ...page2]).size).toBe(27);
    expect(second.body).toContain('К началу списка');
    expect(second.body).not.toContain('rel="next"');
  });

  it('filters by type, year and number, and keeps the filter across pages', async () => {
    const laws = titlesOf((await get('/legal-acts?type=закон_области')).body);
    expect(laws).toEqual(['О статусе депутата', 'Об областном бюджете на 2025 год']);
    const y2025 = titlesOf((await get('/legal-acts?year=2025')).body);
    expect(y2025).toHaveLength(13);
    expect(y2025).toContain('Об областном бюджете на 2025 год');
    expect(titlesOf((await get(`/legal-acts?number=${encodeURIComponent('№ 105-П')}`)).body)).toEqual([
      'Постановление о мере поддержки 5',
    ]);
    const typed = await get('/legal-acts?type=постановление_правительства');
    expect(typed.body).toMatch(/href="\/legal-acts\?type=[^"]*&amp;after=[^"]+" rel="next"/);
  });

  it('answers nonsense in the address with the page, never an error', async () => {
    for (const q of [
      'after=evil',
      'after=2026-13-99_x',
      'type=приказ',
      'year=abc',
      `number=${'9'.repeat(500)}`,
    ]) {
      const res = await get(`/legal-acts?${q}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect(titlesOf((await get('/legal-acts?type=приказ')).body)).toHaveLength(20);
  });

  it('has an Atom feed of the acts only, and the home page links the register', async () => {
    const feed = await get('/feeds/legal-acts.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('Об областном бюджете на 2025 год');
    expect(feed.body).not.toContain('Министерское постановление о врачах');
    expect((await get('/')).body).toContain('href="/legal-acts"');
    expect((await get('/legal-acts')).body).toContain('href="/feeds/legal-acts.atom"');
  });
});
