import type { Deps } from '../../../platform/deps.ts';
import { listAllOrganizations, upsertOrgSections } from '../../orgs/index.ts';

export const DISCUSSIONS_SECTION = 'discussions';

/** «Обсуждения» on every organisation's home (/orgs/<slug>/discussions); filled once it opens one. */
export async function registerDiscussionSections(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = await listAllOrganizations(tx);
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: DISCUSSIONS_SECTION,
        path: 'discussions',
        titleRu: 'Обсуждения',
        titleEn: 'Discussions',
        summaryRu: 'Темы, проекты и планы, которые орган обсуждает с жителями, и итоги обсуждений.',
        summaryEn: 'Topics, drafts and plans the body discusses with residents, and the outcomes.',
        concept: '8',
        position: 150,
      })),
    );
    return orgs.length;
  });
}
