import { dataFileName, datasetPath, passportDate, structureFileName } from './format.ts';
import type { Passport } from './get-register.ts';
import { LICENSES } from './opendata.input.ts';

const TYPE: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  float: 'number',
  date: 'date',
  boolean: 'boolean',
};

/**
 * A Frictionless Data Package for the dataset: its newest data version as a
 * tabular resource whose Table Schema comes from the structure, so Frictionless
 * tools validate the data.
 */
export function datapackage(base: string, p: Passport) {
  const d = p.dataset;
  const license = LICENSES[d.license as keyof typeof LICENSES];
  const latest = p.versions[0];
  const structure = latest ? p.structures.find((s) => s.id === latest.structureId) : p.structures[0];
  return {
    name: d.identifier,
    title: d.title,
    description: d.description,
    keywords: d.keywords,
    homepage: `${base}${datasetPath(d.identifier)}`,
    created: d.createdAt.toISOString(),
    version: latest ? passportDate(latest.stamp) : undefined,
    licenses: license ? [{ name: d.license, path: license.url, title: license.en }] : [],
    contributors: [{ title: d.publisherName, email: d.publisherEmail, role: 'maintainer' }],
    resources:
      latest && structure
        ? [
            {
              name: 'data',
              profile: 'tabular-data-resource',
              path: `${base}${datasetPath(d.identifier)}${dataFileName(latest, structure)}.csv`,
              format: 'csv',
              mediatype: 'text/csv',
              encoding: 'utf-8',
              dialect: { delimiter: ',', header: true, lineTerminator: '\r\n' },
              schema: {
                fields: structure.columns.map((c) => ({
                  name: c.name,
                  title: c.titleRu,
                  description: c.titleEn,
                  type: TYPE[c.format] ?? 'string',
                  ...(c.required ? { constraints: { required: true } } : {}),
                })),
              },
              sources: [
                {
                  title: structureFileName(structure),
                  path: `${base}${datasetPath(d.identifier)}${structureFileName(structure)}.csv`,
                },
              ],
            },
          ]
        : [],
  };
}
