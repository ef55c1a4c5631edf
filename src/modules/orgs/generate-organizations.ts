import type { GenerateContext, GenerateReport } from '../../platform/generate/index.ts';
import { reindexAll } from '../../platform/search/index.ts';
import { sectionsForLevel } from './data/index.ts';
import { orgsRepository as repo } from './orgs.repository.ts';

const PLACES = [
  'Берёзовка',
  'Сосновка',
  'Заречье',
  'Луговое',
  'Ольховка',
  'Рябиновка',
  'Каштановка',
  'Морское',
  'Янтарное',
  'Липовка',
  'Дубровка',
  'Светлое',
  'Озёрки',
  'Полевое',
  'Ясная Поляна',
  'Ореховка',
  'Высокое',
  'Кленовое',
];

/**
 * A region has about 100 bodies that publish and take appeals: the real
 * region's 46 (seeded from data) plus generated municipal institutions under
 * its municipal okrugs (`gen-<n>`), up to 100 × scale (never fewer than the seeded ones).
 */
export async function generateOrganizations(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('orgs');
  const existing = await repo.list(db);
  const want = Math.round(100 * ctx.scale);
  const parents = existing.filter((o) => o.level === 'municipal');
  let added = 0;
  await db.transaction(async (tx) => {
    for (let i = 1; existing.length + added < want && parents.length > 0; i++) {
      const parent = rnd.pick(parents);
      const place = `${rnd.pick(PLACES)}-${i}`;
      const { id } = await repo.upsertFromData(tx, {
        slug: `gen-${i}`,
        code: `GEN${i}`,
        kind: 'other',
        level: 'municipal',
        nameRu: `Администрация поселения ${place} (${parent.shortNameRu ?? parent.nameRu})`,
        nameEn: `Administration of ${place} settlement`,
        shortNameRu: `Поселение ${place}`,
        sortOrder: 10_000 + i,
        sourceNote: 'Сгенерировано для нагрузочных испытаний (npm run generate).',
      });
      await repo.setParent(tx, id, parent.id);
      await repo.insertSectionsIfMissing(
        tx,
        sectionsForLevel('municipal').map((s, n) => ({
          orgId: id,
          key: s.key,
          path: s.path,
          concept: s.concept,
          responsibleDuty: s.responsibleDuty,
          titleRu: s.titleRu,
          titleEn: s.titleEn,
          summaryRu: s.summaryRu,
          summaryEn: s.summaryEn,
          position: (n + 1) * 10,
        })),
      );
      added++;
    }
  });
  // the new bodies' homes in search, as the seed indexes the real ones
  await reindexAll(ctx.deps, ['orgs']);
  return { organizations: existing.length + added, generated: added };
}
