import { stringify } from 'csv-stringify/sync';
import { create, createCB } from 'xmlbuilder2';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dataFileName, datasetPath, passportDate, structureFileName } from './format.ts';
import type { Passport, RegisterEntry } from './get-register.ts';
import { LICENSES, STANDARD_VERSION } from './opendata.input.ts';
import { opendataRepository as repo, type StructureRow, type VersionRow } from './opendata.repository.ts';
import type { DatasetColumn } from './opendata.tables.ts';

/*
 * The machine-readable files of the methodology 3.0: UTF-8 without a BOM, comma,
 * CRLF, RFC 4180 quoting (csv-stringify quotes a cell with a comma, quote or line
 * break and doubles inner quotes). Values are written as they are: no formula
 * escaping, since a data cell «-5» must stay «-5».
 */
export function csv(records: (string | number | null)[][]): string {
  return stringify(records, { record_delimiter: 'windows', quoted_match: ['\n', '\r'] });
}

const xml = () => create({ version: '1.0', encoding: 'UTF-8' });

// list.csv, list.json, list.xml

export function listCsv(base: string, entries: RegisterEntry[]): string {
  return csv([
    ['property', 'title', 'value', 'format'],
    ['standardversion', 'Версия методических рекомендаций', STANDARD_VERSION, ''],
    ...entries.map((e) => [e.identifier, e.title, `${base}${datasetPath(e.identifier)}meta.csv`, 'csv']),
  ]);
}

export function listJson(base: string, entries: RegisterEntry[]) {
  return {
    standardversion: STANDARD_VERSION,
    meta: entries.map((e) => ({
      identifier: e.identifier,
      title: e.title,
      link: `${base}${datasetPath(e.identifier)}meta.json`,
      format: 'json',
    })),
  };
}

export function listXml(base: string, entries: RegisterEntry[]): string {
  const doc = xml().ele('list');
  doc.ele('standardversion').txt(STANDARD_VERSION);
  const meta = doc.ele('meta');
  for (const e of entries) {
    const item = meta.ele('item');
    item.ele('identifier').txt(e.identifier);
    item.ele('title').txt(e.title);
    item.ele('link').txt(`${base}${datasetPath(e.identifier)}meta.xml`);
    item.ele('format').txt('xml');
  }
  return doc.end({ prettyPrint: true });
}

// meta.csv, meta.json, meta.xml

const structureOf = (p: Passport, v: VersionRow) =>
  p.structures.find((s) => s.id === v.structureId) as StructureRow;

/** The URL of a version's data file in a format. */
export function dataUrl(base: string, p: Passport, v: VersionRow, ext = 'csv') {
  return `${base}${datasetPath(p.dataset.identifier)}${dataFileName(v, structureOf(p, v))}.${ext}`;
}
export function structureUrl(base: string, p: Passport, s: StructureRow) {
  return `${base}${datasetPath(p.dataset.identifier)}${structureFileName(s)}.csv`;
}

/** The passport's properties in the volganet order, then each version (newest first), then each structure. */
export function metaRows(base: string, p: Passport): [string, string][] {
  const d = p.dataset;
  const latest = p.versions[0];
  return [
    ['standardversion', STANDARD_VERSION],
    ['identifier', d.identifier],
    ['title', d.title],
    ['description', d.description],
    ['creator', p.org.nameRu],
    ['created', passportDate(d.createdAt)],
    ['modified', passportDate(d.modifiedAt)],
    ['subject', d.keywords.join(', ')],
    ['format', 'csv'],
    ['provenance', latest?.provenance ?? ''],
    ['valid', latest ? passportDate(latest.stamp) : ''],
    ['publishername', d.publisherName],
    ['publisherphone', d.publisherPhone],
    ['publishermbox', d.publisherEmail],
    ...p.versions.map((v): [string, string] => [dataFileName(v, structureOf(p, v)), dataUrl(base, p, v)]),
    ...p.structures.map((s): [string, string] => [structureFileName(s), structureUrl(base, p, s)]),
  ];
}

export const metaCsv = (base: string, p: Passport) => csv([['property', 'value'], ...metaRows(base, p)]);

export function metaJson(base: string, p: Passport) {
  const d = p.dataset;
  return {
    standardversion: STANDARD_VERSION,
    identifier: d.identifier,
    title: d.title,
    description: d.description,
    creator: p.org.nameRu,
    created: passportDate(d.createdAt),
    modified: passportDate(d.modifiedAt),
    subject: d.keywords.join(', '),
    format: 'csv',
    license: LICENSES[d.license as keyof typeof LICENSES]?.url ?? null,
    data: p.versions.map((v) => ({
      source: dataUrl(base, p, v),
      created: passportDate(v.stamp),
      provenance: v.provenance,
      valid: passportDate(v.stamp),
      structure: structureFileName(structureOf(p, v)),
    })),
    structure: p.structures.map((s) => ({
      source: structureUrl(base, p, s),
      created: passportDate(s.stamp),
    })),
    publisher: { name: d.publisherName, phone: d.publisherPhone, mbox: d.publisherEmail },
  };
}

export function metaXml(base: string, p: Passport): string {
  const j = metaJson(base, p);
  const doc = xml().ele('meta');
  for (const k of [
    'standardversion',
    'identifier',
    'title',
    'description',
    'creator',
    'created',
    'modified',
    'subject',
    'format',
  ] as const)
    doc.ele(k).txt(j[k]);
  const data = doc.ele('data');
  for (const v of j.data) {
    const e = data.ele('dataversion');
    for (const [k, val] of Object.entries(v)) e.ele(k).txt(val);
  }
  const structure = doc.ele('structure');
  for (const s of j.structure) {
    const e = structure.ele('structureversion');
    for (const [k, val] of Object.entries(s)) e.ele(k).txt(val);
  }
  const pub = doc.ele('publisher');
  for (const [k, val] of Object.entries(j.publisher)) pub.ele(k).txt(val);
  return doc.end({ prettyPrint: true });
}

// structure-….csv

export const structureCsv = (columns: DatasetColumn[]) =>
  csv([
    ['field name', 'english description', 'russian description', 'format'],
    ...columns.map((c) => [c.name, c.titleEn, c.titleRu, c.format]),
  ]);

// data-…: CSV, JSON and XML, streamed a batch of rows at a time

/** A cell as JSON: numbers and booleans typed by the column's format. */
export function typedCell(
  col: DatasetColumn | undefined,
  v: string | null,
): string | number | boolean | null {
  if (v === null) return null;
  if (col?.format === 'integer' || col?.format === 'float') return Number(v);
  if (col?.format === 'boolean') return v === 'true';
  return v;
}

export async function* dataCsv(db: DbOrTx, version: VersionRow, columns: DatasetColumn[]) {
  yield csv([columns.map((c) => c.name)]);
  for await (const batch of repo.streamRows(db, version.id)) yield csv(batch);
}

export async function* dataJson(db: DbOrTx, version: VersionRow, columns: DatasetColumn[]) {
  let first = true;
  yield '[';
  for await (const batch of repo.streamRows(db, version.id)) {
    const parts = batch.map((cells) =>
      JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.name, typedCell(c, cells[i] ?? null)]))),
    );
    yield (first ? '\n' : ',\n') + parts.join(',\n');
    first = false;
  }
  yield '\n]\n';
}

export async function* dataXml(db: DbOrTx, version: VersionRow, columns: DatasetColumn[]) {
  let out = '';
  const doc = createCB({ data: (chunk: string) => (out += chunk), prettyPrint: true });
  doc.dec({ version: '1.0', encoding: 'UTF-8' }).ele('data');
  for await (const batch of repo.streamRows(db, version.id)) {
    for (const cells of batch) {
      doc.ele('row');
      columns.forEach((c, i) => {
        const v = cells[i];
        doc.ele(c.name);
        if (v !== null && v !== undefined) doc.txt(v);
        doc.up();
      });
      doc.up();
    }
    yield out;
    out = '';
  }
  doc.up().end();
  yield out;
}
