/*
 * The one check for every redirect target a visitor supplies (`next=` after
 * sign-in, `return=` of /accessibility, the `next` an OpenID Connect sign-in
 * keeps in its cookie).
 *
 * Prefix checks ("starts with / but not //") miss what browsers do: they drop
 * TAB, CR and LF anywhere in a URL and treat `\` as `/`, so `/\t/evil.example`
 * passes a prefix check and lands on `//evil.example`. Here the WHATWG URL
 * parser, the same one browsers use, resolves the target against the site's
 * own origin; only a path on that origin comes back, re-serialised by the
 * parser, so it is plain ASCII and safe in a Location header.
 */

/** C0 controls (NUL, TAB, CR, LF …) and DEL: a real path never holds them, browsers strip some of them. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** `raw` as a path on the site at `siteUrl` (its origin decides), or `fallback` when it is anything else. */
export function safeLocalPath(raw: unknown, siteUrl: string, fallback: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith('/') || hasControl(raw) || raw.includes('\\')) return fallback;
  let site: URL;
  let target: URL;
  try {
    site = new URL(siteUrl);
    target = new URL(raw, site);
  } catch {
    return fallback;
  }
  if (target.origin !== site.origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // `/.//evil` normalises to `//evil`, which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
