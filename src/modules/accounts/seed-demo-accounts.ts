import type { GlobalRole, OrgRole, RoleGrant } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { devIdpCitizens } from './oidc/dev-idp.tsx';
import { DEV_IDP_PROVIDER } from './oidc/providers.ts';
import { orgIdBySlug } from './orgs-lookup.ts';
import { hashPassword } from './passwords.ts';
import { displayNameOf } from './sign-up.ts';

/** The one password of every demo account (listed in the README, demo only). */
export const DEMO_PASSWORD = 'demo-pass-2026';

type DemoAccount = {
  email: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  /** printed under the answers a signer signs */
  position?: string;
  role?: { role: OrgRole; org: 'government' | 'kaliningrad' } | { role: GlobalRole; org: null };
  esiaSubject?: string;
};

const orgStaff: [OrgRole, string, string, string][] = [
  ['editor', 'Белова', 'Ольга', 'Игоревна'],
  ['appeals_officer', 'Григорьев', 'Денис', 'Андреевич'],
  ['head', 'Лебедев', 'Константин', 'Викторович'],
  ['data_steward', 'Зайцева', 'Наталья', 'Олеговна'],
  ['council_secretary', 'Морозов', 'Илья', 'Сергеевич'],
  ['anti_corruption_officer', 'Егорова', 'Светлана', 'Петровна'],
  ['appeals_signer', 'Титов', 'Максим', 'Юрьевич'],
];
const cityStaff: [OrgRole, string, string, string][] = [
  ['editor', 'Новикова', 'Дарья', 'Алексеевна'],
  ['appeals_officer', 'Волков', 'Роман', 'Павлович'],
  ['head', 'Соловьёва', 'Ирина', 'Михайловна'],
  ['data_steward', 'Ковалёв', 'Артём', 'Дмитриевич'],
  ['council_secretary', 'Фёдорова', 'Юлия', 'Николаевна'],
  ['anti_corruption_officer', 'Павлов', 'Олег', 'Сергеевич'],
  ['appeals_signer', 'Орлова', 'Анна', 'Викторовна'],
];
/** Positions of the demo signers (the head and the authorised official of each body). */
const positions: Partial<Record<OrgRole, { government: string; kaliningrad: string }>> = {
  head: {
    government: 'Председатель Правительства Калининградской области',
    kaliningrad: 'Глава городского округа «Город Калининград»',
  },
  appeals_signer: {
    government: 'Заместитель председателя Правительства Калининградской области',
    kaliningrad: 'Заместитель главы администрации городского округа «Город Калининград»',
  },
};

const slugPart: Record<OrgRole, string> = {
  editor: 'editor',
  appeals_officer: 'appeals',
  head: 'head',
  data_steward: 'data',
  council_secretary: 'council',
  appeals_signer: 'signer',
  anti_corruption_officer: 'anticorruption',
};

const ivanova = devIdpCitizens[0];

/** Every demo account: one per role in the Government and in Kaliningrad city, the global roles, two citizens. */
export const demoAccounts: DemoAccount[] = [
  ...orgStaff.map(([role, lastName, firstName, patronymic]) => ({
    email: `${slugPart[role]}.government@open-region.example`,
    lastName,
    firstName,
    patronymic,
    ...(positions[role] ? { position: positions[role].government } : {}),
    role: { role, org: 'government' as const },
  })),
  ...cityStaff.map(([role, lastName, firstName, patronymic]) => ({
    email: `${slugPart[role]}.kaliningrad@open-region.example`,
    lastName,
    firstName,
    patronymic,
    ...(positions[role] ? { position: positions[role].kaliningrad } : {}),
    role: { role, org: 'kaliningrad' as const },
  })),
  {
    email: 'project.office@open-region.example',
    lastName: 'Егорова',
    firstName: 'Светлана',
    patronymic: 'Валерьевна',
    role: { role: 'project_office', org: null },
  },
  {
    email: 'expert@open-region.example',
    lastName: 'Тихонов',
    firstName: 'Борис',
    patronymic: 'Аркадьевич',
    role: { role: 'expert', org: null },
  },
  {
    email: 'moderator@open-region.example',
    lastName: 'Яковлева',
    firstName: 'Алина',
    patronymic: 'Руслановна',
    role: { role: 'moderator', org: null },
  },
  {
    email: 'admin@open-region.example',
    lastName: 'Администратор',
    firstName: 'Демо',
    patronymic: null,
    role: { role: 'admin', org: null },
  },
  {
    email: 'citizen@open-region.example',
    lastName: 'Кузьмин',
    firstName: 'Павел',
    patronymic: 'Андреевич',
  },
  {
    email: ivanova.email,
    lastName: ivanova.familyName,
    firstName: ivanova.givenName,
    patronymic: ivanova.middleName,
    esiaSubject: ivanova.subject,
  },
];

/**
 * The demo accounts (SEED=demo), marked is_demo, all with DEMO_PASSWORD.
 * Idempotent: an existing e-mail is left as it is. Organisations are looked
 * up by slug ('government', 'kaliningrad'), so run it after the organisations seed.
 */
export async function seedDemoAccounts(deps: Deps): Promise<{ created: number }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = {
    government: await orgIdBySlug(deps.db, 'government'),
    kaliningrad: await orgIdBySlug(deps.db, 'kaliningrad'),
  };
  let created = 0;
  await deps.db.transaction(async (tx) => {
    for (const a of demoAccounts) {
      const user = await repo.insertUser(tx, {
        email: a.email,
        passwordHash,
        lastName: a.lastName,
        firstName: a.firstName,
        patronymic: a.patronymic,
        displayName: displayNameOf(a),
        position: a.position ?? null,
        emailVerifiedAt: now,
        identification: a.esiaSubject ? 'esia' : 'email',
        identityLevel: a.esiaSubject ? 'verified' : null,
        isDemo: true,
        createdAt: now,
        updatedAt: now,
      });
      if (!user) continue;
      created++;
      if (a.esiaSubject) await repo.insertIdentity(tx, user.id, DEV_IDP_PROVIDER, a.esiaSubject);
      if (!a.role) continue;
      const orgId = a.role.org ? orgIds[a.role.org] : null;
      if (a.role.org && !orgId) {
        deps.log.warn({ org: a.role.org }, 'demo accounts: organisation not seeded, role skipped');
        continue;
      }
      const grant: RoleGrant = { role: a.role.role, orgId: orgId ?? null };
      await repo.insertRoleAssignment(tx, user.id, grant);
    }
  });
  return { created };
}
