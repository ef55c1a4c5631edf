import { describe, expect, it } from 'vitest';
import { type Actor, anonymous, userActor } from '../../platform/authz/index.ts';
import { publicSidePolicy } from './public.policy.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const user = (grants: Parameters<typeof userActor>[1]) => userActor('u1', grants);

describe('public side of appeals: who keeps a body’s FAQ and reviews (truth table)', () => {
  const table: [string, Actor, boolean, boolean][] = [
    // who, actor, canManage(ORG), canManageAny
    ['anonymous', anonymous, false, false],
    ['citizen without roles', user([]), false, false],
    ['appeals officer of this body', user([{ role: 'appeals_officer', orgId: ORG }]), true, true],
    ['head of this body', user([{ role: 'head', orgId: ORG }]), true, true],
    ['editor of this body', user([{ role: 'editor', orgId: ORG }]), true, true],
    ['appeals officer of another body', user([{ role: 'appeals_officer', orgId: OTHER }]), false, true],
    ['data steward of this body', user([{ role: 'data_steward', orgId: ORG }]), false, false],
    ['project office (global)', user([{ role: 'project_office', orgId: null }]), false, false],
    ['administrator', user([{ role: 'admin', orgId: null }]), true, true],
  ];
  for (const [who, actor, manage, any] of table) {
    it(who, () => {
      expect(publicSidePolicy.canManage(actor, ORG)).toBe(manage);
      expect(publicSidePolicy.canManageAny(actor)).toBe(any);
    });
  }

  it('lists the bodies kept, or all for administrators', () => {
    expect(
      publicSidePolicy.managedOrgIds(
        user([
          { role: 'head', orgId: ORG },
          { role: 'editor', orgId: OTHER },
        ]),
      ),
    ).toEqual([ORG, OTHER]);
    expect(publicSidePolicy.managedOrgIds(user([{ role: 'admin', orgId: null }]))).toBe('all');
  });
});
