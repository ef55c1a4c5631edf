import type { FastifyInstance, FastifyReply } from 'fastify';
import { create } from 'xmlbuilder2';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export type SitemapSource = (app: FastifyInstance) => Promise<string[]>;

/** Paths crawlers are asked to leave alone: staff and personal pages, sign-in machinery. */
export const ROBOTS_DISALLOW = ['/manage', '/cabinet', '/sign-out', '/dev-idp', '/altcha'];

/** The protocol's limit of URLs in one sitemap file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * /sitemap.xml (the home page plus what each module's manifest lists) and
 * /robots.txt (public pages allowed, staff and personal pages disallowed).
 * Past the protocol's 50,000 URLs, /sitemap.xml is a sitemap index of
 * /sitemap-1.xml, /sitemap-2.xml, … each with at most that many.
 */
export async function seoRoutes(app: FastifyInstance, opts: { sources: SitemapSource[]; maxUrls?: number }) {
  const base = app.deps.config.publicUrl;
  const max = opts.maxUrls ?? SITEMAP_MAX_URLS;
  const absolute = (p: string) => (p.startsWith('/') ? `${base}${p}` : p);

  async function allPaths(): Promise<string[]> {
    const paths = new Set<string>(['/']);
    for (const source of opts.sources) for (const p of await source(app)) paths.add(p);
    return [...paths];
  }

  const sendXml = (reply: FastifyReply, xml: string) =>
    reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(xml);

  const urlset = (paths: string[]) => {
    const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'urlset');
    for (const p of paths) doc.ele('url').ele('loc').txt(absolute(p));
    return doc.end({ prettyPrint: true });
  };

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_req, reply) => {
    const paths = await allPaths();
    if (paths.length <= max) return sendXml(reply, urlset(paths));
    const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'sitemapindex');
    for (let i = 1; i <= Math.ceil(paths.length / max); i++)
      doc.ele('sitemap').ele('loc').txt(`${base}/sitemap-${i}.xml`);
    return sendXml(reply, doc.end({ prettyPrint: true }));
  });

  app.get<{ Params: { n: string } }>('/sitemap-:n.xml', { schema: { hide: true } }, async (req, reply) => {
    const n = /^[1-9]\d{0,5}$/.test(req.params.n) ? Number(req.params.n) : 0;
    const paths = n > 0 ? await allPaths() : [];
    const page = paths.slice((n - 1) * max, n * max);
    // a single file needs no parts; a part past the end does not exist
    if (page.length === 0 || paths.length <= max) return reply.callNotFound();
    return sendXml(reply, urlset(page));
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
