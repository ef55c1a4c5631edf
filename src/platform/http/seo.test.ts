import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { seoRoutes } from './seo.ts';

// the plugin in a bare Fastify, with five URLs of its own and a limit of two per file
const app = Fastify();
app.decorate('deps', { config: { publicUrl: 'https://portal.example' } } as never);
const listed = ['/a', '/b', '/c', '/d', '/a', 'https://other.example/e'];
await app.register(seoRoutes, { sources: [async () => listed], maxUrls: 2 });
afterAll(() => app.close());

const xml = (body: string) =>
  create(body).end({ format: 'object' }) as Record<string, Record<string, unknown>>;
const locs = (entries: unknown) => [entries].flat().map((e) => (e as { loc: string }).loc);

describe('sitemap past the protocol’s limit of URLs per file', () => {
  it('serves an index of parts, and the parts hold every URL once, none over the limit', async () => {
    const index = await app.inject('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    const root = xml(index.body).sitemapindex;
    expect(root?.['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const parts = locs(root?.sitemap);
    expect(parts).toEqual([1, 2, 3].map((i) => `https://portal.example/sitemap-${i}.xml`));
    const all: string[] = [];
    for (const part of parts) {
      const res = await app.inject(new URL(part).pathname);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/xml');
      const urls = locs(xml(res.body).urlset?.url);
      expect(urls.length).toBeLessThanOrEqual(2);
      all.push(...urls);
    }
    expect(all).toEqual([
      'https://portal.example/',
      'https://portal.example/a',
      'https://portal.example/b',
      'https://portal.example/c',
      'https://portal.example/d',
      'https://other.example/e',
    ]);
  });

  it('answers 404 for a part past the end or not a number', async () => {
    for (const p of ['/sitemap-4.xml', '/sitemap-0.xml', '/sitemap-x.xml', '/sitemap-01.xml'])
      expect((await app.inject(p)).statusCode, p).toBe(404);
  });
});

describe('sitemap within the limit', () => {
  it('is one file, and has no parts', async () => {
    const small = Fastify();
    small.decorate('deps', { config: { publicUrl: 'https://portal.example' } } as never);
    await small.register(seoRoutes, { sources: [async () => ['/a']] });
    const res = await small.inject('/sitemap.xml');
    expect(locs(xml(res.body).urlset?.url)).toEqual(['https://portal.example/', 'https://portal.example/a']);
    expect((await small.inject('/sitemap-1.xml')).statusCode).toBe(404);
    await small.close();
  });
});
