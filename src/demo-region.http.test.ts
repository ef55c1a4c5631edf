import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { seed } from './seed.ts';

/*
 * The demo region (SEED=demo, issue #10) as a visitor sees it: the main pages
 * of the government, three ministries and two municipalities, in Russian and
 * in English, never say «не указано», never leave a head unnamed, and the
 * English pages give the English names the data have.
 */

let t: TestApp;
const BODIES = ['government', 'minzdrav', 'minobr', 'minfin', 'kaliningrad', 'zelenogradsk'] as const;
const EN_NAMES: Record<(typeof BODIES)[number], string> = {
  government: 'Government of Kaliningrad Oblast',
  minzdrav: 'Ministry of Health of Kaliningrad Oblast',
  minobr: 'Ministry of Education of Kaliningrad Oblast',
  minfin: 'Ministry of Finance of Kaliningrad Oblast',
  kaliningrad: 'Kaliningrad City Okrug',
  zelenogradsk: 'Zelenogradsk Municipal Okrug',
};

beforeAll(async () => {
  t = await createTestApp({ env: { SEED: 'demo' } });
  const started = performance.now();
  await seed(t.deps);
  // A figure for the log, not an assertion: the seed runs at every first start.
  console.info(`demo seed: ${Math.round(performance.now() - started)} ms`);
  // the whole demo seed on a loaded 2-core machine can take more than the default minute
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const get = async (url: string, lang: 'ru' | 'en') => {
  const res = await t.app.inject(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
  expect(res.statusCode, url).toBe(200);
  return res.body;
};

const pages = [
  '/',
  ...BODIES.flatMap((s) => [
    `/orgs/${s}`,
    `/orgs/${s}/documents`,
    `/orgs/${s}/press`,
    `/orgs/${s}/officials`,
  ]),
  ...['minzdrav', 'minobr', 'minfin', 'kaliningrad'].map((s) => `/orgs/${s}/declarations`),
  '/legal-acts',
  '/legal-acts/open-municipality',
  ...['kaliningrad', 'zelenogradsk'].map((s) => `/orgs/${s}/open-municipality`),
  '/appeals/stats',
  '/discussions',
  '/discussions/rules',
  ...['government', 'minzdrav', 'kaliningrad'].map((s) => `/orgs/${s}/discussions`),
  ...['government', 'minzdrav', 'kaliningrad'].flatMap((s) => [
    `/orgs/${s}/appeals`,
    `/orgs/${s}/appeals/reviews`,
  ]),
];

describe('the demo region', () => {
  it('never says «не указано» / «not specified» and names every head, in Russian and English', async () => {
    const found: string[] = [];
    for (const lang of ['ru', 'en'] as const)
      for (const url of pages) {
        // «если не указано иное» (the licence), «если не указаны фамилия…» (59-ФЗ) are no missing values
        const body = await get(url, lang);
        for (const m of body.matchAll(/(?<!если )не указан|not specified|not given/gi))
          found.push(`${url} ${lang}: …${body.slice(Math.max(0, m.index - 120), m.index + 20)}`);
      }
    expect(found).toEqual([]);
    for (const slug of BODIES) {
      const ru = await get(`/orgs/${slug}`, 'ru');
      // The head row: a position and a full name (surname, name, patronymic)
      expect(ru, slug).toMatch(/<br\/?>\s*\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u);
    }
    // some forty pages twice over: more than the default 30 s on a loaded 2-core machine
  }, 120_000);

  it('shows the English names the data have on English pages', async () => {
    for (const slug of BODIES) {
      const en = await get(`/orgs/${slug}`, 'en');
      expect(en, slug).toContain(EN_NAMES[slug]);
      expect(en).toContain('<html lang="en"');
    }
    const acts = await get('/legal-acts', 'en');
    expect(acts).toContain('Law of Kaliningrad Oblast');
    expect(acts).toContain('Resolution of the Government of Kaliningrad Oblast');
  });

  it('fills every mechanism for the featured bodies: acts, documents, news, declarations over years, appeals', async () => {
    const acts = await get('/legal-acts', 'ru');
    for (const type of [
      'Закон Калининградской области',
      'Постановление Правительства Калининградской области',
      'Распоряжение Правительства Калининградской области',
      'Указ Губернатора Калининградской области',
    ])
      expect(acts).toContain(type);
    for (const slug of BODIES) {
      expect(await get(`/orgs/${slug}/documents`, 'ru'), slug).not.toContain(
        'Документов по этим условиям нет',
      );
      expect(await get(`/orgs/${slug}/press`, 'ru'), slug).toMatch(
        /href="\/orgs\/[^/]+\/press\/[0-9a-f-]{36}"/,
      );
    }
    for (const slug of ['minobr', 'minfin']) {
      const decl = await get(`/orgs/${slug}/declarations`, 'ru');
      for (const year of ['2023', '2024', '2025']) expect(decl, `${slug} ${year}`).toContain(year);
    }
    // The minister declares under the name the ministry's page gives.
    const home = await get('/orgs/minobr', 'ru');
    const head = home.match(/<br\/?>\s*(\p{Lu}\p{Ll}+) (\p{Lu})\p{Ll}+ (\p{Lu})\p{Ll}+/u);
    expect(head).toBeTruthy();
    const [, last, a, b] = head as RegExpMatchArray;
    expect(await get('/orgs/minobr/declarations', 'ru')).toContain(`${last} ${a}.${b}.`);
    const stats = await get('/appeals/stats', 'ru');
    expect(stats).toContain('Дан ответ');
    expect(stats).toContain('Доля ответов, данных в срок');
    // FAQ on the body's appeals page
    expect(await get('/orgs/minzdrav/appeals', 'ru')).toContain('Часто задаваемые вопросы');
  });

  it('has acts on open municipal government for two municipalities, none for the others, and rates them (VI.4)', async () => {
    const text = (html: string) => html.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const city = text(await get('/orgs/kaliningrad/open-municipality', 'ru'));
    expect(city).toContain(
      'Об утверждении Положения об открытом муниципалитете в городском округе «Город Калининград»',
    );
    expect(city).toContain('Об утверждении плана мероприятий по повышению открытости администрации');
    expect(text(await get('/orgs/zelenogradsk/open-municipality', 'ru'))).toContain(
      'Об утверждении Положения об открытом муниципалитете Зеленоградского муниципального округа',
    );
    const region = text(await get('/legal-acts/open-municipality', 'ru'));
    const [withActs, without] = region.split('ещё не принявшие таких актов');
    expect(withActs).toContain('href="/orgs/kaliningrad/open-municipality"');
    expect(withActs).toContain('href="/orgs/zelenogradsk/open-municipality"');
    expect(without).toContain('href="/orgs/svetlogorsk/open-municipality"');
    expect(without).not.toContain('href="/orgs/kaliningrad/open-municipality"');
    // the published rating of 2025 explains VI.4 by the acts: yes for Калининград, no for Светлогорск
    expect(text(await get('/rating/2025/kaliningrad', 'ru'))).toContain(
      'Решение № 48 от 18.06.2025 «Об утверждении Положения об открытом муниципалитете',
    );
    expect(text(await get('/rating/2025/svetlogorsk', 'ru'))).toContain(
      'Действующих актов об открытом муниципальном управлении на 31.12.2025 на портале нет',
    );
  });

  it('finds the demo region’s acts and people through search', async () => {
    const law = await get(`/search?q=${encodeURIComponent('закон Калининградской области № 112')}`, 'ru');
    expect(law).toMatch(
      /app-search-hit">\s*<h3[^>]*>\s*<a class="govuk-link" href="\/orgs\/government\/documents\//,
    );
    const people = await get(`/search?q=${encodeURIComponent('Петров')}`, 'ru');
    expect(people).toContain('href="/orgs/minzdrav"');
    expect(people).toMatch(/href="\/orgs\/minzdrav\/declarations\/officials\/[^"]+"/);
  });
});
