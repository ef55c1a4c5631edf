import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { copyRows } from '../../platform/db/copy.ts';
import { type GenerateContext, type GenerateReport, scaled } from '../../platform/generate/index.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { hashPassword } from './passwords.ts';

/** Every generated account signs in with this password (benchmark data, never a real deployment's). */
export const GENERATED_PASSWORD = 'generated-bench-password';
/** The e-mail domain of generated accounts: citizen-<n>@…, staff-<org code>@… */
export const GENERATED_DOMAIN = 'generated.example';

const LAST = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Соколов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Волков',
  'Алексеев',
  'Фёдоров',
  'Михайлов',
  'Беляев',
];
const FIRST_M = [
  'Александр',
  'Сергей',
  'Дмитрий',
  'Андрей',
  'Алексей',
  'Максим',
  'Иван',
  'Михаил',
  'Николай',
  'Павел',
];
const FIRST_F = [
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Анна',
  'Мария',
  'Ирина',
  'Светлана',
  'Екатерина',
  'Юлия',
];
const PATR_M = [
  'Александрович',
  'Сергеевич',
  'Дмитриевич',
  'Андреевич',
  'Иванович',
  'Петрович',
  'Николаевич',
];
const PATR_F = [
  'Александровна',
  'Сергеевна',
  'Дмитриевна',
  'Андреевна',
  'Ивановна',
  'Петровна',
  'Николаевна',
];

/**
 * Citizens (a tenth of them identified through ЕСИА-style providers would be
 * realistic; all are marked identified here so every one may submit an
 * appeal) and, for every organisation, an appeals officer and a head.
 */
export async function generateAccounts(ctx: GenerateContext): Promise<GenerateReport> {
  const { db } = ctx.deps;
  const rnd = ctx.random('accounts');
  const citizens = scaled(ctx, 100_000, 50);
  const hash = await hashPassword(GENERATED_PASSWORD);
  const created = new Date(ctx.until.getTime() - 5 * 365 * 86_400_000);
  const orgs = await listAllOrganizations(db);
  const staff: { id: string; orgId: string; role: string }[] = [];
  function* users() {
    for (let i = 1; i <= citizens; i++) {
      const female = rnd.chance(0.55);
      const last = rnd.pick(LAST) + (female ? 'а' : '');
      const first = rnd.pick(female ? FIRST_F : FIRST_M);
      const patr = rnd.pick(female ? PATR_F : PATR_M);
      yield [
        rnd.uuid(),
        `citizen-${i}@${GENERATED_DOMAIN}`,
        hash,
        last,
        first,
        patr,
        `${first} ${last}`,
        created,
        'esia',
        'verified',
      ];
    }
    for (const o of orgs) {
      for (const role of ['appeals_officer', 'head'] as const) {
        const id = rnd.uuid();
        staff.push({ id, orgId: o.id, role });
        const who = role === 'head' ? 'head' : 'staff';
        yield [
          id,
          `${who}-${o.code.toLowerCase()}@${GENERATED_DOMAIN}`,
          hash,
          rnd.pick(LAST),
          rnd.pick(FIRST_M),
          null,
          `${role === 'head' ? 'Руководитель' : 'Специалист'} ${o.code}`,
          created,
          'email',
          null,
        ];
      }
    }
  }
  const n = await copyRows(
    db,
    'users',
    [
      'id',
      'email',
      'password_hash',
      'last_name',
      'first_name',
      'patronymic',
      'display_name',
      'email_verified_at',
      'identification',
      'identity_level',
    ],
    users(),
  );
  await copyRows(
    db,
    'role_assignments',
    ['id', 'user_id', 'role', 'org_id'],
    staff.map((s) => [rnd.uuid(), s.id, s.role, s.orgId]),
  );
  // the openness monitoring's people (global roles): the project office and a pool of independent experts,
  // from a stream of their own so the citizens and staff above stay as they were
  const pool = ctx.random('accounts.pool');
  const people = [
    {
      id: pool.uuid(),
      email: `project.office@${GENERATED_DOMAIN}`,
      role: 'project_office',
      name: 'Проектный офис',
    },
    ...Array.from({ length: scaled(ctx, 20, 3) }, (_, i) => ({
      id: pool.uuid(),
      email: `expert-${i + 1}@${GENERATED_DOMAIN}`,
      role: 'expert',
      name: `${pool.pick(FIRST_M)} ${pool.pick(LAST)}, эксперт`,
    })),
  ];
  await copyRows(
    db,
    'users',
    ['id', 'email', 'password_hash', 'display_name', 'email_verified_at', 'identification'],
    people.map((p) => [p.id, p.email, hash, p.name, created, 'email']),
  );
  await copyRows(
    db,
    'role_assignments',
    ['id', 'user_id', 'role', 'org_id'],
    people.map((p) => [pool.uuid(), p.id, p.role, null]),
  );
  return { users: n + people.length, citizens, staffRoles: staff.length, pool: people.length };
}

/** The generated project office and experts (global roles), for the monitoring's generator. */
export async function listGeneratedPool(
  db: DbOrTx,
): Promise<{ projectOffice: string | undefined; experts: string[] }> {
  const r = await db.execute(
    sql`select r.user_id as "userId", r.role from role_assignments r join users u on u.id = r.user_id
        where u.email like ${`%@${GENERATED_DOMAIN}`} and r.org_id is null order by u.email`,
  );
  const rows = r.rows as { userId: string; role: string }[];
  return {
    projectOffice: rows.find((x) => x.role === 'project_office')?.userId,
    experts: rows.filter((x) => x.role === 'expert').map((x) => x.userId),
  };
}

/** The generated citizens (id and name), in e-mail order, for other modules' generators (appeal authors). */
export async function listGeneratedCitizens(
  db: DbOrTx,
): Promise<{ id: string; lastName: string; firstName: string; email: string }[]> {
  const r = await db.execute(
    sql`select id, last_name as "lastName", first_name as "firstName", email from users
        where email like ${`citizen-%@${GENERATED_DOMAIN}`} order by created_at, email`,
  );
  return r.rows as { id: string; lastName: string; firstName: string; email: string }[];
}

/** The generated staff of an organisation by role, for other modules' generators (who answered). */
export async function listGeneratedStaff(
  db: DbOrTx,
): Promise<{ userId: string; orgId: string; role: string }[]> {
  const r = await db.execute(
    sql`select r.user_id as "userId", r.org_id as "orgId", r.role from role_assignments r join users u on u.id = r.user_id
        where u.email like ${`%@${GENERATED_DOMAIN}`} and r.org_id is not null`,
  );
  return r.rows as { userId: string; orgId: string; role: string }[];
}
