import { defineAuditNames } from '../../platform/audit/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { registerCabinetSection } from '../../platform/ui/cabinet-sections.ts';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository } from './accounts.repository.ts';
import { accountsApi } from './api/index.ts';
import { generateAccounts } from './generate-accounts.ts';
import { accountsMessages } from './messages.ts';
import { accountsWeb } from './web/index.ts';

export {
  GENERATED_DOMAIN,
  GENERATED_PASSWORD,
  listGeneratedCitizens,
  listGeneratedPool,
  listGeneratedStaff,
} from './generate-accounts.ts';
export { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from './seed-demo-accounts.ts';
export { accountsSession, SESSION_COOKIE } from './web/session-plugin.ts';

registerManageSection({
  key: 'accounts.users',
  href: '/manage/users',
  titleKey: 'accounts.manage.users.title',
  descriptionKey: 'accounts.manage.users.description',
  order: 90,
  visible: accountsPolicy.canManageUsers,
});

registerCabinetSection({
  key: 'accounts.tokens',
  href: '/cabinet/tokens',
  titleKey: 'accounts.tokens.title',
  descriptionKey: 'accounts.tokens.description',
  order: 90,
});

export { accountsPolicy };

/** A person's name parts, e-mail and position, for other modules' forms (the appeal form pre-fills them; an answer's signature). */
export async function findUserProfile(
  db: DbOrTx,
  userId: string,
): Promise<
  | {
      lastName: string | null;
      firstName: string | null;
      patronymic: string | null;
      email: string;
      locale: string;
      displayName: string;
      /** a staff member's position, printed under an answer they sign */
      position: string | null;
    }
  | undefined
> {
  const u = await accountsRepository.findUserById(db, userId);
  return u
    ? {
        lastName: u.lastName,
        firstName: u.firstName,
        patronymic: u.patronymic,
        email: u.email,
        locale: u.locale,
        displayName: u.displayName,
        position: u.position,
      }
    : undefined;
}

/** A person's name, e-mail and when the account was made, for other modules' notices (appeals' reminders to the assigned officer). */
export async function findUserContact(
  db: DbOrTx,
  userId: string,
): Promise<{ id: string; displayName: string; email: string; createdAt: Date } | undefined> {
  const u = await accountsRepository.findUserById(db, userId);
  return u ? { id: u.id, displayName: u.displayName, email: u.email, createdAt: u.createdAt } : undefined;
}

/** A person's id and name by e-mail, for other modules' demo content (the demo accounts comment, vote, apply). */
export async function findUserByEmail(
  db: DbOrTx,
  email: string,
): Promise<{ id: string; displayName: string } | undefined> {
  const u = await accountsRepository.findUserByEmail(db, email);
  return u ? { id: u.id, displayName: u.displayName } : undefined;
}

/** The people holding a global role (not disabled), for other modules' notices (the moderators' digest). */
export function findGlobalRoleHolders(
  db: DbOrTx,
  role: string,
): Promise<{ id: string; displayName: string; email: string }[]> {
  return accountsRepository.globalRoleHolders(db, role);
}

/** The id of the account with this e-mail (lower-cased), for other modules' staff forms and demo seeds. */
export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | null> {
  return (await accountsRepository.findUserByEmail(db, email.toLowerCase()))?.id ?? null;
}

/** The people holding one of these roles in the organisation (not disabled), by name, with the roles each holds. */
export function findOrgStaff(
  db: DbOrTx,
  orgId: string,
  roles: readonly string[],
): Promise<{ id: string; displayName: string; email: string; roles: string[] }[]> {
  return accountsRepository.orgStaff(db, orgId, roles);
}

/** The audit log names people by id; the viewer asks accounts for their names and e-mail addresses. */
const accountsAuditNames = defineAuditNames({
  module: 'accounts',
  people: async (db, ids) =>
    new Map((await accountsRepository.namesOf(db, ids)).map((u) => [u.id, { name: u.name, email: u.email }])),
  peopleByEmail: accountsRepository.idsByEmailPart,
});

/** People, sign-in (password and OpenID Connect), sessions, roles; /cabinet and /manage. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: accountsMessages,
  web: accountsWeb,
  api: accountsApi,
  auditNames: accountsAuditNames,
  generate: { after: ['orgs'], run: generateAccounts },
};
