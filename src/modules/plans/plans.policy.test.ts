import { describe, expect, it } from 'vitest';
import { anonymous, type RoleGrant, userActor } from '../../platform/authz/index.ts';
import { plansPolicy } from './plans.policy.ts';

const ORG = 'org-a';
const OTHER = 'org-b';
const as = (...grants: RoleGrant[]) => userActor('u', grants);
const plan = { orgId: ORG, isTemplate: false };
const template = { orgId: OTHER, isTemplate: true };

// Truth table: who may do what with a plan of ORG and with the template.
const table: [
  string,
  ReturnType<typeof as> | typeof anonymous,
  boolean,
  boolean,
  boolean,
  boolean,
  boolean,
][] = [
  // who, canEdit(plan), canEdit(template), canAgree, canApprove(plan), canRead(template)
  ['anonymous', anonymous, false, false, false, false, false],
  ['citizen', as(), false, false, false, false, false],
  ['editor of ORG', as({ role: 'editor', orgId: ORG }), true, false, false, false, false],
  ['editor of another body', as({ role: 'editor', orgId: OTHER }), false, false, false, false, false],
  ['head of ORG', as({ role: 'head', orgId: ORG }), true, false, false, true, false],
  ['appeals officer of ORG', as({ role: 'appeals_officer', orgId: ORG }), false, false, false, false, false],
  ['project office', as({ role: 'project_office', orgId: null }), true, true, true, false, true],
  ['admin', as({ role: 'admin', orgId: null }), true, true, true, true, true],
];

describe('plansPolicy', () => {
  it.each(table)('%s', (_who, actor, edit, editTemplate, agree, approve, readTemplate) => {
    expect(plansPolicy.canEdit(actor, plan)).toBe(edit);
    expect(plansPolicy.canEdit(actor, template)).toBe(editTemplate);
    expect(plansPolicy.canAgree(actor)).toBe(agree);
    expect(plansPolicy.canApprove(actor, plan)).toBe(approve);
    expect(plansPolicy.canRead(actor, template)).toBe(readTemplate);
    expect(plansPolicy.canRead(actor, plan)).toBe(true);
  });
});
