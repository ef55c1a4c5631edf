import { DataFactory, type Quad_Object, type Quad_Subject, Writer } from 'n3';

/*
 * The DCAT catalogue as RDF/JS terms (n3's DataFactory), written as Turtle by
 * n3's Writer and as JSON-LD in expanded form (full IRIs, no context to fetch).
 */

export type Term = Quad_Subject | Quad_Object;
export type Triple = [subject: Quad_Subject, predicate: string, object: Quad_Object];

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

const { namedNode, blankNode, literal, quad } = DataFactory;
export const node = (i: string) => namedNode(iri(i));
export const bnode = (label: string) => blankNode(label);
export const lit = (value: string, lang?: string) => literal(value, lang);
export const typed = (value: string, datatype: string) => literal(value, namedNode(iri(datatype)));

const quads = (triples: Triple[]) => triples.map(([s, p, o]) => quad(s, namedNode(iri(p)), o));

/** Turtle, by n3's Writer with the catalogue's prefixes. */
export function toTurtle(triples: Triple[]): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads(quads(triples));
  return new Promise((resolve, reject) =>
    writer.end((err: Error | null, out: string) => (err ? reject(err) : resolve(out))),
  );
}

/** JSON-LD in expanded form: one node object per subject, in the order given. */
export function toJsonLd(triples: Triple[]): object[] {
  const nodes = new Map<string, Record<string, unknown>>();
  const idOf = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  for (const { subject, predicate, object } of quads(triples)) {
    const id = idOf(subject);
    const n = nodes.get(id) ?? { '@id': id };
    nodes.set(id, n);
    const p = predicate.value;
    if (p === `${PREFIXES.rdf}type` && object.termType === 'NamedNode') {
      n['@type'] = [...((n['@type'] as string[]) ?? []), object.value];
      continue;
    }
    const value =
      object.termType === 'Literal'
        ? {
            '@value': object.value,
            ...(object.language
              ? { '@language': object.language }
              : object.datatype.value !== `${PREFIXES.xsd}string`
                ? { '@type': object.datatype.value }
                : {}),
          }
        : { '@id': idOf(object) };
    n[p] = [...((n[p] as object[]) ?? []), value];
  }
  return [...nodes.values()];
}
