import { describe, expect, it } from 'vitest';
import {
  type Actor,
  anonymous,
  globalRoles,
  hasAnyOrgRole,
  hasGlobalRole,
  hasOrgRole,
  isSignedIn,
  isStaff,
  orgIdsWithRole,
  orgRoles,
  type Role,
  userActor,
} from './index.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** Every kind of actor: anonymous, a citizen without roles, each org role (in org A), each global role. */
const actors: Record<string, Actor> = {
  anonymous,
  citizen: userActor('u-citizen', []),
  ...Object.fromEntries(orgRoles.map((r) => [r, userActor(`u-${r}`, [{ role: r, orgId: A }])])),
  ...Object.fromEntries(globalRoles.map((r) => [r, userActor(`u-${r}`, [{ role: r, orgId: null }])])),
};

/*
 * Truth tables, written out by hand (X = true, . = false).
 * hasOrgRole columns: editor, appeals_officer, appeals_signer, anti_corruption_officer, head, data_steward,
 * council_secretary in org A | the same in org B.
 * hasGlobalRole columns: project_office, expert, moderator, admin.
 */
const table: Record<string, { signedIn: boolean; staff: boolean; org: string; global: string }> = {
  anonymous: /*               */ { signedIn: false, staff: false, org: '.......|.......', global: '....' },
  citizen: /*                 */ { signedIn: true, staff: false, org: '.......|.......', global: '....' },
  editor: /*                  */ { signedIn: true, staff: true, org: 'X......|.......', global: '....' },
  appeals_officer: /*         */ { signedIn: true, staff: true, org: '.X.....|.......', global: '....' },
  appeals_signer: /*          */ { signedIn: true, staff: true, org: '..X....|.......', global: '....' },
  anti_corruption_officer: /* */ { signedIn: true, staff: true, org: '...X...|.......', global: '....' },
  head: /*                    */ { signedIn: true, staff: true, org: '....X..|.......', global: '....' },
  data_steward: /*            */ { signedIn: true, staff: true, org: '.....X.|.......', global: '....' },
  council_secretary: /*       */ { signedIn: true, staff: true, org: '......X|.......', global: '....' },
  project_office: /*          */ { signedIn: true, staff: true, org: '.......|.......', global: 'X...' },
  expert: /*                  */ { signedIn: true, staff: true, org: '.......|.......', global: '.X..' },
  moderator: /*               */ { signedIn: true, staff: true, org: '.......|.......', global: '..X.' },
  // administrators hold every org role but the confidential one (anti_corruption_officer): it must be granted
  admin: /*                   */ { signedIn: true, staff: true, org: 'XXX.XXX|XXX.XXX', global: '...X' },
};

const cases = Object.entries(table).flatMap(([who, row]) => {
  const actor = actors[who] as Actor;
  const [inA = '', inB = ''] = row.org.split('|');
  return [
    { who, check: 'isSignedIn', actual: () => isSignedIn(actor), expected: row.signedIn },
    { who, check: 'isStaff', actual: () => isStaff(actor), expected: row.staff },
    ...orgRoles.flatMap((role, i) => [
      {
        who,
        check: `hasOrgRole(${role}, A)`,
        actual: () => hasOrgRole(actor, role, A),
        expected: inA[i] === 'X',
      },
      {
        who,
        check: `hasOrgRole(${role}, B)`,
        actual: () => hasOrgRole(actor, role, B),
        expected: inB[i] === 'X',
      },
    ]),
    ...globalRoles.map((role, i) => ({
      who,
      check: `hasGlobalRole(${role})`,
      actual: () => hasGlobalRole(actor, role),
      expected: row.global[i] === 'X',
    })),
  ];
});

describe('platform authz truth table', () => {
  it('covers every role', () => {
    expect(Object.keys(table).sort()).toEqual(['anonymous', 'citizen', ...orgRoles, ...globalRoles].sort());
  });

  it.each(cases)('$who: $check → $expected', ({ actual, expected }) => {
    expect(actual()).toBe(expected);
  });

  it('a global grant never counts as an org role, and an org grant never as a global one', () => {
    const odd = userActor('u-odd', [{ role: 'editor' as Role, orgId: null }]);
    expect(hasOrgRole(odd, 'editor', A)).toBe(false);
    const odd2 = userActor('u-odd2', [{ role: 'admin' as Role, orgId: A }]);
    expect(hasGlobalRole(odd2, 'admin')).toBe(false);
    expect(hasOrgRole(odd2, 'editor', A)).toBe(false);
  });

  it('lists the organisations where a person holds a role', () => {
    const two = userActor('u-two', [
      { role: 'editor', orgId: A },
      { role: 'head', orgId: B },
      { role: 'editor', orgId: B },
    ]);
    expect(orgIdsWithRole(two, ['editor'])).toEqual([A, B]);
    expect(orgIdsWithRole(two, ['head'])).toEqual([B]);
    expect(orgIdsWithRole(anonymous, ['editor'])).toEqual([]);
    expect(orgIdsWithRole(actors.admin as Actor, ['editor'])).toBe('all');
    expect(orgIdsWithRole(actors.admin as Actor, ['anti_corruption_officer'])).toEqual([]);
    const grantedAdmin = userActor('u-admin-ac', [
      { role: 'admin', orgId: null },
      { role: 'anti_corruption_officer', orgId: B },
    ]);
    expect(orgIdsWithRole(grantedAdmin, ['anti_corruption_officer'])).toEqual([B]);
    expect(hasOrgRole(grantedAdmin, 'anti_corruption_officer', B)).toBe(true);
    expect(hasOrgRole(grantedAdmin, 'anti_corruption_officer', A)).toBe(false);
    expect(hasAnyOrgRole(two, ['head', 'data_steward'], A)).toBe(false);
    expect(hasAnyOrgRole(two, ['head', 'data_steward'], B)).toBe(true);
  });
});
