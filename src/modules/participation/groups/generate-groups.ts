import { copyRows } from '../../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../../platform/generate/index.ts';
import { type SearchEntryInput, searchIndex } from '../../../platform/search/index.ts';
import { listGeneratedCitizens } from '../../accounts/index.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { periodOf } from './period.ts';

const GROUPS = [
  { name: 'Предприниматели', who: 'Малый и средний бизнес области.' },
  { name: 'Родители школьников', who: 'Родительские комитеты школ.' },
  { name: 'Пациентские организации', who: 'Общественные организации пациентов.' },
  { name: 'Ветераны', who: 'Советы ветеранов муниципальных образований.' },
];

/** The quarter before `period` (2026-Q1 → 2025-Q4). */
function previous(period: string): string {
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/**
 * `npm run generate`: reference groups of every organisation with approved
 * members (generated citizens) and their ratings of the body for the last eight
 * quarters, through COPY; the groups join the search index.
 */
export async function generateGroups(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('participation.groups');
  const orgs = await listAllOrganizations(db);
  const citizens = await listGeneratedCitizens(db);
  if (citizens.length === 0 || orgs.length === 0) return { groups: 0, members: 0, ratings: 0 };
  const perGroup = Math.min(citizens.length, scaled(ctx, 300, 5));
  const groups: unknown[][] = [];
  const members: unknown[][] = [];
  const ratings: unknown[][] = [];
  const entries: SearchEntryInput[] = [];
  const created = new Date(ctx.until.getTime() - 2 * 365 * 86_400_000);
  for (const org of orgs)
    for (const g of GROUPS) {
      const id = rnd.uuid();
      const why = 'Их оценка показывает, как работают каналы обратной связи.';
      const how = 'Встречи раз в квартал, опросы и онлайн-консультации.';
      const channels = 'Встречи, электронная почта, онлайн-консультации.';
      groups.push([id, org.id, g.name, g.who, why, how, channels, false, created, created]);
      entries.push({
        id: `reference_group:${id}`,
        module: 'participation.groups',
        type: 'reference_group',
        orgId: org.id,
        title: g.name,
        body: [g.who, why, how, channels].join('\n\n'),
        url: `/orgs/${org.slug}/groups/${id}`,
        publishedAt: created,
      });
      const start = rnd.int(citizens.length);
      for (let k = 0; k < perGroup; k++) {
        const user = citizens[(start + k) % citizens.length] as { id: string };
        members.push([rnd.uuid(), id, user.id, 'approved', created, created]);
        let period = periodOf(ctx.until);
        for (let p = 0; p < 8; p++) {
          period = previous(period);
          if (rnd.chance(0.6))
            ratings.push([rnd.uuid(), id, user.id, period, rnd.between(2, 5), rnd.between(1, 5), created]);
        }
      }
    }
  await copyRows(
    db,
    'reference_groups',
    ['id', 'org_id', 'name', 'who', 'why', 'how', 'channels', 'needs_approval', 'created_at', 'updated_at'],
    groups as never,
  );
  await copyRows(
    db,
    'reference_group_members',
    ['id', 'group_id', 'user_id', 'status', 'created_at', 'decided_at'],
    members as never,
  );
  await copyRows(
    db,
    'reference_group_ratings',
    ['id', 'group_id', 'user_id', 'period', 'channels', 'work', 'created_at'],
    ratings as never,
  );
  await searchIndex.copy(db, entries);
  ctx.progress(
    `reference groups: ${groups.length} with ${members.length} members, ${ratings.length} ratings`,
  );
  return { groups: groups.length, members: members.length, ratings: ratings.length };
}
