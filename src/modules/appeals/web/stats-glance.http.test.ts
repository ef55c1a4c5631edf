import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { listAllOrganizations, seedOrganizations } from '../../orgs/index.ts';
import { seedDemoPublicAppeals } from '../seed-demo-public.ts';

/* Issue 10, the activist: /appeals/stats reads at a glance. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps);
  await seedDemoPublicAppeals(t.deps);
});
afterAll(() => t.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replaceAll('&lt;', '<');

describe('/appeals/stats at a glance', () => {
  it('opens with the figures that matter (on time, late, satisfied), the full table after', async () => {
    const res = await t.app.inject({ url: '/appeals/stats?year=2026' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const headline = html.indexOf('id="stats-headline"');
    const table = html.indexOf('<table');
    expect(headline).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(headline);
    const block = text(/<section[^>]*id="stats-headline"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
    expect(block).toContain('Главное за 2026 год');
    expect(block).toMatch(/\d+(,\d+)? % ответов даны в срок/);
    expect(block).toMatch(/(\d+|<3|—) ответов с нарушением срока/);
    expect(block).toMatch(/(\d+(,\d+)? %|—) довольны ответом/);
    // the share on time agrees with the table's total row
    const share = /(\d+(?:,\d+)?) % ответов даны в срок/.exec(block)?.[1];
    const totalRow = text(/<tr[^>]*>(?:(?!<tr)[\s\S])*?Всего по области[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '');
    expect(totalRow).toContain(`${share} %`);
  });

  it('says what «<3» and «≥3» mean in plain words, before the table', async () => {
    const res = await t.app.inject({ url: '/appeals/stats' });
    const note = res.body.indexOf('id="suppression-explained"');
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(res.body.indexOf('<table'));
    const said = text(res.body);
    expect(said).toContain('«<3» значит «меньше трёх»: одно или два обращения');
    expect(said).toContain('«≥3» значит «три или больше»');
  });

  it('draws the bodies’ names on the chart in whole words', async () => {
    const res = await t.app.inject({ url: '/appeals/stats' });
    const svg = /<svg[^>]*aria-labelledby="region-received-title[\s\S]*?<\/svg>/.exec(res.body)?.[0] ?? '';
    const lines = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((m) => (m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'))
      .filter((l) => /[А-Яа-яЁё]/.test(l) && l !== 'Поступило');
    expect(lines.length).toBeGreaterThan(0);
    const orgs = await listAllOrganizations(t.deps.db);
    const split = (s: string) => s.split(/\s+|(?<=-)/).filter(Boolean);
    const words = new Set(orgs.flatMap((o) => split(o.shortNameRu ?? o.nameRu)));
    for (const line of lines)
      for (const w of split(line.replace(/…$/, ''))) {
        const whole =
          words.has(w) || (w.endsWith('.') && [...words].some((x) => x.startsWith(w.slice(0, -1))));
        expect(whole, `«${w}» in «${line}»`).toBe(true);
      }
  });
});
