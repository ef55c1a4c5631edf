import { describe, expect, it } from 'vitest';
import { type Actor, anonymous, globalRoles, orgRoles, userActor } from '../../platform/authz/index.ts';
import { accountsPolicy as p } from './accounts.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';

const actors: Record<string, Actor> = {
  anonymous,
  citizen: userActor('u-citizen', []),
  esiaCitizen: userActor('u-esia', [], { identification: 'esia', identityLevel: 'verified' }),
  ...Object.fromEntries(orgRoles.map((r) => [r, userActor(`u-${r}`, [{ role: r, orgId: A }])])),
  ...Object.fromEntries(globalRoles.map((r) => [r, userActor(`u-${r}`, [{ role: r, orgId: null }])])),
};

const selfId = (a: Actor) => (a.kind === 'user' ? a.userId : 'nobody');

/** Every action of the accounts policy, applied to an actor. */
const actions: Record<string, (a: Actor) => boolean> = {
  signUp: (a) => p.canSignUp(a),
  signIn: (a) => p.canSignIn(a),
  useEmailToken: (a) => p.canUseEmailToken(a),
  signOut: (a) => p.canSignOut(a),
  viewCabinet: (a) => p.canViewCabinet(a),
  editOwnAccount: (a) => p.canEditOwnAccount(a, selfId(a)),
  editOthersAccount: (a) => p.canEditOwnAccount(a, 'someone-else'),
  changeName: (a) => p.canChangeName(a),
  enterManage: (a) => p.canEnterManage(a),
  manageUsers: (a) => p.canManageUsers(a),
  grantRole: (a) => p.canGrantRole(a),
  revokeOthersRole: (a) => p.canRevokeRole(a, { userId: 'someone-else', role: 'admin' }),
  revokeOwnAdmin: (a) => p.canRevokeRole(a, { userId: selfId(a), role: 'admin' }),
  startKiosk: (a) => p.canStartKiosk(a),
};

// Columns in the order of `actions` above; X = allowed. Written by hand, not derived.
const staff = 'XXXXXX.XX....X';
const table: Record<string, string> = {
  anonymous: /*         */ 'XXX...........',
  citizen: /*           */ 'XXXXXX.X......',
  esiaCitizen: /*       */ 'XXXXXX........',
  editor: /*            */ staff,
  appeals_officer: /*   */ staff,
  appeals_signer: /*    */ staff,
  anti_corruption_officer: staff,
  head: /*              */ staff,
  data_steward: /*      */ staff,
  council_secretary: /* */ staff,
  project_office: /*    */ staff,
  expert: /*            */ staff,
  moderator: /*         */ staff,
  admin: /*             */ 'XXXXXX.XXXXX.X',
};

const names = Object.keys(actions);
const cases = Object.entries(table).flatMap(([who, row]) =>
  names.map((action, i) => ({ who, action, expected: row[i] === 'X' })),
);

describe('accounts policy truth table', () => {
  it('has a row for every kind of actor and a column for every action', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(actors).sort());
    for (const row of Object.values(table)) expect(row).toHaveLength(names.length);
  });

  it.each(cases)('$who may $action: $expected', ({ who, action, expected }) => {
    expect(actions[action]?.(actors[who] as Actor)).toBe(expected);
  });
});
