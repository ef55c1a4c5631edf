import type { FastifyInstance } from 'fastify';
import { create } from 'xmlbuilder2';

export type SitemapSource = (app: FastifyInstance) => Promise<string[]>;

/** Paths crawlers are asked to leave alone: staff and personal pages, sign-in machinery. */
export const ROBOTS_DISALLOW = ['/manage', '/cabinet', '/sign-out', '/dev-idp', '/altcha'];

/**
 * /sitemap.xml (the home page plus what each module's manifest lists) and
 * /robots.txt (public pages allowed, staff and personal pages disallowed).
 */
export async function seoRoutes(app: FastifyInstance, opts: { sources: SitemapSource[] }) {
  const base = app.deps.config.publicUrl;

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_req, reply) => {
    const paths = new Set<string>(['/']);
    for (const source of opts.sources) for (const p of await source(app)) paths.add(p);
    const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(
      'http://www.sitemaps.org/schemas/sitemap/0.9',
      'urlset',
    );
    for (const p of paths)
      doc
        .ele('url')
        .ele('loc')
        .txt(p.startsWith('/') ? `${base}${p}` : p);
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(doc.end({ prettyPrint: true }));
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_req, reply) => {
    const lines = [
      'User-agent: *',
      'Allow: /',
      ...ROBOTS_DISALLOW.map((p) => `Disallow: ${p}`),
      '',
      `Sitemap: ${base}/sitemap.xml`,
      '',
    ];
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(lines.join('\n'));
  });
}
