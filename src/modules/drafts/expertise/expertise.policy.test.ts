import { describe, expect, it } from 'vitest';
import { anonymous, userActor } from '../../../platform/authz/index.ts';
import { expertisePolicy } from './expertise.policy.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const expert = userActor('expert', [{ role: 'expert', orgId: null }]);
const office = userActor('office', [{ role: 'project_office', orgId: null }]);
const admin = userActor('admin', [{ role: 'admin', orgId: null }]);
const editorA = userActor('editor-a', [{ role: 'editor', orgId: A }]);
const editorB = userActor('editor-b', [{ role: 'editor', orgId: 'b' }]);
const citizen = userActor('citizen', []);

const open = { stage: 'expertise' };
const closed = { stage: 'summary' };
const active = { active: true };
const withdrawn = { active: false };

describe('expertise policy (truth table)', () => {
  it('keeps the register: the project office and administrators', () => {
    expect([anonymous, citizen, expert, editorA, office, admin].map(expertisePolicy.canKeepRegister)).toEqual(
      [false, false, false, false, true, true],
    );
  });

  it('concludes: the expert role, an active register entry and the stage open, all three', () => {
    expect(expertisePolicy.canConclude(expert, active, open)).toBe(true);
    expect(expertisePolicy.canConclude(expert, active, closed)).toBe(false);
    expect(expertisePolicy.canConclude(expert, withdrawn, open)).toBe(false);
    expect(expertisePolicy.canConclude(expert, undefined, open)).toBe(false);
    expect(expertisePolicy.canConclude(citizen, active, open)).toBe(false);
    expect(expertisePolicy.canConclude(admin, active, open)).toBe(false);
  });

  it('answers: the developing body’s editors and head (administrators too)', () => {
    const c = { orgId: A };
    expect(
      [anonymous, citizen, expert, editorB, office, editorA, admin].map((a) =>
        expertisePolicy.canAnswer(a, c),
      ),
    ).toEqual([false, false, false, false, false, true, true]);
  });
});
