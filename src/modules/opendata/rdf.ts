/*
 * A small RDF graph model and its two serialisations (Turtle, JSON-LD in
 * expanded form) for the DCAT catalogue. The n3 library is a dev dependency
 * (the tests parse with it); writing triples needs only correct escaping.
 */

export type Term = { iri: string } | { bnode: string } | { value: string; datatype?: string; lang?: string };
export type Triple = [subject: Term, predicate: string, object: Term];

export const PREFIXES: Record<string, string> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  dcatap: 'http://data.europa.eu/r5r/',
};

/** A prefixed name (dct:title) as a full IRI. */
export function iri(name: string): string {
  const m = /^([a-z]+):(.*)$/.exec(name);
  const ns = m ? PREFIXES[m[1] as string] : undefined;
  return ns ? ns + (m?.[2] ?? '') : name;
}

export const node = (i: string): Term => ({ iri: iri(i) });
export const lit = (value: string, lang?: string): Term => (lang ? { value, lang } : { value });
export const typed = (value: string, datatype: string): Term => ({ value, datatype: iri(datatype) });

// Turtle

/** Percent-encode what an IRIREF may not hold: controls, space and <>"{}|^`\\. */
const escapeIri = (s: string) =>
  [...s]
    .map((c) =>
      c.charCodeAt(0) <= 0x20 || '<>"{}|^`\\'.includes(c)
        ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
        : c,
    )
    .join('');
const escapeLiteral = (s: string) =>
  s.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] as string,
  );

function shortIri(full: string): string {
  for (const [p, ns] of Object.entries(PREFIXES))
    if (full.startsWith(ns) && /^[A-Za-z][\w-]*$/.test(full.slice(ns.length)))
      return `${p}:${full.slice(ns.length)}`;
  return `<${escapeIri(full)}>`;
}

function turtleTerm(t: Term): string {
  if ('iri' in t) return shortIri(t.iri);
  if ('bnode' in t) return `_:${t.bnode}`;
  const body = `"${escapeLiteral(t.value)}"`;
  if (t.lang) return `${body}@${t.lang}`;
  if (t.datatype) return `${body}^^${shortIri(t.datatype)}`;
  return body;
}

const subjectKey = (t: Term) => ('iri' in t ? `<${t.iri}>` : 'bnode' in t ? `_:${t.bnode}` : '');

/** Turtle, triples grouped by subject, in the order given. */
export function toTurtle(triples: Triple[]): string {
  const lines = Object.entries(PREFIXES).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  const bySubject = new Map<string, { s: Term; po: [string, Term][] }>();
  for (const [s, p, o] of triples) {
    const k = subjectKey(s);
    const e = bySubject.get(k) ?? { s, po: [] };
    e.po.push([iri(p), o]);
    bySubject.set(k, e);
  }
  for (const { s, po } of bySubject.values()) {
    lines.push('');
    lines.push(
      `${turtleTerm(s)}\n${po
        .map(([p, o]) => `    ${p === `${PREFIXES.rdf}type` ? 'a' : shortIri(p)} ${turtleTerm(o)}`)
        .join(' ;\n')} .`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// JSON-LD (expanded form: every node with full IRIs, no context needed)

export function toJsonLd(triples: Triple[]): object[] {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const [s, short, o] of triples) {
    const p = iri(short);
    const id = 'iri' in s ? s.iri : 'bnode' in s ? `_:${s.bnode}` : '';
    const n = nodes.get(id) ?? { '@id': id };
    nodes.set(id, n);
    if (p === `${PREFIXES.rdf}type` && 'iri' in o) {
      n['@type'] = [...((n['@type'] as string[]) ?? []), o.iri];
      continue;
    }
    const value =
      'iri' in o
        ? { '@id': o.iri }
        : 'bnode' in o
          ? { '@id': `_:${o.bnode}` }
          : {
              '@value': o.value,
              ...(o.lang ? { '@language': o.lang } : o.datatype ? { '@type': o.datatype } : {}),
            };
    n[p] = [...((n[p] as object[]) ?? []), value];
  }
  return [...nodes.values()];
}
