import type { FastifyInstance } from 'fastify';
import { defineAuditNames } from '../../platform/audit/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { ModuleManifest } from '../manifest.ts';
import { orgsApi } from './api/index.ts';
import { generateOrganizations } from './generate-organizations.ts';
import { orgsMessages } from './messages.ts';
import { type OfficialRow, type OrgRow, type OrgSectionRow, orgsRepository } from './orgs.repository.ts';
import { indexOrgSection, orgsSearch } from './orgs.search.ts';
import { orgsWeb } from './web/index.tsx';

export { type Duty, duties, type OrgKind, type OrgLevel, orgKinds, orgLevels } from './orgs.input.ts';
export { canManageOrg } from './orgs.policy.ts';
export type { OfficialRow, OrgRow, OrgSectionRow } from './orgs.repository.ts';
export { reindexOrgsIfChanged } from './orgs.search.ts';
export { type SeedOrganizationsResult, seedOrganizations } from './seed-organizations.ts';

/** An organisation by its slug, for other modules' routes under /orgs/<slug>/…; undefined when unknown. */
export function findOrganizationBySlug(db: DbOrTx, slug: string): Promise<OrgRow | undefined> {
  return orgsRepository.findBySlug(db, slug);
}

export function findOrganizationById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  return orgsRepository.findById(db, id);
}

/** Several organisations by id in one query (lists that show each row's organisation). */
export function findOrganizationsByIds(db: DbOrTx, ids: string[]): Promise<OrgRow[]> {
  return ids.length === 0 ? Promise.resolve([]) : orgsRepository.findByIds(db, ids);
}

/** An organisation's responsible officials, for other modules' pages ("who is responsible"). */
export function listResponsibleOfficials(db: DbOrTx, orgId: string): Promise<OfficialRow[]> {
  return orgsRepository.officials(db, orgId);
}

/** The enabled sections of these organisations' homes (monitoring counts the filled ones). */
export function listOrgSections(db: DbOrTx, orgIds: string[]): Promise<OrgSectionRow[]> {
  return orgsRepository.sectionsOf(db, orgIds);
}

/** Every organisation, government first, for region-wide views (search, rating, open data). */
export function listAllOrganizations(db: DbOrTx): Promise<OrgRow[]> {
  return orgsRepository.list(db);
}

type SectionInput = Omit<
  OrgSectionRow,
  'id' | 'filledAt' | 'enabled' | 'summaryRu' | 'summaryEn' | 'concept' | 'responsibleDuty'
> &
  Partial<Pick<OrgSectionRow, 'enabled' | 'summaryRu' | 'summaryEn' | 'concept' | 'responsibleDuty'>>;

/**
 * A module adds or rewrites its section of an organisation's home by key
 * (titles, summary, path below /orgs/<slug>/, position, responsible duty).
 */
export async function upsertOrgSection(db: DbOrTx, section: SectionInput): Promise<void> {
  await orgsRepository.upsertSections(db, [section]);
}

/**
 * The same for many sections in one statement (a module registering its sections for every
 * organisation at start); rows already as given are not rewritten. Returns how many were added or changed.
 */
export function upsertOrgSections(db: DbOrTx, sections: SectionInput[]): Promise<number> {
  return orgsRepository.upsertSections(db, sections);
}

/**
 * The module that serves a section marks it filled once it has content (or
 * empty again with null); the home then stops showing it as empty. Returns
 * false when the organisation has no section with that key.
 */
export async function markOrgSectionFilled(
  db: DbOrTx,
  orgId: string,
  key: string,
  at: Date | null,
): Promise<boolean> {
  const changed = (await orgsRepository.setSectionFilled(db, orgId, key, at)) > 0;
  if (changed) {
    // The section joins search once it has content and leaves it when emptied.
    const org = await orgsRepository.findById(db, orgId);
    const section = (await orgsRepository.sections(db, orgId)).find((s) => s.key === key);
    if (org && section) await indexOrgSection(db, org, section);
  }
  return changed;
}

/** Public URLs for the sitemap: the list, each home, its officials and its sections. */
async function orgsSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const orgs = await orgsRepository.list(db);
  const sections = await orgsRepository.sectionsOf(
    db,
    orgs.map((o) => o.id),
  );
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  return [
    '/orgs',
    ...orgs.flatMap((o) => [`/orgs/${o.slug}`, `/orgs/${o.slug}/officials`]),
    ...sections.map((s) => `/orgs/${slugOf.get(s.orgId)}/${s.path}`),
  ];
}

/** The audit log names organisations by id; the viewer asks orgs for their names (and its filter's list). */
const orgsAuditNames = defineAuditNames({
  module: 'orgs',
  organisations: async (db) =>
    (await orgsRepository.list(db)).map((o) => ({ id: o.id, nameRu: o.nameRu, nameEn: o.nameEn })),
});

/** The region, its executive bodies and municipalities: their homes, sections and responsible officials. */
export const orgsModule: ModuleManifest = {
  name: 'orgs',
  messages: orgsMessages,
  web: orgsWeb,
  api: orgsApi,
  sitemap: orgsSitemap,
  search: orgsSearch,
  auditNames: orgsAuditNames,
  generate: { run: generateOrganizations },
};
