import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLocale } from '../i18n/index.ts';
import { lowVisionCookie } from '../ui/low-vision.ts';
import { etagMatches } from './cache.ts';

/*
 * A short-lived shared cache of anonymous public pages, one per process (issue 11), as a CDN or
 * nginx's proxy_cache would keep them in front. A page is stored only when the request could not
 * have been personal and the answer says it is public (`sendCacheable`: GET, 200, anonymous actor,
 * no kiosk, no CSRF token in the body, `Cache-Control: public`) and sets no cookie; it is answered
 * for PAGE_CACHE_TTL_MS (5 s) to every request with the same key, a matching If-None-Match with a
 * 304, without the session lookup, the handler or rendering. A public page may thus lag a staff
 * write by up to the TTL. Processes may differ for that long, which the issue allows.
 *
 * Which requests may use it: GET or HEAD with no Authorization header and no cookies but those that
 * only choose how the page looks (the language, the version for the visually impaired) or that a
 * page without a form ignores (the CSRF secret). Any other cookie (a session, a kiosk, the
 * read-your-own-write `rp` cookie, anything added later) passes the cache by: a new cookie
 * is personal until someone decides otherwise. The key is the method class, the URL with its query,
 * and the cookies that choose the rendering.
 */

/** How long a request waits for another's render of the same page before rendering it itself. */
const RENDER_WAIT_MS = 5_000;

/** Cookies that do not make a page personal: the key carries the first two, pages with a token are never stored. */
const LOOKS = new Set(['lang', lowVisionCookie, '_csrf']);

/** Headers of the original answer that belong to one transfer, not to the page. */
const TRANSFER = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'set-cookie',
]);

type Encoding = 'br' | 'gzip';
type Entry = {
  /** UTF-8 once: encoding a 10 KB Russian page on every hit was a fifth of a hit's time */
  body: Buffer;
  etag: string;
  headers: Record<string, string | string[]>;
  storedAt: number;
  size: number;
  /** the body compressed, made on the first hit that accepts each encoding */
  encoded: Partial<Record<Encoding, Buffer>>;
};

/**
 * The encoding to send a stored page in, by the client's Accept-Encoding: brotli, else gzip, as
 * @fastify/compress prefers them. Compressing per hit would cost more than the rest of the hit
 * (brotli of a 10 KB page: about ten times the hit's own time), so each is made once per entry.
 */
export function encodingFor(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  const offered = (name: Encoding) =>
    accept.split(',').some((part) => {
      const [token, ...params] = part.trim().toLowerCase().split(';');
      return token === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
  return offered('br') ? 'br' : offered('gzip') ? 'gzip' : null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the page cache's key when this request may use it (set in onRequest) */
    pageCacheKey: string | null;
    /** a page `sendCacheable` offered, stored once the answer turns out to set no cookie */
    pageCacheOffer: { body: string; etag: string } | null;
    /** set on the request that renders a page others may wait for: call once its answer is out */
    pageCacheRendered: (() => void) | null;
  }
}

/** A bounded LRU of pages by bytes; a Map keeps insertion order, so re-inserting on use moves an entry last. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(
    readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (this.now() - e.storedAt >= this.ttlMs) {
      this.bytes -= e.size;
      return undefined;
    }
    this.entries.set(key, e);
    return e;
  }

  /** The entry's body in an encoding, compressed on first use (at @fastify/compress's brotli quality). */
  encoded(e: Entry, enc: Encoding): Buffer {
    let buf = e.encoded[enc];
    if (!buf) {
      buf =
        enc === 'br'
          ? brotliCompressSync(e.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
          : gzipSync(e.body);
      e.encoded[enc] = buf;
      e.size += buf.length;
      this.bytes += buf.length;
      this.evict();
    }
    return buf;
  }

  private evict(): void {
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.size;
    }
  }

  set(key: string, e: Omit<Entry, 'storedAt' | 'size' | 'encoded'>): void {
    const size = e.body.length + 2 * key.length + 512;
    if (size > this.maxBytes / 8) return; // one huge page must not empty the cache
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.size;
    }
    this.entries.set(key, { ...e, storedAt: this.now(), size, encoded: {} });
    this.bytes += size;
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The key of a request that may use the cache, or null. Cookies are parsed already (@fastify/cookie's onRequest). */
export function pageCacheKey(req: FastifyRequest): string | null {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.authorization) return null;
  const cookies = req.cookies;
  for (const name in cookies) if (!LOOKS.has(name)) return null;
  const lang = cookies.lang;
  // HEAD shares GET's entry: the same page without its body
  return `${req.url}\n${isLocale(lang) ? lang : ''}\n${cookies[lowVisionCookie] ?? ''}`;
}

/**
 * The cache, registered right after @fastify/cookie so a hit skips every later hook (helmet's
 * headers come back from the stored answer; the session lookup, CSRF and the handler never run).
 */
export const pageCachePlugin = fp(async (app: FastifyInstance) => {
  const { ttlMs, maxBytes } = app.deps.config.pageCache;
  app.decorateRequest('pageCacheKey', null);
  app.decorateRequest('pageCacheOffer', null);
  app.decorateRequest('pageCacheRendered', null);
  if (ttlMs === 0) return;
  const clock = app.deps.clock;
  const cache = new PageCache(ttlMs, maxBytes, () => clock.now().getTime());
  // Requests for a page being rendered wait for that render instead of each rendering it again (an
  // expensive page that expires under load would otherwise be rendered by every connection at once).
  const rendering = new Map<string, Promise<void>>();

  /** The first miss of a key renders; it calls the returned function once its answer is out. */
  const startRender = (key: string): (() => void) => {
    let settle = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    rendering.set(key, done);
    return () => {
      if (rendering.get(key) === done) rendering.delete(key);
      settle();
    };
  };

  app.addHook('onRequest', async (req, reply) => {
    const key = pageCacheKey(req);
    if (key === null) return;
    req.pageCacheKey = key;
    let hit = cache.get(key);
    if (!hit) {
      const inFlight = rendering.get(key);
      if (inFlight) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          inFlight,
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, RENDER_WAIT_MS);
          }),
        ]);
        clearTimeout(timer);
        hit = cache.get(key);
      } else {
        const finish = startRender(key);
        req.pageCacheRendered = finish;
        // an answer that ends without reaching onResponse (a client gone) must not keep others waiting
        reply.raw.once('close', finish);
      }
    }
    if (!hit) return;
    reply
      .headers(hit.headers)
      .header('age', String(Math.floor((clock.now().getTime() - hit.storedAt) / 1000)));
    reply.header('x-cache', 'hit');
    if (etagMatches(req.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    const enc = encodingFor(req.headers['accept-encoding']);
    // with Content-Encoding set, @fastify/compress leaves the body alone
    if (enc) return reply.code(200).header('content-encoding', enc).send(cache.encoded(hit, enc));
    return reply.code(200).send(hit.body);
  });

  // Stored only after the answer went out whole with no cookie set by any later hook (a language
  // chosen by ?lang=, the read-your-own-write cookie, a CSRF secret). A 304 there was a rendered
  // 200 page that the client already had.
  app.addHook('onResponse', async (req, reply) => {
    try {
      const offer = req.pageCacheOffer;
      if (!offer || req.pageCacheKey === null) return;
      if ((reply.statusCode !== 200 && reply.statusCode !== 304) || reply.hasHeader('set-cookie')) return;
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value === undefined || TRANSFER.has(name)) continue;
        headers[name] = typeof value === 'number' ? String(value) : value;
      }
      cache.set(req.pageCacheKey, { body: Buffer.from(offer.body), etag: offer.etag, headers });
    } finally {
      // whoever waited for this render finds the page stored now, or renders it themselves
      req.pageCacheRendered?.();
    }
  });
});
