import { describe, expect, it } from 'vitest';
import { type Actor, anonymous, globalRoles, orgRoles, type RoleGrant } from '../authz/index.ts';
import { managePolicy } from './manage.policy.ts';

const person = (grants: RoleGrant[]): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  displayName: 'Тест',
  email: 't@example.test',
  identification: 'email',
  identityLevel: null,
  emailVerified: true,
  grants,
});
const ORG = '00000000-0000-4000-8000-0000000000aa';

const cases: [string, Actor, boolean][] = [
  ['anonymous', anonymous, false],
  ['citizen', person([]), false],
  ...globalRoles.map((r): [string, Actor, boolean] => [
    `global ${r}`,
    person([{ role: r, orgId: null }]),
    r === 'admin',
  ]),
  ...orgRoles.map((r): [string, Actor, boolean] => [
    `${r} of an organisation`,
    person([{ role: r, orgId: ORG }]),
    false,
  ]),
  // "admin" granted inside one organisation is not the global role
  ['admin bound to an organisation', person([{ role: 'admin', orgId: ORG }]), false],
];

describe('managePolicy (truth table)', () => {
  it.each(cases.map(([who, actor, allowed]) => ({ who, actor, allowed })))(
    '$who reads the audit log and the outbox: $allowed',
    ({ actor, allowed }) => {
      expect(managePolicy.canReadAuditLog(actor)).toBe(allowed);
      expect(managePolicy.canReadOutbox(actor)).toBe(allowed);
    },
  );
});
