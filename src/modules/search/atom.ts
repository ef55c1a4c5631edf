import { create } from 'xmlbuilder2';

export type AtomEntry = {
  id: string;
  title: string;
  summary: string;
  url: string;
  published: Date;
  updated: Date;
  author?: string;
};

// XML 1.0 allows no control characters but tab, newline and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** An Atom 1.0 document (RFC 4287); every entry has an absolute id and link. */
export function atomFeed(f: {
  id: string;
  title: string;
  selfUrl: string;
  htmlUrl: string;
  author: string;
  entries: AtomEntry[];
}): string {
  const updated = f.entries.reduce((m, e) => (e.updated > m ? e.updated : m), new Date(0));
  const doc = create({ version: '1.0', encoding: 'utf-8' }).ele('http://www.w3.org/2005/Atom', 'feed', {
    'xml:lang': 'ru',
  });
  doc.ele('id').txt(f.id);
  doc.ele('title').txt(xmlSafe(f.title));
  doc.ele('updated').txt((f.entries.length ? updated : new Date('2026-01-01T00:00:00Z')).toISOString());
  doc.ele('link', { rel: 'self', type: 'application/atom+xml', href: f.selfUrl });
  doc.ele('link', { rel: 'alternate', type: 'text/html', href: f.htmlUrl });
  doc.ele('author').ele('name').txt(xmlSafe(f.author));
  for (const e of f.entries) {
    const entry = doc.ele('entry');
    entry.ele('id').txt(e.id);
    entry.ele('title').txt(xmlSafe(e.title));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: e.url });
    entry.ele('published').txt(e.published.toISOString());
    entry.ele('updated').txt(e.updated.toISOString());
    if (e.author) entry.ele('author').ele('name').txt(xmlSafe(e.author));
    if (e.summary) entry.ele('summary', { type: 'text' }).txt(xmlSafe(e.summary));
  }
  return doc.end({ prettyPrint: true });
}
