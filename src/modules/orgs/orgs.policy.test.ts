import { describe, expect, it } from 'vitest';
import { type Actor, anonymous, type RoleGrant } from '../../platform/authz/index.ts';
import { canManageOrg, managedOrgIds, managesAllOrgs } from './orgs.policy.ts';

const ORG = { id: '00000000-0000-4000-8000-000000000001' };
const OTHER = '00000000-0000-4000-8000-000000000002';

function user(grants: RoleGrant[]): Actor {
  return {
    kind: 'user',
    userId: '00000000-0000-4000-8000-0000000000aa',
    displayName: 'Тест',
    email: 't@example.test',
    identification: 'email',
    identityLevel: null,
    emailVerified: true,
    grants,
  };
}

describe('canManageOrg as a truth table', () => {
  const rows: [string, Actor, boolean][] = [
    ['anonymous', anonymous, false],
    ['signed in, no roles', user([]), false],
    ['editor of this org', user([{ role: 'editor', orgId: ORG.id }]), true],
    ['head of this org', user([{ role: 'head', orgId: ORG.id }]), true],
    ['editor of another org', user([{ role: 'editor', orgId: OTHER }]), false],
    ['appeals officer of this org', user([{ role: 'appeals_officer', orgId: ORG.id }]), false],
    ['data steward of this org', user([{ role: 'data_steward', orgId: ORG.id }]), false],
    ['council secretary of this org', user([{ role: 'council_secretary', orgId: ORG.id }]), false],
    ['administrator', user([{ role: 'admin', orgId: null }]), true],
    ['project office', user([{ role: 'project_office', orgId: null }]), true],
    ['expert', user([{ role: 'expert', orgId: null }]), false],
    ['moderator', user([{ role: 'moderator', orgId: null }]), false],
  ];
  it.each(rows)('%s → %s', (_name, actor, expected) => {
    expect(canManageOrg(actor, ORG)).toBe(expected);
  });
});

describe('which organisations a person keeps', () => {
  it('lists the orgs of editor and head grants only, once each', () => {
    const a = user([
      { role: 'editor', orgId: ORG.id },
      { role: 'head', orgId: ORG.id },
      { role: 'appeals_officer', orgId: OTHER },
    ]);
    expect(managedOrgIds(a)).toEqual([ORG.id]);
    expect(managesAllOrgs(a)).toBe(false);
    expect(managedOrgIds(anonymous)).toEqual([]);
  });

  it('gives administrators and the project office all of them', () => {
    expect(managesAllOrgs(user([{ role: 'admin', orgId: null }]))).toBe(true);
    expect(managesAllOrgs(user([{ role: 'project_office', orgId: null }]))).toBe(true);
    expect(managesAllOrgs(user([{ role: 'expert', orgId: null }]))).toBe(false);
  });
});
