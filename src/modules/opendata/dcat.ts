import type { NamedNode } from 'n3';
import type { FullDataset } from './api/ckan-dicts.ts';
import { dataFileName, datasetPath, structureFileName } from './format.ts';
import { FREQUENCIES, LICENSES, STANDARD_VERSION, TOPICS } from './opendata.input.ts';
import { bnode, lit, node, type Triple, typed } from './rdf.ts';

/*
 * The DCAT-AP 3.0 view of the register (../shared/opendata-ru-3.0.md, «DCAT-AP
 * catalog»): the catalogue, each dataset with its publisher (foaf:Agent), contact
 * point (vcard), theme and frequency from the EU vocabularies, and one
 * distribution per data version whose dct:conformsTo is its structure file.
 * Pages of 100 datasets, with a Hydra PartialCollectionView as ckanext-dcat pages.
 */

export const DCAT_PAGE_SIZE = 100;
const EU = 'http://publications.europa.eu/resource/authority';
const dateTime = (d: Date) => typed(d.toISOString(), 'xsd:dateTime');

function agentTriples(base: string, f: FullDataset): [NamedNode, Triple[]] {
  const agent = node(`${base}/orgs/${f.org.slug}#agent`);
  return [
    agent,
    [
      [agent, 'rdf:type', node('foaf:Agent')],
      [agent, 'foaf:name', lit(f.org.nameRu, 'ru')],
      [
        agent,
        'dct:type',
        node(
          `http://purl.org/adms/publishertype/${f.org.level === 'municipal' ? 'LocalAuthority' : 'RegionalAuthority'}`,
        ),
      ],
    ],
  ];
}

/** The triples of one dataset (subject: its passport URL). */
export function datasetTriples(base: string, f: FullDataset): Triple[] {
  const d = f.dataset;
  const ds = node(`${base}${datasetPath(d.identifier)}`);
  const [agent, agentT] = agentTriples(base, f);
  const contact = bnode(`contact${d.id.replace(/-/g, '')}`);
  const period = bnode(`period${d.id.replace(/-/g, '')}`);
  const license = LICENSES[d.license as keyof typeof LICENSES];
  const theme = TOPICS[d.topic as keyof typeof TOPICS];
  const freq = FREQUENCIES[d.frequency as keyof typeof FREQUENCIES];
  const t: Triple[] = [
    [ds, 'rdf:type', node('dcat:Dataset')],
    [ds, 'dct:identifier', lit(d.identifier)],
    [ds, 'dct:title', lit(d.title, 'ru')],
    [ds, 'dct:description', lit(d.description, 'ru')],
    ...d.keywords.map((k): Triple => [ds, 'dcat:keyword', lit(k, 'ru')]),
    [ds, 'dct:publisher', agent],
    [ds, 'dcat:contactPoint', contact],
    [ds, 'dct:issued', dateTime(d.createdAt)],
    [ds, 'dct:modified', dateTime(d.modifiedAt)],
    [ds, 'dct:conformsTo', node(STANDARD_VERSION)],
    [ds, 'dcat:landingPage', node(`${base}${datasetPath(d.identifier)}`)],
    [ds, 'dct:language', node(`${EU}/language/RUS`)],
    [ds, 'dct:spatial', node('https://sws.geonames.org/554230/')],
    [ds, 'dct:temporal', period],
    [period, 'rdf:type', node('dct:PeriodOfTime')],
    [period, 'dcat:startDate', typed(d.createdAt.toISOString().slice(0, 10), 'xsd:date')],
    [
      period,
      'dcat:endDate',
      typed((f.versions[0]?.stamp ?? d.modifiedAt).toISOString().slice(0, 10), 'xsd:date'),
    ],
    ...(theme ? [[ds, 'dcat:theme', node(`${EU}/data-theme/${theme.eu}`)] as Triple] : []),
    ...(freq ? [[ds, 'dct:accrualPeriodicity', node(`${EU}/frequency/${freq.eu}`)] as Triple] : []),
    [contact, 'rdf:type', node('vcard:Kind')],
    [contact, 'vcard:fn', lit(d.publisherName)],
    [contact, 'vcard:hasEmail', node(`mailto:${d.publisherEmail}`)],
    [contact, 'vcard:hasTelephone', node(`tel:${d.publisherPhone.replace(/[^\d+]/g, '')}`)],
    ...agentT,
  ];
  for (const v of f.versions) {
    const s = f.structures.find((x) => x.id === v.structureId);
    if (!s) continue;
    const url = `${base}${datasetPath(d.identifier)}${dataFileName(v, s)}.csv`;
    const dist = node(url);
    t.push(
      [ds, 'dcat:distribution', dist],
      [dist, 'rdf:type', node('dcat:Distribution')],
      [dist, 'dct:title', lit(`${dataFileName(v, s)}.csv`)],
      [dist, 'dct:description', lit(v.provenance, 'ru')],
      [dist, 'dcat:accessURL', node(`${base}${datasetPath(d.identifier)}`)],
      [dist, 'dcat:downloadURL', node(url)],
      [dist, 'dct:format', node(`${EU}/file-type/CSV`)],
      [dist, 'dcat:mediaType', node('https://www.iana.org/assignments/media-types/text/csv')],
      [dist, 'dct:issued', dateTime(v.stamp)],
      [dist, 'dct:conformsTo', node(`${base}${datasetPath(d.identifier)}${structureFileName(s)}.csv`)],
      [dist, 'dcatap:availability', node('http://data.europa.eu/r5r/availability/stable')],
      ...(license ? [[dist, 'dct:license', node(license.url)] as Triple] : []),
    );
  }
  return t;
}

/** One page of the catalogue: the catalogue node, its datasets and the Hydra paging. */
export function catalogTriples(
  base: string,
  all: FullDataset[],
  page: number,
  ext: string,
  government: { slug: string; nameRu: string } | undefined,
): Triple[] {
  const cat = node(`${base}/catalog`);
  const pages = Math.max(1, Math.ceil(all.length / DCAT_PAGE_SIZE));
  const slice = all.slice((page - 1) * DCAT_PAGE_SIZE, page * DCAT_PAGE_SIZE);
  const publisher = node(`${base}/orgs/${government?.slug ?? 'government'}#agent`);
  const modified = all.reduce((m, f) => (f.dataset.modifiedAt > m ? f.dataset.modifiedAt : m), new Date(0));
  const issued = all.reduce((m, f) => (f.dataset.createdAt < m ? f.dataset.createdAt : m), new Date(8.64e15));
  const pageUrl = (n: number) => node(`${base}/catalog.${ext}?page=${n}`);
  const view = pageUrl(page);
  const t: Triple[] = [
    [cat, 'rdf:type', node('dcat:Catalog')],
    [cat, 'dct:title', lit('Открытые данные Калининградской области', 'ru')],
    [cat, 'dct:title', lit('Open data of Kaliningrad oblast', 'en')],
    [
      cat,
      'dct:description',
      lit('Реестр открытых данных органов власти области и муниципальных образований', 'ru'),
    ],
    [cat, 'dct:publisher', publisher],
    [publisher, 'rdf:type', node('foaf:Agent')],
    [publisher, 'foaf:name', lit(government?.nameRu ?? 'Правительство Калининградской области', 'ru')],
    [publisher, 'dct:type', node('http://purl.org/adms/publishertype/RegionalAuthority')],
    [cat, 'dct:license', node(LICENSES['cc-by-4.0'].url)],
    [cat, 'foaf:homepage', node(`${base}/opendata/`)],
    [cat, 'dct:language', node(`${EU}/language/RUS`)],
    [cat, 'dct:spatial', node('https://sws.geonames.org/554230/')],
    [cat, 'dcat:themeTaxonomy', node(`${EU}/data-theme`)],
    ...(all.length ? [[cat, 'dct:modified', dateTime(modified)] as Triple] : []),
    ...(all.length ? [[cat, 'dct:issued', dateTime(issued)] as Triple] : []),
    ...slice.map((f): Triple => [cat, 'dcat:dataset', node(`${base}${datasetPath(f.dataset.identifier)}`)]),
    [view, 'rdf:type', node('hydra:PartialCollectionView')],
    [view, 'hydra:totalItems', typed(String(all.length), 'xsd:integer')],
    [view, 'hydra:itemsPerPage', typed(String(DCAT_PAGE_SIZE), 'xsd:integer')],
    [view, 'hydra:first', pageUrl(1)],
    [view, 'hydra:last', pageUrl(pages)],
    ...(page > 1 ? [[view, 'hydra:previous', pageUrl(page - 1)] as Triple] : []),
    ...(page < pages ? [[view, 'hydra:next', pageUrl(page + 1)] as Triple] : []),
  ];
  for (const f of slice) t.push(...datasetTriples(base, f));
  return t;
}
