import type { Deps } from '../../platform/deps.ts';
import { listAllOrganizations, upsertOrgSections } from '../orgs/index.ts';

/** Every body's «Открытые данные» section points at its register, /orgs/<slug>/opendata/. */
export async function registerOpendataSections(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = await listAllOrganizations(tx);
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: 'open_data',
        path: 'opendata/',
        titleRu: 'Открытые данные',
        titleEn: 'Open data',
        summaryRu:
          'Наборы открытых данных органа, их паспорта и версии, опись информационных ресурсов, предложения граждан.',
        summaryEn:
          'The body’s open datasets, their passports and versions, the inventory of information resources, proposals.',
        concept: '10',
        responsibleDuty: 'open_data',
        position: 900,
      })),
    );
    return orgs.length;
  });
}
