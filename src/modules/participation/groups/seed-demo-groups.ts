import type { Deps } from '../../../platform/deps.ts';
import { demoAccounts, findUserIdByEmail } from '../../accounts/index.ts';
import { findOrganizationBySlug } from '../../orgs/index.ts';
import { groupsRepository as repo } from './groups.repository.ts';
import { indexGroup } from './groups.search.ts';
import { periodOf } from './period.ts';

type DemoGroup = {
  org: string;
  name: string;
  who: string;
  why: string;
  how: string;
  channels: string;
  needsApproval: boolean;
  /** the demo citizens join it */
  citizens: boolean;
  /** ratings per period back from the current one: [channels, work][] by member */
  ratings: [number, number][][];
  referred?: boolean;
};

const DEMO: DemoGroup[] = [
  {
    org: 'government',
    name: 'Предприниматели малого и среднего бизнеса',
    who: 'Индивидуальные предприниматели, малые и средние предприятия региона и их объединения.',
    why: 'Решения правительства о налогах, поддержке и проверках напрямую влияют на бизнес; без обратной связи меры поддержки не доходят до адресата.',
    how: 'Ежеквартальные встречи с вице-губернатором, оценка регулирующего воздействия проектов актов, опросы о мерах поддержки.',
    channels:
      'Рабочие встречи раз в квартал; онлайн-консультации; обсуждение проектов актов на портале; рассылка новостей.',
    needsApproval: false,
    citizens: false,
    ratings: [
      [
        [4, 3],
        [3, 3],
        [5, 4],
        [4, 4],
      ],
      [
        [3, 3],
        [3, 2],
        [4, 3],
      ],
    ],
    referred: true,
  },
  {
    org: 'minzdrav',
    name: 'Пациентские организации',
    who: 'Общественные организации пациентов с хроническими и редкими заболеваниями, их представители.',
    why: 'Пациентские организации первыми видят перебои с лекарствами и очереди к специалистам.',
    how: 'Участие в комиссии по лекарственному обеспечению, ежемесячный обмен информацией о перебоях, совместные проверки.',
    channels:
      'Горячая линия для представителей организаций; ежемесячные встречи; онлайн-консультации министерства.',
    needsApproval: true,
    citizens: true,
    ratings: [
      [
        [3, 4],
        [2, 3],
        [4, 4],
      ],
      [
        [2, 3],
        [3, 3],
      ],
    ],
  },
  {
    org: 'minobr',
    name: 'Родительское сообщество',
    who: 'Родители школьников и дошкольников, члены управляющих советов школ.',
    why: 'Родители — основные получатели услуг системы образования и самый быстрый источник сигналов о проблемах.',
    how: 'Региональный родительский совет, опросы о качестве питания и зачислении, публичные слушания по изменениям правил приёма.',
    channels: 'Родительский совет; опросы на портале; онлайн-консультации о зачислении.',
    needsApproval: false,
    citizens: false,
    ratings: [
      [
        [4, 4],
        [5, 4],
        [3, 3],
        [4, 5],
      ],
    ],
  },
  {
    org: 'kaliningrad',
    name: 'Старосты и органы ТОС',
    who: 'Старосты микрорайонов и советы территориального общественного самоуправления Калининграда.',
    why: 'Через старост администрация узнаёт о проблемах дворов и кварталов раньше, чем они становятся жалобами.',
    how: 'Встречи с главой администрации, совместный план благоустройства, приоритизация дворов для ремонта.',
    channels: 'Встречи раз в месяц; чат старост; онлайн-консультации по городскому хозяйству.',
    needsApproval: true,
    citizens: true,
    ratings: [
      [
        [4, 3],
        [4, 4],
      ],
    ],
  },
  {
    org: 'zelenogradsk',
    name: 'Предприниматели курортной зоны',
    who: 'Владельцы гостиниц, кафе и сервисов на побережье.',
    why: 'Курортный сезон определяет экономику округа; решения о набережной и сборе касаются их напрямую.',
    how: 'Совет по туризму при главе, обсуждение программы благоустройства, отчёт о расходовании курортного сбора.',
    channels: 'Совет по туризму; рассылка; обсуждение программ на портале.',
    needsApproval: false,
    citizens: false,
    ratings: [],
  },
];

const DEMO_ORGANISATIONS = ['АНО «Здоровье вместе»', 'Союз предпринимателей «Янтарный край»', null, null];

/** The previous quarter of `YYYY-Qn`. */
function previous(period: string): string {
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/**
 * SEED=demo: reference groups in the government, two ministries and two
 * municipalities; the demo citizens in two of them; members' ratings for the
 * last quarters (members without accounts stand for the rest of the group).
 */
export async function seedDemoGroups(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ groups: number }> {
  if ((await repo.groupsOf(deps.db, 'all')).length > 0) return { groups: 0 };
  const now = deps.clock.now();
  const citizens = (
    await Promise.all(
      demoAccounts.filter((a) => !('role' in a && a.role)).map((a) => findUserIdByEmail(deps.db, a.email)),
    )
  ).filter((id): id is string => id !== undefined);
  let n = 0;
  await deps.db.transaction(async (tx) => {
    for (const d of DEMO) {
      const org = await findOrganizationBySlug(tx, d.org);
      if (!org) continue;
      const { ratings, citizens: withCitizens, referred, org: _, ...fields } = d;
      const group = await repo.insertGroup(tx, { orgId: org.id, ...fields });
      await indexGroup(tx, group, org);
      n++;
      if (withCitizens)
        for (const userId of citizens)
          await repo.upsertMember(tx, {
            groupId: group.id,
            userId,
            organisation: null,
            status: 'approved',
            decidedAt: now,
          });
      let period = periodOf(now);
      for (const round of ratings) {
        for (const [i, [channels, work]] of round.entries()) {
          // a stable id per group and member, so a member rates each period once
          const userId = `00000000-0000-4000-8${String(n).padStart(3, '0')}-${String(i + 1).padStart(12, '0')}`;
          if (period === periodOf(now))
            await repo.upsertMember(tx, {
              groupId: group.id,
              userId,
              organisation: DEMO_ORGANISATIONS[i % DEMO_ORGANISATIONS.length] ?? null,
              status: 'approved',
              decidedAt: now,
            });
          await repo.upsertRating(tx, { groupId: group.id, userId, period, channels, work, comment: null });
        }
        period = previous(period);
      }
      if (referred)
        await repo.insertReferral(tx, {
          groupId: group.id,
          period: previous(periodOf(now)),
          note: 'Итоги опроса о мерах поддержки: низкая оценка доступности консультаций.',
          referredAt: new Date(now.getTime() - 20 * 86_400_000),
        });
    }
  });
  return { groups: n };
}
