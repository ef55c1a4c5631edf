import type { Deps } from '../../platform/deps.ts';
import { listAllOrganizations, upsertOrgSections } from '../orgs/index.ts';

/**
 * The «Нормотворчество и проекты НПА» section of every organisation's home
 * (key `regulation`, placed there by the orgs data) points at the body's
 * drafts, whose page links the legislative plan. Idempotent.
 */
export async function registerDraftSections(deps: Pick<Deps, 'db'>): Promise<number> {
  const orgs = await listAllOrganizations(deps.db);
  await deps.db.transaction(async (tx) => {
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((o) => ({
        orgId: o.id,
        key: 'regulation',
        titleRu: 'Нормотворчество и проекты НПА',
        titleEn: 'Rule-making and draft regulations',
        summaryRu:
          'План нормотворческой деятельности простым языком, обсуждение проектов нормативных актов по статьям и пунктам, сводки предложений.',
        summaryEn:
          'The legislative plan in plain language, public discussion of draft regulations clause by clause, summaries of proposals.',
        concept: '9',
        path: 'drafts',
        // where default-sections.json puts it for every level (ninth)
        position: 90,
        responsibleDuty: 'openness',
      })),
    );
  });
  return orgs.length;
}
