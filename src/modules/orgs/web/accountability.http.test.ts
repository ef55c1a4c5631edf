import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { seedOrganizations } from '../seed-organizations.ts';

/* Issue 10, the activist: the home page and each body's home link to the accountability pages, and each link works. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(() => t.close());

/** The links of the «Подотчётность» section of a page. */
function accountabilityLinks(html: string): string[] {
  const section = /<section[^>]*id="accountability"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

async function expectAllOpen(links: string[]) {
  for (const href of links) {
    const res = await t.app.inject({ url: href.split('#')[0] as string });
    expect(res.statusCode, href).toBe(200);
  }
}

describe('accountability links', () => {
  it('the home page links to the statistics, reviews, FAQ and the transparency log', async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.body).toContain('Подотчётность');
    const links = accountabilityLinks(home.body);
    expect(links).toEqual(
      expect.arrayContaining([
        '/appeals/stats',
        '/orgs/government/appeals/reviews',
        '/orgs/government/appeals#faq',
        '/transparency',
      ]),
    );
    await expectAllOpen(links);
  });

  it('each body’s home links to its own statistics, reviews and FAQ, the comparison and the log', async () => {
    for (const slug of ['minzdrav', 'kaliningrad']) {
      const page = await t.app.inject({ url: `/orgs/${slug}` });
      expect(page.statusCode).toBe(200);
      const links = accountabilityLinks(page.body);
      expect(links).toEqual(
        expect.arrayContaining([
          `/orgs/${slug}/appeals#stats`,
          `/orgs/${slug}/appeals/reviews`,
          `/orgs/${slug}/appeals#faq`,
          '/appeals/stats',
          '/transparency',
        ]),
      );
      await expectAllOpen(links);
    }
  });

  it('says it in English too', async () => {
    const res = await t.app.inject({ url: '/orgs/minzdrav', cookies: { lang: 'en' } });
    expect(res.body).toContain('Accountability');
    expect(res.body).toContain('Quarterly reviews of appeals');
  });
});
