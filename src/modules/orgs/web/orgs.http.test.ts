import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { regionData } from '../data/index.ts';
import { seedOrganizations } from '../index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const demoInns = regionData.organizations.filter((o) => o.innIsDemo && o.inn).map((o) => o.inn as string);
const byLevel = (level: string) => regionData.organizations.filter((o) => o.level === level);
/** Text as the page shows it: HTML escapes undone, so names with quotes compare as written. */
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('the portal home', () => {
  it('says what the portal is, the four principles, and leads to the authorities', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      '<h1 class="govuk-heading-xl">Открытое правительство Калининградской области</h1>',
    );
    for (const p of ['Информационная открытость', 'Понятность', 'Вовлечённость общества', 'Подотчётность'])
      expect(res.body).toContain(p);
    expect(res.body).toContain('href="/orgs/government"');
    expect(res.body).toContain('href="/orgs?level=executive"');
    expect(res.body).toContain('href="/orgs?level=municipal"');
    expect(res.body).toContain(`Городские и муниципальные округа: ${byLevel('municipal').length}.`);
  });

  it('is in English when asked', async () => {
    const res = await get('/?lang=en');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('Open Government of Kaliningrad Oblast');
    expect(res.body).toContain('Four principles of openness');
  });
});

describe('/orgs', () => {
  it('lists the government, every executive body and every municipality, grouped', async () => {
    const res = await get('/orgs');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    for (const o of regionData.organizations) {
      expect(body, o.slug).toContain(`href="/orgs/${o.slug}"`);
      expect(body, o.slug).toContain(o.nameRu);
    }
    const gov = body.indexOf('id="level-government"');
    const exe = body.indexOf('id="level-executive"');
    const mun = body.indexOf('id="level-municipal"');
    expect(gov).toBeGreaterThan(0);
    expect(exe).toBeGreaterThan(gov);
    expect(mun).toBeGreaterThan(exe);
    for (const h of ['Министерства', 'Агентства', 'Службы', 'Городские округа', 'Муниципальные округа'])
      expect(body).toContain(`<h3 class="govuk-heading-m">${h}</h3>`);
  });

  it('filters by kind through a GET form and by level from the home links', async () => {
    const res = await get('/orgs?kind=municipal_city_okrug');
    expect(res.body).toContain('<form action="/orgs" method="get"');
    expect(res.body).toContain('<option value="municipal_city_okrug" selected');
    expect(res.body).toContain('Найдено: 7');
    expect(res.body).toContain('href="/orgs/kaliningrad"');
    expect(res.body).not.toContain('href="/orgs/minzdrav"');
    const exec = await get('/orgs?level=executive');
    expect(exec.body).toContain(`Найдено: ${byLevel('executive').length}`);
    expect(exec.body).not.toContain('href="/orgs/gusev"');
    // A value that is not a kind shows everything rather than failing.
    const odd = await get('/orgs?kind=%3Cscript%3E');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain(`Найдено: ${regionData.organizations.length}`);
    expect(odd.body).not.toContain('<script>');
  });
});

describe('an organisation’s home', () => {
  it('shows name, kind, head, sections with who answers for them, officials and subordinate bodies', async () => {
    const res = await get('/orgs/government');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain('<h1 class="govuk-heading-xl">Правительство Калининградской области</h1>');
    expect(body).toContain('Губернатор Калининградской области');
    expect(body).toContain('https://gov39.ru');
    for (const s of [
      'Общественный совет',
      'Обращения граждан',
      'Противодействие коррупции',
      'Открытые данные',
      'Открытое правительство',
    ])
      expect(body).toContain(s);
    expect(body).toContain('Раздел пока не заполнен');
    expect(body).toMatch(/Ответственный: Демо: [^<]+, консультант по работе с обращениями граждан/);
    expect(body).toContain('href="/orgs/government/appeals"');
    expect(body).toContain('Подведомственные органы');
    for (const o of byLevel('executive')) expect(body).toContain(`href="/orgs/${o.slug}"`);
  });

  it('gives a municipality the «Открытый муниципалитет» section and its parent-less place', async () => {
    const res = await get('/orgs/kaliningrad');
    expect(res.body).toContain('Открытый муниципалитет');
    expect(res.body).toContain('href="https://www.klgd.ru"');
    expect(res.body).not.toContain('Входит в систему');
    const minzdrav = await get('/orgs/minzdrav');
    expect(minzdrav.body).toContain('Входит в систему');
    expect(minzdrav.body).toContain('href="/orgs/government"');
    expect(minzdrav.body).not.toContain('Открытый муниципалитет');
  });

  it('never shows a placeholder ИНН on any public page', async () => {
    const pages = [
      '/',
      '/orgs',
      ...regionData.organizations.flatMap((o) => [`/orgs/${o.slug}`, `/orgs/${o.slug}/officials`]),
    ];
    for (const url of pages) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      for (const inn of demoInns) expect(res.body, `${url} shows ${inn}`).not.toContain(inn);
      expect(res.body, url).not.toContain('ИНН');
    }
  });

  it('answers 404 in the layout for an unknown organisation or section', async () => {
    const res = await get('/orgs/no-such-body');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Страница не найдена');
    expect((await get('/orgs/minzdrav/no-such-section')).statusCode).toBe(404);
  });
});

describe('officials and section pages', () => {
  it('lists responsible officials by area with position and functions, demo entries marked', async () => {
    const res = await get('/orgs/minzdrav/officials');
    expect(res.statusCode).toBe(200);
    for (const h of [
      'Работа с обращениями граждан',
      'Взаимодействие со СМИ и в интернете',
      'Открытые данные',
      'Противодействие коррупции',
    ])
      expect(res.body).toContain(h);
    expect(res.body).toContain('Пресс-секретарь');
    expect(res.body).toContain('Демо-запись');
    expect(res.body).toContain('Готовит ответы на запросы редакций');
  });

  it('VI.1: every municipality names who curates open municipal government, on its officials page and in «Открытый муниципалитет»', async () => {
    for (const m of byLevel('municipal')) {
      const officials = text((await get(`/orgs/${m.slug}/officials`)).body);
      expect(officials, m.slug).toContain('Открытость и общественный совет');
      expect(officials, m.slug).toContain('Координатор по открытости');
      expect(officials, m.slug).toContain('Координирует ведомственный план открытости');
    }
    const section = await get('/orgs/kaliningrad/open-municipality');
    expect(section.statusCode).toBe(200);
    expect(section.body).toContain('<h1 class="govuk-heading-xl">Открытый муниципалитет</h1>');
    expect(section.body).toContain('Координатор по открытости');
    // an executive body has no such section
    expect((await get('/orgs/minzdrav/open-municipality')).statusCode).toBe(404);
  });

  it('shows an empty section as empty and names who answers for it', async () => {
    const res = await get('/orgs/minzdrav/open-data');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="govuk-heading-xl">Открытые данные</h1>');
    expect(res.body).toContain('Этот раздел пока не заполнен');
    expect(res.body).toContain('Ответственный за открытые данные');
  });
});

describe('sitemap and robots', () => {
  it('lists the home, the list, every org home and its sections', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const base = t.deps.config.publicUrl;
    expect(res.body).toContain(`<loc>${base}/</loc>`);
    expect(res.body).toContain(`<loc>${base}/orgs</loc>`);
    for (const o of regionData.organizations) expect(res.body).toContain(`<loc>${base}/orgs/${o.slug}</loc>`);
    expect(res.body).toContain(`<loc>${base}/orgs/minzdrav/anti-corruption</loc>`);
    expect(res.body).toContain(`<loc>${base}/orgs/gusev/open-municipality</loc>`);
    expect(res.body).not.toContain('/manage');
  });

  it('keeps crawlers out of staff and personal pages and points to the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('Disallow: /manage');
    expect(res.body).toContain('Disallow: /cabinet');
    expect(res.body).toContain(`Sitemap: ${t.deps.config.publicUrl}/sitemap.xml`);
  });
});
