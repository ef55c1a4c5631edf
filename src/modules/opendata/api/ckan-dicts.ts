import type { OrgRow } from '../../orgs/index.ts';
import { dataFileName, datasetPath, passportDate, structureFileName } from '../format.ts';
import { FREQUENCIES, LICENSES, STANDARD_VERSION, TOPICS } from '../opendata.input.ts';
import type { DatasetRow, StructureRow, VersionRow } from '../opendata.repository.ts';

/*
 * CKAN's dictionaries (package, resource, organization, group, tag) built from
 * the register, field by field, as ckanext-harvest, udata and the ckan clients
 * read them (../shared/opendata-ru-3.0.md, «Dataset dict», «Resource dict»).
 */

/** CKAN writes timestamps in ISO 8601 without a zone (UTC). */
export const ckanTime = (d: Date) => d.toISOString().replace('Z', '');

export type FullDataset = {
  dataset: DatasetRow;
  org: OrgRow;
  versions: VersionRow[];
  structures: StructureRow[];
};

export function organizationDict(org: OrgRow, packageCount?: number) {
  return {
    id: org.id,
    name: org.slug,
    title: org.nameRu,
    display_name: org.nameRu,
    type: 'organization',
    description: org.descriptionRu ?? '',
    image_url: '',
    image_display_url: '',
    created: ckanTime(org.createdAt),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    revision_id: org.id,
    revision_timestamp: ckanTime(org.updatedAt),
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function groupDict(topic: string, packageCount?: number) {
  const t = TOPICS[topic as keyof typeof TOPICS];
  return {
    id: topic,
    name: topic,
    title: t?.ru ?? topic,
    display_name: t?.ru ?? topic,
    description: t ? `${t.ru} (${t.en})` : '',
    type: 'group',
    image_url: '',
    image_display_url: '',
    created: '2026-01-01T00:00:00',
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export const tagDict = (name: string) => ({
  id: name,
  name,
  display_name: name,
  state: 'active',
  vocabulary_id: null,
});

function dataResource(base: string, f: FullDataset, v: VersionRow, position: number) {
  const structure = f.structures.find((s) => s.id === v.structureId) as StructureRow;
  const name = dataFileName(v, structure);
  return {
    id: v.id,
    package_id: f.dataset.id,
    url: `${base}${datasetPath(f.dataset.identifier)}${name}.csv`,
    name: `${name}.csv`,
    description: v.provenance,
    format: 'CSV',
    mimetype: 'text/csv',
    mimetype_inner: null,
    size: null,
    hash: '',
    created: ckanTime(v.stamp),
    last_modified: ckanTime(v.stamp),
    metadata_modified: ckanTime(v.stamp),
    position,
    state: 'active',
    url_type: null,
    resource_type: 'file',
    cache_url: null,
    datastore_active: true,
  };
}

function structureResource(base: string, f: FullDataset, s: StructureRow, position: number) {
  return {
    id: s.id,
    package_id: f.dataset.id,
    url: `${base}${datasetPath(f.dataset.identifier)}${structureFileName(s)}.csv`,
    name: `${structureFileName(s)}.csv`,
    description: 'Структура набора данных',
    format: 'CSV',
    mimetype: 'text/csv',
    mimetype_inner: null,
    size: null,
    hash: '',
    created: ckanTime(s.stamp),
    last_modified: ckanTime(s.stamp),
    metadata_modified: ckanTime(s.stamp),
    position,
    state: 'active',
    url_type: null,
    resource_type: 'file',
    cache_url: null,
    datastore_active: false,
  };
}

/** Every resource of a dataset: each data version (newest first), then each structure version. */
export function resourcesOf(base: string, f: FullDataset) {
  return [
    ...f.versions.map((v, i) => dataResource(base, f, v, i)),
    ...f.structures.map((s, i) => structureResource(base, f, s, f.versions.length + i)),
  ];
}

export function packageDict(base: string, f: FullDataset) {
  const d = f.dataset;
  const license = LICENSES[d.license as keyof typeof LICENSES];
  const latest = f.versions[0];
  const resources = resourcesOf(base, f);
  const tags = d.keywords.map(tagDict);
  const extras: [string, string][] = [
    ['standardversion', STANDARD_VERSION],
    ['identifier', d.identifier],
    ['valid', latest ? passportDate(latest.stamp) : ''],
    ['provenance', latest?.provenance ?? ''],
    ['publishername', d.publisherName],
    ['publisherphone', d.publisherPhone],
    ['publishermbox', d.publisherEmail],
    ['frequency', FREQUENCIES[d.frequency as keyof typeof FREQUENCIES]?.en ?? d.frequency],
    ['temporal_start', d.createdAt.toISOString().slice(0, 10)],
    ['temporal_end', (latest?.stamp ?? d.modifiedAt).toISOString().slice(0, 10)],
  ];
  return {
    id: d.id,
    name: d.identifier,
    title: d.title,
    notes: d.description,
    type: 'dataset',
    state: 'active',
    private: false,
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.modifiedAt),
    author: f.org.nameRu,
    author_email: f.org.email ?? null,
    maintainer: d.publisherName,
    maintainer_email: d.publisherEmail,
    license_id: d.license,
    license_title: license?.ru ?? d.license,
    license_url: license?.url ?? null,
    isopen: license?.open ?? false,
    url: `${base}${datasetPath(d.identifier)}`,
    version: latest ? passportDate(latest.stamp) : null,
    owner_org: f.org.id,
    organization: organizationDict(f.org),
    tags,
    num_tags: tags.length,
    groups: [groupDict(d.topic)],
    extras: extras.map(([key, value]) => ({ key, value })),
    resources,
    num_resources: resources.length,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
export type PackageDict = ReturnType<typeof packageDict>;
