import { describe, expect, it } from 'vitest';
import { encodingFor, PageCache } from './page-cache.ts';

const page = (body: string) => ({ body: Buffer.from(body), etag: `W/"${body.length}"`, headers: {} });

describe('PageCache', () => {
  it('forgets an entry once its TTL has passed', () => {
    let now = 0;
    const c = new PageCache(1000, 1 << 20, () => now);
    c.set('a', page('x'));
    now = 999;
    expect(c.get('a')?.body.toString()).toBe('x');
    now = 1000;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('keeps within its bytes, dropping the least recently used first', () => {
    const kb = 'x'.repeat(500); // 1,014 bytes counted with its key and overhead
    const c = new PageCache(10_000, 8 * 1014 + 10, () => 0); // room for eight
    for (const k of 'abcdefgh') c.set(k, page(kb));
    expect(c.size).toBe(8);
    expect(c.get('a')?.body.toString()).toBe(kb); // used: now the most recent
    for (const k of 'ij') c.set(k, page(kb));
    expect(c.size).toBe(8);
    expect(c.get('a')).toBeDefined();
    expect(c.get('b')).toBeUndefined();
    expect(c.get('c')).toBeUndefined();
    expect(c.get('d')).toBeDefined();
  });

  it('refuses a page larger than an eighth of the cache rather than emptying it', () => {
    const c = new PageCache(10_000, 8 * 1024, () => 0);
    c.set('small', page('s'));
    c.set('huge', page('x'.repeat(2048)));
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('small')).toBeDefined();
  });
});

describe('encodingFor', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(encodingFor('gzip, deflate, br, zstd')).toBe('br');
    expect(encodingFor('gzip, deflate')).toBe('gzip');
    expect(encodingFor('br;q=0, gzip')).toBe('gzip');
    expect(encodingFor('br;q=0.0, gzip;q=0')).toBeNull();
    expect(encodingFor('identity')).toBeNull();
    expect(encodingFor(undefined)).toBeNull();
  });
});
