import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/*
 * HTTP caching of public pages (issue 11): a page an anonymous visitor gets
 * with GET, that carries no CSRF token and sets no cookie, is the same for
 * every visitor with the same cookies, so it gets an ETag and may be kept by
 * the browser, nginx or a CDN, revalidated on each use (304 when unchanged).
 * Pages of a signed-in person, forms with a token and kiosk sessions stay
 * `no-store`.
 */

/** Whether a rendered answer may be cached as a public page. */
export function isCacheablePublic(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  /** the answer does not depend on who asks (a feed): signed-in people may share it too */
  anyone = false,
): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    reply.statusCode === 200 &&
    (anyone || req.actor?.kind === 'anonymous') &&
    !req.kiosk &&
    !reply.hasHeader('set-cookie') &&
    !body.includes('name="_csrf"')
  );
}

/** The weak validator of a body: the same bytes, the same tag. */
export function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Does the request's If-None-Match name this tag (or `*`)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.slice(2);
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === bare || v === `W/${bare}`;
  });
}

/**
 * Send a rendered body with the caching it may have: public with an ETag and
 * a 304 for a matching If-None-Match, or `no-store`. `maxAge` lets a browser
 * or proxy use it without asking for that many seconds (feeds); pages ask each time.
 */
export function sendCacheable(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  opts: { maxAge?: number; anyone?: boolean } = {},
): FastifyReply {
  if (!isCacheablePublic(req, reply, body, opts.anyone))
    return reply.header('cache-control', 'no-store').send(body);
  const etag = etagOf(body);
  reply
    .header('etag', etag)
    .header('cache-control', opts.maxAge ? `public, max-age=${opts.maxAge}` : 'public, no-cache')
    // the language, the version for the visually impaired and kiosk mode come from cookies;
    // compressed or not by Accept-Encoding (also when the page cache sends it: page-cache.ts)
    .header('vary', 'Cookie, accept-encoding');
  // the process's page cache (page-cache.ts) keeps it if the request may share it and no cookie follows
  if (req.pageCacheKey !== null) req.pageCacheOffer = { body, etag };
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.send(body);
}
