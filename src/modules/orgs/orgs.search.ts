import { createHash } from 'node:crypto';
import type { DbOrTx, Tx } from '../../platform/db/client.ts';
import { readSetting, writeSetting } from '../../platform/db/settings.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineSearchSource, reindexAll, searchIndex } from '../../platform/search/index.ts';
import { type OrgRow, type OrgSectionRow, orgsRepository as repo } from './orgs.repository.ts';

/** Organisation homes and their filled sections in the portal's search. */
export const orgsSearch = defineSearchSource({
  module: 'orgs',
  types: [
    { key: 'organization', ru: 'Орган власти', en: 'Authority' },
    { key: 'org_section', ru: 'Раздел сайта органа', en: 'Section of an authority' },
    { key: 'person', ru: 'Должностное лицо', en: 'Official' },
  ],
  reindex: async (_deps, tx: Tx) => {
    let n = 0;
    const orgs = await repo.list(tx);
    const sections = await repo.sectionsOf(
      tx,
      orgs.map((o) => o.id),
    );
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      await indexOrganization(tx, o);
      n++;
    }
    for (const s of sections) {
      const o = byId.get(s.orgId);
      if (o && s.filledAt) {
        await indexOrgSection(tx, o, s);
        n++;
      }
    }
    return n;
  },
});

/** The organisation's home as one entry: its name, description, head and contacts. */
export async function indexOrganization(tx: DbOrTx, o: OrgRow): Promise<void> {
  await searchIndex.upsert(tx, {
    id: `organization:${o.id}`,
    module: 'orgs',
    type: 'organization',
    orgId: o.id,
    title: o.nameRu,
    body: [o.shortNameRu, o.descriptionRu, o.headPosition, o.headName, o.address]
      .filter((x): x is string => Boolean(x))
      .join('. '),
    summary: o.descriptionRu ?? '',
    url: `/orgs/${o.slug}`,
    publishedAt: o.createdAt,
    updatedAt: o.updatedAt,
  });
  await indexOrgPeople(tx, o);
}

/**
 * The people of an organisation, found by name: its head and its responsible
 * officials, one entry each (rewritten whenever the organisation or its list changes).
 */
export async function indexOrgPeople(tx: DbOrTx, o: OrgRow): Promise<void> {
  await searchIndex.removeByPrefix(tx, 'person', `person:${o.id}:`);
  const orgName = o.shortNameRu ?? o.nameRu;
  if (o.headName)
    await searchIndex.upsert(tx, {
      id: `person:${o.id}:head`,
      module: 'orgs',
      type: 'person',
      orgId: o.id,
      title: o.headName,
      body: [o.headPosition, o.nameRu].filter(Boolean).join('. '),
      summary: [o.headPosition, orgName].filter(Boolean).join(' — '),
      url: `/orgs/${o.slug}`,
      publishedAt: o.createdAt,
      updatedAt: o.updatedAt,
    });
  for (const p of await repo.officials(tx, o.id))
    await searchIndex.upsert(tx, {
      id: `person:${o.id}:${p.id}`,
      module: 'orgs',
      type: 'person',
      orgId: o.id,
      title: p.fullName,
      body: [p.position, p.dutiesRu, o.nameRu].filter(Boolean).join('. '),
      summary: `${p.position} — ${orgName}`,
      url: `/orgs/${o.slug}/officials`,
      publishedAt: p.createdAt,
      updatedAt: p.updatedAt,
    });
}

/** A section of an organisation's home once the module that serves it has content. */
export async function indexOrgSection(tx: DbOrTx, o: OrgRow, s: OrgSectionRow): Promise<void> {
  const id = `org_section:${o.id}:${s.key}`;
  if (!s.enabled || !s.filledAt) {
    await searchIndex.remove(tx, id);
    return;
  }
  await searchIndex.upsert(tx, {
    id,
    module: 'orgs',
    type: 'org_section',
    orgId: o.id,
    title: `${s.titleRu} — ${o.shortNameRu ?? o.nameRu}`,
    body: s.summaryRu ?? '',
    url: `/orgs/${o.slug}/${s.path}`,
    publishedAt: s.filledAt,
  });
}

const INDEXED_KEY = 'search.orgs.indexed';

/**
 * At start (seed.ts): rebuild the organisations' search entries only when what they are built from
 * changed since the last rebuild: the rows (organisations, sections, officials; the seed may have
 * rewritten them) or this file's indexing code. Staff edits index themselves as they happen; the
 * rebuild catches what the seed changed. It was 800 writes at every start (seconds on a region's
 * database) for entries that were already right. Returns the entries written, 0 when nothing changed.
 */
export async function reindexOrgsIfChanged(deps: Deps): Promise<{ orgs: number }> {
  const code = [orgsSearch.reindex, indexOrganization, indexOrgPeople, indexOrgSection]
    .map(String)
    .join('\n');
  const digest = createHash('sha256')
    .update(await repo.searchInputsDigest(deps.db))
    .update(code)
    .digest('hex');
  if ((await readSetting(deps.db, INDEXED_KEY)) === digest) return { orgs: 0 };
  const counts = await reindexAll(deps, ['orgs']);
  await writeSetting(deps.db, INDEXED_KEY, digest);
  return { orgs: counts.orgs ?? 0 };
}
