import type { Deps } from '../../../platform/deps.ts';
import { listAllOrganizations, markOrgSectionFilled, upsertOrgSections } from '../../orgs/index.ts';
import { practiceRepository as repo } from './practice.repository.ts';

/** The «Правоприменительная практика» section on every organisation's home (7.6). */
export async function registerPracticeSection(deps: Pick<Deps, 'db'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const orgs = await listAllOrganizations(tx);
    // one statement for every organisation (rows already as given are left alone)
    await upsertOrgSections(
      tx,
      orgs.map((org) => ({
        orgId: org.id,
        key: 'practice',
        path: 'practice',
        titleRu: 'Правоприменительная практика',
        titleEn: 'Law-enforcement practice',
        summaryRu: 'Спорные случаи применения актов органа, описанные жителями, и комментарии органа.',
        summaryEn:
          'Disputed cases of applying the body’s acts described by residents, with the body’s comments.',
        concept: '7.6',
        position: 700,
      })),
    );
    return orgs.length;
  });
}

/** A demo citizen's account id; the demo cases need no account to show. */
const DEMO_AUTHOR = '00000000-0000-4000-8000-00000000a7c6';

const DEMO = [
  {
    org: 'minzdrav',
    act: 'Приказ Министерства здравоохранения Калининградской области от 20.01.2025 № 31 «О порядке записи на приём к врачу-специалисту»',
    topic: 'health',
    description:
      'Направление к специалисту не приняли, потому что в нём не было печати поликлиники, хотя порядок печати не требует.',
    decision: 'Отказ в записи на приём по направлению',
    comment:
      'Порядок не требует печати на электронном направлении. Регистратурам поликлиник направлено разъяснение, заявитель записан на приём.',
    refer: 'reference_groups',
  },
  {
    org: 'minstroy',
    act: 'Постановление Правительства Калининградской области от 12.04.2024 № 180-п «О порядке выдачи разрешений на строительство»',
    topic: 'construction',
    description:
      'Заявителю отказали в разрешении на строительство гаража на своём участке, сославшись на «иные документы», которых нет в перечне порядка.',
    decision: 'Отказ в выдаче разрешения на строительство',
    comment:
      'Перечень документов в порядке закрытый; требование «иных документов» неправомерно. Решение отменено, заявителю выдано разрешение. Формулировку порядка уточним.',
    refer: 'public_council',
  },
  {
    org: 'minsoc',
    act: 'Приказ Министерства социальной политики Калининградской области от 03.02.2025 № 45 «О компенсации расходов на оплату ЖКУ»',
    topic: 'social',
    description:
      'Компенсацию пересчитали задним числом без уведомления: сумма за три месяца удержана из следующей выплаты.',
    decision: 'Перерасчёт компенсации за прошлые месяцы',
    comment:
      'Перерасчёт законен, но уведомление должно направляться до удержания. Проект изменений в приказ вынесен на обсуждение.',
    refer: 'reference_groups',
  },
] as const;

/** SEED=demo: two commented cases with referrals, the section marked filled. Idempotent. */
export async function seedDemoPractice(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ cases: number }> {
  const orgs = await listAllOrganizations(deps.db);
  let n = 0;
  await deps.db.transaction(async (tx) => {
    for (const d of DEMO) {
      const org = orgs.find((o) => o.slug === d.org);
      if (!org) continue;
      const existing = await repo.listPublished(tx, org.id, { act: d.act, limit: 1, offset: 0 });
      if (existing.total > 0) continue;
      const at = deps.clock.now();
      const c = await repo.insertCase(tx, {
        orgId: org.id,
        authorUserId: DEMO_AUTHOR,
        act: d.act,
        topic: d.topic,
        description: d.description,
        decision: d.decision,
        createdAt: at,
      });
      await repo.publish(tx, c.id, {
        publicDescription: d.description,
        comment: d.comment,
        commentedBy: null,
        at,
      });
      await repo.insertReferral(tx, {
        caseId: c.id,
        target: d.refer,
        note: '',
        referredBy: DEMO_AUTHOR,
        createdAt: at,
      });
      await markOrgSectionFilled(tx, org.id, 'practice', at);
      n++;
    }
  });
  return { cases: n };
}
